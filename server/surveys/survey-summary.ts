import type { Queryable } from '@/db/client';
import { listCustomerSurveys, listTicketSurveys, type SurveyWithAnswer } from '@/db/queries/surveys';
import { readAnswer } from '@/lib/surveys/survey-scoring';
import { findTicket } from '@/db/queries/tickets';

/**
 * A sent survey as agents see it (ticket header and thread, customer profile): what was asked, the
 * answer that counts with its reading, how often it changed, until when it stays open.
 */
export function surveySummary(s: SurveyWithAnswer) {
  const q = s.question;
  const answer = s.answer && {
    score: s.answer.score,
    reading: readAnswer(s.answer.type, s.answer.score, { min: s.answer.scaleMin, max: s.answer.scaleMax }),
    max: s.answer.scaleMax,
    label: q.labels.find((l) => l.score === s.answer!.score) ?? null,
    reason: q.reasons.find((r) => r.key === s.answer!.reason) ?? null,
    comment: s.answer.comment,
    at: s.answer.createdAt,
  };
  return {
    requestId: s.id,
    ticketId: s.ticketId,
    cycle: s.cycle,
    type: q.type,
    channel: s.channelKind,
    scale: q.scale,
    sentAt: s.sentAt,
    answerableUntil: s.answerableUntil,
    answer,
    changes: Math.max(0, s.answerCount - 1),
  };
}
export type SurveySummary = ReturnType<typeof surveySummary>;

export const ticketSurveys = (db: Queryable, ticketId: number) => listTicketSurveys(db, ticketId).map(surveySummary);
/** With each ticket's number, for the customer's history of ratings across tickets. */
export const customerSurveys = (db: Queryable, customerId: number, limit = 20) =>
  listCustomerSurveys(db, customerId, limit).map((s) => ({ ...surveySummary(s), ticketNumber: findTicket(db, s.ticketId)?.number ?? null }));
