import { and, eq, gte, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../client';
import { ticketFacts } from '../schema';
import { limitRows } from '../prepared';
import type { ChannelKind } from '../../lib/domain';

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

/** Solved within the window after exactly `n` public replies and not reopened within the reopen window. */
const resolvedAfter = (n: number) =>
  sql<number>`sum(case when ${ticketFacts.repliesBeforeFirstSolve} = ${n} and (${ticketFacts.firstReopenAt} is null or ${ticketFacts.firstReopenAt} - ${ticketFacts.firstSolvedAt} > ${REOPEN_WINDOW_MS}) then 1 else 0 end)`;

/**
 * First-contact resolution of the tickets first solved in the window that got at least one public
 * agent reply: the share solved after exactly one (and not reopened within 7 days), with second and
 * third contact, and the one-touch rate (fewer than two replies) for comparison.
 */
export function contactResolution(db: Queryable, f: Omit<MetricsFilter, 'cohort'>) {
  const row = db
    .select({
      n: sql<number>`count(*)`,
      first: resolvedAfter(1),
      second: resolvedAfter(2),
      third: resolvedAfter(3),
      oneTouch: sql<number>`sum(case when ${ticketFacts.repliesBeforeFirstSolve} < 2 then 1 else 0 end)`,
    })
    .from(ticketFacts)
    .where(and(cohortOf({ ...f, cohort: 'solved' }), sql`${ticketFacts.repliesBeforeFirstSolve} >= 1`))
    .get()!;
  return { n: row.n, first: row.first ?? 0, second: row.second ?? 0, third: row.third ?? 0, oneTouch: row.oneTouch ?? 0 };
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
