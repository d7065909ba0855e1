import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { cohortOf, scopeOf, type MetricsFilter } from './metrics-filter';
import { CONTACT_BUCKETS as BUCKETS, durationColumn, type Clock } from './metrics-figures';
import type { Db, Queryable } from '../client';
import { cohortSummaryFromRollups, slaCountsFromRollups, surveyCountsFromRollups } from './metrics-rollup-reads';
import { HOUR_MS } from '../../lib/dashboard/rollup-contribution';
import { SLA_TARGET_STATES, surveyAnswers, surveyRequests, ticketFacts, ticketSlaTargets } from '../schema';
import type { SurveyType } from '../../lib/surveys/survey-policy';
import { READINGS } from '../../lib/surveys/survey-scoring';

/**
 * The dashboard's headline figures over `ticket_facts` (DESIGN.md §5), never over messages; which tickets
 * count is said once, in metrics-filter.ts.
 */
const countOf = (condition: SQL) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;

/**
 * One pass over a cohort's tickets for the figures that count them: how many; first response and
 * resolution (n, median, 90th percentile, mean; the percentiles interpolated between neighbouring values,
 * as spreadsheets do); and, for the tickets first solved, contact resolution (the share solved after
 * exactly one public reply and not reopened within 7 days, second and third contact, one-touch: fewer
 * than two) and how many were reopened since. One scan rather than one query per figure: at a million
 * tickets each scan of a month costs about as much as the figure it computes.
 */
export function cohortSummary(db: Db, f: MetricsFilter & { clock: Clock }, o: { durations?: boolean } = {}) {
  return cohortSummaryFromRollups(db, f, o.durations ?? true) ?? cohortSummaryFromFacts(db, f);
}

/** The same from the facts: for filters the rollups cannot answer, and for the tests that hold the two side by side. */
export function cohortSummaryFromFacts(db: Queryable, f: MetricsFilter & { clock: Clock }) {
  const frt = durationColumn('firstResponse', f.clock);
  const res = durationColumn('resolution', f.clock);
  const contacted = sql`(${ticketFacts.firstSolvedAt} is not null and ${ticketFacts.repliesBeforeFirstSolve} >= 1)`;
  const row = db
    .select({
      n: sql<number>`count(*)`,
      frtN: sql<number>`count(${frt})`,
      frtMedian: sql<number | null>`median(${frt})`,
      frtP90: sql<number | null>`percentile(${frt}, 90)`,
      frtMean: sql<number | null>`avg(${frt})`,
      resN: sql<number>`count(${res})`,
      resMedian: sql<number | null>`median(${res})`,
      resP90: sql<number | null>`percentile(${res}, 90)`,
      resMean: sql<number | null>`avg(${res})`,
      contacted: countOf(contacted),
      first: countOf(sql`${contacted} and ${BUCKETS.first}`),
      second: countOf(sql`${contacted} and ${BUCKETS.second}`),
      third: countOf(sql`${contacted} and ${BUCKETS.third}`),
      oneTouch: countOf(sql`${contacted} and ${BUCKETS.oneTouch}`),
      reopened: countOf(sql`${ticketFacts.firstReopenAt} is not null`),
    })
    .from(ticketFacts)
    .where(cohortOf(f))
    .get()!;
  const round = (v: number | null) => (v === null ? null : Math.round(v));
  return {
    n: row.n,
    firstResponse: { n: row.frtN, median: round(row.frtMedian), p90: round(row.frtP90), mean: round(row.frtMean) },
    resolution: { n: row.resN, median: round(row.resMedian), p90: round(row.resP90), mean: round(row.resMean) },
    contact: { n: row.contacted ?? 0, first: row.first ?? 0, second: row.second ?? 0, third: row.third ?? 0, oneTouch: row.oneTouch ?? 0 },
    reopened: row.reopened ?? 0,
  };
}

/** The surveys sent in the window, team and agent as they were at solving; the other filters on the ticket. */
export function surveysSentIn(f: Omit<MetricsFilter, 'cohort'>): SQL {
  return and(
    gte(surveyRequests.sentAt, f.from),
    lt(surveyRequests.sentAt, f.to),
    f.teamId != null ? eq(surveyRequests.teamId, f.teamId) : undefined,
    f.agentId != null ? eq(surveyRequests.agentId, f.agentId) : undefined,
    f.channel ? eq(surveyRequests.channelKind, f.channel) : undefined,
    scopeOf({ priority: f.priority, tagId: f.tagId }, false),
  )!;
}

/** A survey's answer that counts: its latest. */
export const latestAnswer = sql`(select max(a2.id) from ${surveyAnswers} a2 where a2.request_id = ${surveyRequests.id})`;

/** What the survey figures are made of, per question type: sent, answered (latest answers), satisfied (CSAT), promoters and detractors (NPS), the scores' sum. */
export type SurveyCounts = { sent: number; answered: number; satisfied: number; promoters: number; detractors: number; scoreSum: number };

/**
 * CSAT, NPS and CES of the surveys sent in the window (team and agent as they were at solving): the
 * latest answer of each survey counts, read on the scale it was given on. CSAT: satisfied answers
 * (the top two of 1–5, the same proportion on another scale) over all answers; NPS: % promoters (9–10)
 * minus % detractors (0–6); CES: the mean on 1–7. Response rate: answered surveys over surveys sent.
 * Read from the rollups where they can answer (lib/dashboard/rollup-contribution.ts counts alike).
 */
