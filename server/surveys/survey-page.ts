import crypto from 'node:crypto';
import type { Db } from '@/db/client';
import { findCustomer } from '@/db/queries/customers';
import { findSurveyRequest, latestSurveyAnswer } from '@/db/queries/surveys';
import { findTicket } from '@/db/queries/tickets';
import type { Locale } from '@/lib/domain';
import type { SurveyQuestion } from '@/lib/surveys/survey-policy';
import { teamTimeZone } from '@/server/teams/team-business-hours';
import { checkSurveyToken } from './survey-token';

export type SurveyPageView =
  | {
      status: 'open';
      token: string;
      locale: Locale;
      question: SurveyQuestion;
      ticket: { number: number; subject: string };
      answer: { score: number; reason: string | null; comment: string | null } | null;
      answerableUntil: number;
      timeZone: string;
      optedOut: boolean;
      /** A fresh key for this rendering's form: sent twice (a double click, a resend), it is one answer. */
      submissionKey: string;
    }
  | { status: 'invalid' | 'expired' | 'not_found'; locale: Locale | null };

export const newSubmissionKey = () => crypto.randomBytes(12).toString('base64url');

/**
 * What the survey page shows for a link's token. Reading it records nothing: link scanners and
 * prefetching open every URL, so only the page's Send (a POST) answers.
 */
export function surveyPageView(db: Db, secret: string, token: string, now = Date.now()): SurveyPageView {
  const checked = checkSurveyToken(secret, token, now, { expiredOk: true });
  if (!checked.ok) return { status: 'invalid', locale: null };
  const request = findSurveyRequest(db, checked.requestId);
  const ticket = request && findTicket(db, request.ticketId);
  if (!request || !ticket) return { status: 'not_found', locale: null };
  if (now > request.answerableUntil || !checkSurveyToken(secret, token, now).ok) return { status: 'expired', locale: request.locale };
  const answer = latestSurveyAnswer(db, request.id);
  return {
    status: 'open',
    token,
    locale: request.locale,
    question: request.question,
    ticket: { number: ticket.number, subject: ticket.subject },
    answer: answer ? { score: answer.score, reason: answer.reason, comment: answer.comment } : null,
    answerableUntil: request.answerableUntil,
    timeZone: teamTimeZone(db, request.teamId),
    optedOut: findCustomer(db, request.customerId)?.surveyOptOutAt != null,
    submissionKey: newSubmissionKey(),
  };
}
