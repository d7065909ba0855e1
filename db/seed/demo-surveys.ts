import { type Db, transact } from '../client';
import { sql } from 'drizzle-orm';
import { channels, tickets } from '../schema';
import { insertSurveyAnswer, insertSurveyRequest, setSurveyMessage, type SurveyPolicyRow } from '../queries/surveys';
import { insertEvents, insertMessage } from '../queries/tickets';
import { createRandom } from './random';
import { readAnswer } from '../../lib/surveys/survey-scoring';
import { ticketEvent } from '../../lib/ticket-events';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const COMMENTS = {
  happy: ['Schnell und freundlich, danke!', 'Super Service.', 'Hat alles geklappt.', 'Very helpful, thank you.'],
  unhappy: ['Hat viel zu lange gedauert.', 'Mein Problem ist nicht gelöst.', 'Ich musste dreimal nachfragen.', 'Nobody read my first message.'],
};

/**
 * The 90 days of answers the demo's survey policies (server/surveys/demo-survey-policies.ts) would have
 * collected, so tickets and customer profiles show ratings. Answers lean on how the ticket went: slow
 * resolutions and reopened tickets rate worse. Deterministic.
 */
export function seedDemoSurveyHistory(db: Db, policies: { chat: SurveyPolicyRow; other: SurveyPolicyRow }, now: number) {
  const rnd = createRandom(16);
  const solved = db
    .select({
      id: tickets.id,
      customerId: tickets.customerId,
      channelId: tickets.channelId,
      kind: channels.kind,
      assigneeId: tickets.assigneeId,
      teamId: tickets.teamId,
      createdAt: tickets.createdAt,
      solvedAt: tickets.lastSolvedAt,
      reopenCount: tickets.reopenCount,
    })
    .from(tickets)
    .innerJoin(channels, sql`${channels.id} = ${tickets.channelId}`)
    .where(
      sql`${tickets.lastSolvedAt} is not null and ${tickets.firstResponseAt} is not null and ${tickets.lastSolvedAt} < ${now - DAY} and ${tickets.isSpam} = 0`,
    )
    .all();
  transact(db, (tx) => {
    for (const t of solved) {
      if (!rnd.chance(0.7)) continue;
      const policy = t.kind === 'chat' ? policies.chat : policies.other;
      const { question } = policy.definition;
      const sentAt = t.kind === 'chat' ? t.solvedAt! + 60_000 : t.solvedAt! + DAY;
      if (sentAt >= now) continue;
      const request = insertSurveyRequest(tx, {
        ticketId: t.id,
        cycle: t.reopenCount + 1,
        policyId: policy.id,
        customerId: t.customerId,
        channelId: t.channelId,
        channelKind: t.kind,
        question,
        // A customer keeps one language across surveys: one in five is asked in English.
        locale: t.customerId % 5 === 0 ? 'en' : 'de',
        agentId: t.assigneeId,
        teamId: t.teamId,
        sentAt,
        answerableUntil: sentAt + policy.definition.answerDays * DAY,
      });
      const message = insertMessage(tx, {
        ticketId: t.id,
        authorKind: 'system',
        bodyText: question.question[request.locale],
        meta: { autoSubmitted: true, survey: { requestId: request.id } },
        deliveryState: 'sent',
        createdAt: sentAt,
      });
      setSurveyMessage(tx, request.id, message.id);
      const events = [
        ticketEvent(
          t.id,
          'survey_sent',
          { requestId: request.id, policyId: policy.id, cycle: request.cycle, type: question.type, channel: t.kind },
          { kind: 'system' },
          sentAt,
        ),
      ];
      const answeredAt = sentAt + rnd.int(5, 48 * 60) * 60_000;
      if (rnd.chance(0.45) && answeredAt < now) {
        const slow = t.solvedAt! - t.createdAt > 2 * DAY || t.reopenCount > 0;
        const top = question.scale.max;
        const score = Math.max(
          question.scale.min,
          top -
            rnd.weighted(
              slow
                ? [
                    [0, 2],
                    [1, 2],
                    [2, 2],
                    [3, 2],
                    [4, 2],
                  ]
                : [
                    [0, 10],
                    [1, 6],
                    [2, 2],
                    [3, 1],
                    [4, 1],
                  ],
            ),
        );
        const reading = readAnswer(question.type, score, question.scale);
        const comment = rnd.chance(0.3) ? rnd.pick(reading === 'unhappy' ? COMMENTS.unhappy : COMMENTS.happy) : null;
        const reason = reading === 'unhappy' && question.reasons.length && rnd.chance(0.6) ? rnd.pick(question.reasons).key : null;
        const answer = insertSurveyAnswer(tx, {
          requestId: request.id,
          type: question.type,
          score,
          scaleMin: question.scale.min,
          scaleMax: question.scale.max,
          reason,
          comment,
          source: t.kind === 'chat' ? 'chat' : 'page',
          submissionKey: `demo:${request.id}`,
          createdAt: answeredAt,
        })!;
        events.push(
          ticketEvent(
            t.id,
            'survey_answered',
            {
              requestId: request.id,
              answerId: answer.id,
              type: question.type,
              scale: question.scale,
              score,
              reason,
              comment: comment !== null,
              channel: t.kind,
              agentId: t.assigneeId,
              teamId: t.teamId,
              changed: false,
              unhappy: reading === 'unhappy',
            },
            { kind: 'customer' },
            answeredAt,
          ),
        );
      }
      insertEvents(tx, events);
    }
  });
}
