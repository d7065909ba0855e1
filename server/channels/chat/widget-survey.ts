import type { Queryable } from '@/db/client';
import { findCustomer } from '@/db/queries/customers';
import { listTicketSurveys } from '@/db/queries/surveys';
import type { WidgetSurvey } from '@/lib/widget-events';

/** The latest survey of a chat, as the widget draws it (null: none was sent). */
export function widgetSurveyOf(db: Queryable, ticketId: number, now = Date.now()): WidgetSurvey | null {
  const latest = listTicketSurveys(db, ticketId).at(-1);
  if (!latest) return null;
  const q = latest.question;
  return {
    requestId: latest.id,
    ticketId,
    type: q.type,
    question: q.question,
    scale: q.scale,
    labels: q.labels,
    reasons: q.reasons,
    comment: q.comment,
    answer: latest.answer && { score: latest.answer.score, reason: latest.answer.reason, comment: latest.answer.comment },
    open: now <= latest.answerableUntil,
    optedOut: findCustomer(db, latest.customerId)?.surveyOptOutAt != null,
  };
}
