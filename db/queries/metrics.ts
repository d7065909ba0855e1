import { and, eq, gte, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../client';
import { surveyAnswers, surveyRequests, ticketFacts, ticketSlaTargets } from '../schema';
import { limitRows } from '../prepared';
import type { ChannelKind } from '../../lib/domain';
import type { SurveyType } from '../../lib/surveys/survey-policy';
import { READINGS } from '../../lib/surveys/survey-scoring';

/**
 * The dashboard's figures over `ticket_facts` (DESIGN.md §5), never over messages. A cohort is the
 * tickets created in the window or the tickets (first) solved in it; team and agent are those the
 * ticket had then (the current ones for created, the solving ones for solved). Spam never counts.
 */
export type MetricsFilter = {
  from: number;
  to: number;
  cohort: 'created' | 'solved';
  teamId?: number | null;
  agentId?: number | null;
  channel?: ChannelKind | null;
};

export const REOPEN_WINDOW_MS = 7 * 24 * 3600_000;

function cohortOf(f: MetricsFilter): SQL {
  const created = f.cohort === 'created';
  const at = created ? ticketFacts.createdAt : ticketFacts.firstSolvedAt;
  const team = created ? ticketFacts.teamId : ticketFacts.solvedTeamId;
  const agent = created ? ticketFacts.assigneeId : ticketFacts.solvedAssigneeId;
  return and(
    gte(at, f.from),
    lt(at, f.to),
    eq(ticketFacts.isSpam, false),
    f.teamId != null ? eq(team, f.teamId) : undefined,
    f.agentId != null ? eq(agent, f.agentId) : undefined,
    f.channel ? eq(ticketFacts.channel, f.channel) : undefined,
  )!;
}

/** Solved after exactly `n` public replies and not reopened within the reopen window. */
const resolvedAfter = (n: number) =>
  sql`(${ticketFacts.repliesBeforeFirstSolve} = ${n} and (${ticketFacts.firstReopenAt} is null or ${ticketFacts.firstReopenAt} - ${ticketFacts.firstSolvedAt} > ${REOPEN_WINDOW_MS}))`;
const BUCKETS = { first: resolvedAfter(1), second: resolvedAfter(2), third: resolvedAfter(3), oneTouch: sql`(${ticketFacts.repliesBeforeFirstSolve} < 2)` };
export type ContactBucket = keyof typeof BUCKETS | 'all';

/** The FCR cohort: tickets first solved in the window that got at least one public agent reply. */
const contactCohort = (f: Omit<MetricsFilter, 'cohort'>) => and(cohortOf({ ...f, cohort: 'solved' }), sql`${ticketFacts.repliesBeforeFirstSolve} >= 1`);
const countOf = (condition: SQL) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;

/**
 * First-contact resolution of the tickets first solved in the window that got at least one public
 * agent reply: the share solved after exactly one (and not reopened within 7 days), with second and
 * third contact, and the one-touch rate (fewer than two replies) for comparison.
 */
export function contactResolution(db: Queryable, f: Omit<MetricsFilter, 'cohort'>) {
  const row = db
    .select({
      n: sql<number>`count(*)`,
      first: countOf(BUCKETS.first),
      second: countOf(BUCKETS.second),
      third: countOf(BUCKETS.third),
      oneTouch: countOf(BUCKETS.oneTouch),
    })
    .from(ticketFacts)
    .where(contactCohort(f))
    .get()!;
  return { n: row.n, first: row.first ?? 0, second: row.second ?? 0, third: row.third ?? 0, oneTouch: row.oneTouch ?? 0 };
}

/** The tickets behind a contact-resolution figure (its n, or one bucket of it), oldest solve first: what a figure links to. */
export function contactResolutionTickets(db: Queryable, f: Omit<MetricsFilter, 'cohort'>, bucket: ContactBucket, limit: number): number[] {
  return db
    .select({ id: ticketFacts.ticketId })
    .from(ticketFacts)
    .where(and(contactCohort(f), bucket === 'all' ? undefined : BUCKETS[bucket]))
    .orderBy(ticketFacts.firstSolvedAt, ticketFacts.ticketId)
    .limit(limitRows(limit))
    .all()
    .map((r) => r.id);
}

/** Median and 90th percentile (nearest rank) of a duration column over the cohort's tickets that have it. */
export function durationPercentiles(db: Queryable, f: MetricsFilter, column: 'firstResponse' | 'resolution', clock: 'calendar' | 'business') {
  const col = {
    firstResponse: { calendar: ticketFacts.firstResponseCalendarMs, business: ticketFacts.firstResponseBusinessMs },
    resolution: { calendar: ticketFacts.resolutionCalendarMs, business: ticketFacts.resolutionBusinessMs },
  }[column][clock];
  const where = and(cohortOf(f), isNotNull(col));
  const n = db
    .select({ n: sql<number>`count(*)` })
    .from(ticketFacts)
    .where(where)
    .get()!.n;
  const at = (q: number) =>
    n === 0
      ? null
      : (db
          .select({ v: col })
          .from(ticketFacts)
          .where(where)
          .orderBy(col)
          .limit(limitRows(1))
          .offset(Math.max(0, Math.ceil(q * n) - 1))
          .get()?.v ?? null);
  const mean =
    n === 0
      ? null
      : db
          .select({ m: sql<number>`avg(${col})` })
          .from(ticketFacts)
          .where(where)
          .get()!.m;
  return { n, median: at(0.5), p90: at(0.9), mean: mean === null ? null : Math.round(mean) };
}

/**
 * CSAT, NPS and CES of the surveys sent in the window (team and agent as they were at solving): the
 * latest answer of each survey counts, read on the scale it was given on. CSAT: satisfied answers
 * (the top two of 1–5, the same proportion on another scale) over all answers; NPS: % promoters (9–10)
 * minus % detractors (0–6); CES: the mean on 1–7. Response rate: answered surveys over surveys sent.
 */
export function surveyFigures(db: Queryable, f: Omit<MetricsFilter, 'cohort'>) {
  const where = and(
    gte(surveyRequests.sentAt, f.from),
    lt(surveyRequests.sentAt, f.to),
    f.teamId != null ? eq(surveyRequests.teamId, f.teamId) : undefined,
    f.agentId != null ? eq(surveyRequests.agentId, f.agentId) : undefined,
    f.channel ? eq(surveyRequests.channelKind, f.channel) : undefined,
  );
  const latest = sql`(select max(a2.id) from ${surveyAnswers} a2 where a2.request_id = ${surveyRequests.id})`;
  const position = sql`(1.0 * (${surveyAnswers.score} - ${surveyAnswers.scaleMin}) / (${surveyAnswers.scaleMax} - ${surveyAnswers.scaleMin}))`;
  const rows = db
    .select({
      type: sql<SurveyType>`json_extract(${surveyRequests.question}, '$.type')`,
      sent: sql<number>`count(distinct ${surveyRequests.id})`,
      answered: sql<number>`count(${surveyAnswers.id})`,
      satisfied: sql<number>`sum(case when ${surveyAnswers.type} = 'csat' and ${position} >= ${READINGS.csat.happyFrom} then 1 else 0 end)`,
      promoters: sql<number>`sum(case when ${surveyAnswers.type} = 'nps' and ${surveyAnswers.score} >= ${READINGS.nps.promoterFrom} then 1 else 0 end)`,
      detractors: sql<number>`sum(case when ${surveyAnswers.type} = 'nps' and ${surveyAnswers.score} <= ${READINGS.nps.detractorUpTo} then 1 else 0 end)`,
      scoreSum: sql<number>`sum(${surveyAnswers.score})`,
    })
    .from(surveyRequests)
    .leftJoin(surveyAnswers, sql`${surveyAnswers.id} = ${latest}`)
    .where(where)
    .groupBy(sql`json_extract(${surveyRequests.question}, '$.type')`)
    .all();
  const of = (type: SurveyType) => rows.find((r) => r.type === type) ?? { sent: 0, answered: 0, satisfied: 0, promoters: 0, detractors: 0, scoreSum: 0 };
  const rate = (r: { sent: number; answered: number }) => (r.sent ? r.answered / r.sent : null);
  const csat = of('csat');
  const nps = of('nps');
  const ces = of('ces');
  return {
    csat: { n: csat.answered, sent: csat.sent, responseRate: rate(csat), value: csat.answered ? (csat.satisfied ?? 0) / csat.answered : null },
    nps: {
      n: nps.answered,
      sent: nps.sent,
      responseRate: rate(nps),
      value: nps.answered ? (100 * ((nps.promoters ?? 0) - (nps.detractors ?? 0))) / nps.answered : null,
    },
    ces: { n: ces.answered, sent: ces.sent, responseRate: rate(ces), value: ces.answered ? (ces.scoreSum ?? 0) / ces.answered : null },
  };
}

/**
 * SLA attainment: of the targets that came due in the window (due before its end and before now; a
 * target stopped by solving without it, or by a policy change, never came due), the share met on time,
 * per target kind. Team and agent: the ticket's current ones (from its facts).
 */
export function slaAttainment(db: Queryable, f: Omit<MetricsFilter, 'cohort'> & { now: number }) {
  const rows = db
    .select({
      target: ticketSlaTargets.target,
      n: sql<number>`count(*)`,
      met: sql<number>`sum(case when ${ticketSlaTargets.state} = 'met' and ${ticketSlaTargets.breachedAt} is null then 1 else 0 end)`,
    })
    .from(ticketSlaTargets)
    .innerJoin(ticketFacts, eq(ticketFacts.ticketId, ticketSlaTargets.ticketId))
    .where(
      and(
        gte(ticketSlaTargets.dueAt, f.from),
        lt(ticketSlaTargets.dueAt, Math.min(f.to, f.now)),
        sql`${ticketSlaTargets.state} <> 'stopped'`,
        eq(ticketFacts.isSpam, false),
        f.teamId != null ? eq(ticketFacts.teamId, f.teamId) : undefined,
        f.agentId != null ? eq(ticketFacts.assigneeId, f.agentId) : undefined,
        f.channel ? eq(ticketFacts.channel, f.channel) : undefined,
      ),
    )
    .groupBy(ticketSlaTargets.target)
    .all();
  const n = rows.reduce((s, r) => s + r.n, 0);
  const met = rows.reduce((s, r) => s + (r.met ?? 0), 0);
  return { n, met, value: n ? met / n : null, byTarget: Object.fromEntries(rows.map((r) => [r.target, { n: r.n, met: r.met ?? 0 }])) };
}
