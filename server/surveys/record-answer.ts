import { type Db, transact, type Tx } from '@/db/client';
import * as sq from '@/db/queries/surveys';
import * as q from '@/db/queries/tickets';
import type { ANSWER_SOURCES } from '@/db/schema';
import { flaggedComment, onScale, readAnswer } from '@/lib/surveys/survey-scoring';
import { COMMENT_MAX } from '@/lib/surveys/survey-policy';
import { ticketEvent } from '@/lib/ticket-events';
import { DomainError } from '@/server/errors/domain-error';
import { getBus } from '@/server/realtime/bus';
import { handleUnhappyAnswer } from './unhappy-answer';

export type AnswerInput = {
  requestId: number;
  score: number;
  reason?: string | null;
  comment?: string | null;
  source: (typeof ANSWER_SOURCES)[number];
  /** One submission's key (the page's form, a platform's event id): the same key twice is one answer. */
  submissionKey: string;
};

export type RecordedAnswer = { answer: sq.SurveyAnswerRow; changed: boolean; duplicate: boolean; request: sq.SurveyRequestRow };

/**
 * Records a customer's answer to a survey they were sent, after every check: the survey exists and is
 * still open, the score lies on the scale it was asked on, a reason is one it offered, a comment is plain
 * text of bounded length (never rendered as HTML). A repeated submission, or one that says exactly what
 * the latest answer says, stores nothing new; a different one within the window is a change (the latest
 * counts) and an event of its own. An unhappy answer sets the policy's actions in motion once per survey.
 */
export function recordSurveyAnswer(db: Db, input: AnswerInput, now = Date.now()): RecordedAnswer {
  const result = transact(db, (tx) => record(tx, input, now));
  if (!result.duplicate) {
    getBus().emit('survey.changed', { ticketId: result.request.ticketId });
    getBus().emit('ticket.changed', { ticketId: result.request.ticketId, kind: 'updated', actorAgentId: null });
    if (result.told.length) getBus().emit('notifications.new', { agentIds: result.told });
  }
  return result;
}

function record(tx: Tx, input: AnswerInput, now: number): RecordedAnswer & { told: number[] } {
  const request = openSurvey(tx, input.requestId, now);
  const { question } = request;
  if (!onScale(input.score, question.scale)) throw new DomainError('BAD_REQUEST', 'survey_score_off_scale');
  const reason = input.reason?.trim() || null;
  if (reason && !question.reasons.some((r) => r.key === reason)) throw new DomainError('BAD_REQUEST', 'survey_reason_unknown');
  const comment = question.comment ? input.comment?.trim() || null : null;
  if (comment && comment.length > COMMENT_MAX) throw new DomainError('BAD_REQUEST', 'survey_comment_too_long', { max: COMMENT_MAX });

  const latest = sq.latestSurveyAnswer(tx, request.id);
  if (latest && latest.score === input.score && latest.reason === reason && latest.comment === comment) {
    return { answer: latest, changed: false, duplicate: true, request, told: [] };
  }
  const stored = sq.insertSurveyAnswer(tx, {
    requestId: request.id,
    type: question.type,
    score: input.score,
    scaleMin: question.scale.min,
    scaleMax: question.scale.max,
    reason,
    comment,
    source: input.source,
    submissionKey: input.submissionKey,
    createdAt: now,
  });
  if (!stored) return { answer: latest!, changed: false, duplicate: true, request, told: [] };

  const policy = request.policyId === null ? undefined : sq.findSurveyPolicy(tx, request.policyId);
  const unhappy = readAnswer(question.type, stored.score, question.scale) === 'unhappy' || flaggedComment(comment, policy?.definition.unhappy.flagWords ?? []);
  q.insertEvents(tx, [
    ticketEvent(
      request.ticketId,
      'survey_answered',
      {
        requestId: request.id,
        answerId: stored.id,
        type: question.type,
        scale: question.scale,
        score: stored.score,
        reason,
        comment: comment !== null,
        channel: request.channelKind,
        agentId: request.agentId,
        teamId: request.teamId,
        changed: latest !== undefined,
        unhappy,
      },
      { kind: 'customer' },
      now,
    ),
  ]);
  const told = unhappy && policy ? handleUnhappyAnswer(tx, request, stored, policy.definition.unhappy, now) : [];
  return { answer: stored, changed: latest !== undefined, duplicate: false, request, told };
}

/** The survey a link, button or widget names, refused when it is unknown or no longer takes answers. */
export function openSurvey(tx: Tx, requestId: number, now: number) {
  const request = sq.findSurveyRequest(tx, requestId);
  if (!request) throw new DomainError('NOT_FOUND', 'survey_not_found');
  if (now > request.answerableUntil) throw new DomainError('CONFLICT', 'survey_closed');
  return request;
}
