import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { surveyAnswers, surveyRequests, ticketFacts, ticketSlaTargets, tickets } from '../schema';
import { limitRows } from '../prepared';
import type { SurveyType } from '../../lib/surveys/survey-policy';
import type { MetricsFilter } from './metrics-filter';
import { latestAnswer, slaMetOnTime, slaTargetsDue, surveysSentIn } from './metrics';

/**
 * The rows behind the survey and SLA figures, with the same conditions as the figures: the answered
 * surveys of a type (latest answer each) and the SLA targets that came due. The count is the figure's n.
 */
type Window = Omit<MetricsFilter, 'cohort'>;
type Page = { offset: number; limit: number };

const answeredOfType = (f: Window, type: SurveyType) => and(surveysSentIn(f), sql`json_extract(${surveyRequests.question}, '$.type') = ${type}`)!;

export function surveyAnswerRows(db: Queryable, f: Window, type: SurveyType, page: Page) {
  const rows = db
    .select({
      ticketId: tickets.id,
      number: tickets.number,
      subject: tickets.subject,
      sentAt: surveyRequests.sentAt,
      score: surveyAnswers.score,
      scaleMin: surveyAnswers.scaleMin,
      scaleMax: surveyAnswers.scaleMax,
      reason: surveyAnswers.reason,
      answeredAt: surveyAnswers.createdAt,
    })
    .from(surveyRequests)
    .innerJoin(ticketFacts, eq(ticketFacts.ticketId, surveyRequests.ticketId))
    .innerJoin(surveyAnswers, sql`${surveyAnswers.id} = ${latestAnswer}`)
    .innerJoin(tickets, eq(tickets.id, surveyRequests.ticketId))
    .where(answeredOfType(f, type))
    .orderBy(asc(surveyRequests.sentAt), asc(surveyRequests.id))
    .limit(limitRows(page.limit))
    .offset(page.offset)
    .all();
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(surveyRequests)
    .innerJoin(ticketFacts, eq(ticketFacts.ticketId, surveyRequests.ticketId))
    .innerJoin(surveyAnswers, sql`${surveyAnswers.id} = ${latestAnswer}`)
    .where(answeredOfType(f, type))
    .get()!.n;
  return { total, rows };
}

export function slaTargetRows(db: Queryable, f: Window & { now: number }, page: Page) {
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(ticketSlaTargets)
    .innerJoin(ticketFacts, eq(ticketFacts.ticketId, ticketSlaTargets.ticketId))
    .where(slaTargetsDue(f))
    .get()!.n;
  const rows = db
    .select({
      ticketId: tickets.id,
      number: tickets.number,
      subject: tickets.subject,
      target: ticketSlaTargets.target,
      cycle: ticketSlaTargets.cycle,
      dueAt: ticketSlaTargets.dueAt,
      metOnTime: sql<number>`${slaMetOnTime}`,
      policyName: ticketSlaTargets.policyName,
    })
    .from(ticketSlaTargets)
    .innerJoin(ticketFacts, eq(ticketFacts.ticketId, ticketSlaTargets.ticketId))
    .innerJoin(tickets, eq(tickets.id, ticketSlaTargets.ticketId))
    .where(slaTargetsDue(f))
    .orderBy(asc(ticketSlaTargets.dueAt), asc(tickets.number))
    .limit(limitRows(page.limit))
    .offset(page.offset)
    .all()
    .map((r) => ({ ...r, metOnTime: r.metOnTime === 1 }));
  return { total, rows };
}