export function surveyFigures(db: Db, f: Omit<MetricsFilter, 'cohort'>) {
  const { csat, nps, ces } = surveyCountsFromRollups(db, f) ?? surveyCountsFromFacts(db, f);
  const rate = (r: SurveyCounts) => (r.sent ? r.answered / r.sent : null);
  return {
    csat: { n: csat.answered, sent: csat.sent, responseRate: rate(csat), value: csat.answered ? csat.satisfied / csat.answered : null },
    nps: { n: nps.answered, sent: nps.sent, responseRate: rate(nps), value: nps.answered ? (100 * (nps.promoters - nps.detractors)) / nps.answered : null },
    ces: { n: ces.answered, sent: ces.sent, responseRate: rate(ces), value: ces.answered ? ces.scoreSum / ces.answered : null },
  };
}

/** The survey counts from the survey tables: for filters the rollups cannot answer, and for the tests that hold the two side by side. */
export function surveyCountsFromFacts(db: Queryable, f: Omit<MetricsFilter, 'cohort'>): Record<SurveyType, SurveyCounts> {
  const position = sql`(1.0 * (${surveyAnswers.score} - ${surveyAnswers.scaleMin}) / (${surveyAnswers.scaleMax} - ${surveyAnswers.scaleMin}))`;
  const rows = db
    .select({
      type: sql<SurveyType>`json_extract(${surveyRequests.question}, '$.type')`,
      sent: sql<number>`count(distinct ${surveyRequests.id})`,
      answered: sql<number>`count(${surveyAnswers.id})`,
      satisfied: sql<number>`coalesce(sum(case when ${surveyAnswers.type} = 'csat' and ${position} >= ${READINGS.csat.happyFrom} then 1 else 0 end), 0)`,
      promoters: sql<number>`coalesce(sum(case when ${surveyAnswers.type} = 'nps' and ${surveyAnswers.score} >= ${READINGS.nps.promoterFrom} then 1 else 0 end), 0)`,
      detractors: sql<number>`coalesce(sum(case when ${surveyAnswers.type} = 'nps' and ${surveyAnswers.score} <= ${READINGS.nps.detractorUpTo} then 1 else 0 end), 0)`,
      scoreSum: sql<number>`coalesce(sum(${surveyAnswers.score}), 0)`,
    })
    .from(surveyRequests)
    .innerJoin(ticketFacts, eq(ticketFacts.ticketId, surveyRequests.ticketId))
    .leftJoin(surveyAnswers, sql`${surveyAnswers.id} = ${latestAnswer}`)
    .where(surveysSentIn(f))
    .groupBy(sql`json_extract(${surveyRequests.question}, '$.type')`)
    .all();
  const of = (type: SurveyType) => {
    const { type: _, ...counts } = rows.find((r) => r.type === type) ?? { type, ...NO_SURVEYS };
    return counts;
  };
  return { csat: of('csat'), nps: of('nps'), ces: of('ces') };
}
const NO_SURVEYS: SurveyCounts = { sent: 0, answered: 0, satisfied: 0, promoters: 0, detractors: 0, scoreSum: 0 };

const COMING_DUE = SLA_TARGET_STATES.filter((s) => s !== 'stopped');

/** The SLA targets that came due in the window (due before its end and before now), stopped ones never did; join ticket_facts. */
export function slaTargetsDue(f: Omit<MetricsFilter, 'cohort'> & { now: number }): SQL {
  return and(
    gte(ticketSlaTargets.dueAt, f.from),
    lt(ticketSlaTargets.dueAt, Math.min(f.to, f.now)),
    // Every state but stopped, named: the (state, due) index then serves the due-time range.
    inArray(ticketSlaTargets.state, COMING_DUE),
    scopeOf(f, false),
  )!;
}

/** Met on time: met and never breached. */
export const slaMetOnTime = sql`(${ticketSlaTargets.state} = 'met' and ${ticketSlaTargets.breachedAt} is null)`;

/**
 * SLA attainment: of the targets that came due in the window (due before its end and before now; a
 * target stopped by solving without it, or by a policy change, never came due), the share met on time.
 * Team and agent: the ticket's current ones (from its facts). The rollups hold whole hours of due
 * times: the targets due so far in the hour now is in are read from the targets themselves.
 */
export function slaAttainment(db: Db, f: Omit<MetricsFilter, 'cohort'> & { now: number }) {
  const end = Math.min(f.to, f.now);
  const cut = Math.max(f.from, end - (end % HOUR_MS));
  const rolled = slaCountsFromRollups(db, { ...f, to: cut });
  const tail = !rolled ? slaCountsFromFacts(db, f) : cut < end ? slaCountsFromFacts(db, { ...f, from: cut, now: end }) : { n: 0, met: 0 };
  const n = (rolled?.n ?? 0) + tail.n;
  const met = (rolled?.met ?? 0) + tail.met;
  return { n, met, value: n ? met / n : null };
}

/** The targets due and met on time from the targets table: for what the rollups cannot answer, and for the tests. */
export function slaCountsFromFacts(db: Queryable, f: Omit<MetricsFilter, 'cohort'> & { now: number }): { n: number; met: number } {
  const row = db
    .select({ n: sql<number>`count(*)`, met: sql<number>`coalesce(sum(case when ${slaMetOnTime} then 1 else 0 end), 0)` })
    .from(ticketSlaTargets)
    .innerJoin(ticketFacts, eq(ticketFacts.ticketId, ticketSlaTargets.ticketId))
    .where(slaTargetsDue(f))
    .get()!;
  return { n: row.n, met: row.met };
}
