import { and, eq, gte, lt, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { ticketFacts, ticketTags } from '../schema';
import type { ChannelKind, Priority } from '../../lib/domain';
import type { OffsetPiece } from '../../lib/time/zone-offsets';

/**
 * Which tickets a dashboard figure counts (DESIGN.md §5). A cohort is the tickets created in the window
 * or the tickets first solved in it; team and agent are those the ticket had then (the current ones for
 * created, the solving ones for solved). Spam never counts. One place, so every figure and its drill-down
 * select the same tickets.
 */
export type MetricsFilter = {
  from: number;
  to: number;
  cohort: 'created' | 'solved';
  teamId?: number | null;
  agentId?: number | null;
  channel?: ChannelKind | null;
  priority?: Priority | null;
  tagId?: number | null;
};
export type Scope = Omit<MetricsFilter, 'from' | 'to' | 'cohort'>;

/** The filters other than the window and cohort; `solvedBy` credits team and agent at the first solve. */
export function scopeOf(f: Scope, solvedBy: boolean): SQL {
  const team = solvedBy ? ticketFacts.solvedTeamId : ticketFacts.teamId;
  const agent = solvedBy ? ticketFacts.solvedAssigneeId : ticketFacts.assigneeId;
  return and(
    eq(ticketFacts.isSpam, false),
    f.teamId != null ? eq(team, f.teamId) : undefined,
    f.agentId != null ? eq(agent, f.agentId) : undefined,
    f.channel ? eq(ticketFacts.channel, f.channel) : undefined,
    f.priority ? eq(ticketFacts.priority, f.priority) : undefined,
    f.tagId != null
      ? sql`exists (select 1 from ${ticketTags} where ${ticketTags.ticketId} = ${ticketFacts.ticketId} and ${ticketTags.tagId} = ${f.tagId})`
      : undefined,
  )!;
}

/** The cohort's time: created, or first solved. */
export const cohortAt = (cohort: MetricsFilter['cohort']) => (cohort === 'created' ? ticketFacts.createdAt : ticketFacts.firstSolvedAt);

export function cohortOf(f: MetricsFilter): SQL {
  const at = cohortAt(f.cohort);
  return and(gte(at, f.from), lt(at, f.to), scopeOf(f, f.cohort === 'solved'))!;
}

/** An instant column as local milliseconds ("UTC ms plus the zone's offset then"): local days and hours by integer division. */
export function localMs(column: SQLWrapper, pieces: readonly OffsetPiece[]): SQL {
  if (pieces.length === 1) return sql`(${column} + ${pieces[0]!.offsetMs})`;
  const cases = pieces.slice(0, -1).map((p) => sql`when ${column} < ${p.until} then ${p.offsetMs}`);
  return sql`(${column} + case ${sql.join(cases, sql` `)} else ${pieces.at(-1)!.offsetMs} end)`;
}

export const DAY_MS = 24 * 3600_000;
