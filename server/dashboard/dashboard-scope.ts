import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { agents, tags, teams } from '@/db/schema';
import { listTeamIdsOfAgent } from '@/db/queries/agents';
import { hasRole } from '@/lib/domain';
import { MAX_RANGE_DAYS, previousWindow, resolveWindow, type DashboardFilters, type Window } from '@/lib/dashboard/dashboard-filters';
import { offsetPieces, type OffsetPiece } from '@/lib/time/zone-offsets';
import type { FigureFilter } from '@/db/queries/metrics-figures';
import type { Viewer } from '@/server/auth/sessions';
import { DomainError } from '@/server/errors/domain-error';
import { teamTimeZone } from '@/server/teams/team-business-hours';

/**
 * What one dashboard request may count, checked on the server: leads and admins see any team and agent;
 * an agent sees their own work only (the agent filter is theirs, a team filter one of their teams). The
 * window in the team's zone and the period before it, for the trends.
 */
export type DashboardScope = {
  filters: DashboardFilters;
  zone: string;
  window: Window;
  previous: Window;
  /** The zone's offsets over both periods, for local days and hours in SQL. */
  pieces: OffsetPiece[];
  current: FigureFilter;
  before: FigureFilter;
  /** The viewer may see any agent's figures (breakdown by agent, other agents online). */
  seesEveryone: boolean;
};

const exists = (db: Db, table: typeof teams | typeof agents | typeof tags, id: number) =>
  !!db.select({ id: table.id }).from(table).where(eq(table.id, id)).get();

export function dashboardScope(db: Db, viewer: Pick<Viewer, 'id' | 'role'>, filters: DashboardFilters, now: number): DashboardScope {
  const seesEveryone = hasRole(viewer.role, 'lead');
  if (filters.teamId !== undefined && !exists(db, teams, filters.teamId)) throw new DomainError('BAD_REQUEST', 'dashboard_unknown_filter', { name: 'team' });
  if (filters.agentId !== undefined && !exists(db, agents, filters.agentId))
    throw new DomainError('BAD_REQUEST', 'dashboard_unknown_filter', { name: 'agent' });
  if (filters.tagId !== undefined && !exists(db, tags, filters.tagId)) throw new DomainError('BAD_REQUEST', 'dashboard_unknown_filter', { name: 'tag' });
  if (!seesEveryone) {
    if (filters.agentId !== undefined && filters.agentId !== viewer.id) throw new DomainError('FORBIDDEN', 'dashboard_own_work_only');
    if (filters.teamId !== undefined && !listTeamIdsOfAgent(db, viewer.id).includes(filters.teamId))
      throw new DomainError('FORBIDDEN', 'dashboard_own_work_only');
  }
  const zone = teamTimeZone(db, filters.teamId ?? null);
  const window = resolveWindow(filters, zone, now);
  if ('problem' in window) throw new DomainError('BAD_REQUEST', window.problem, { max: MAX_RANGE_DAYS });
  const previous = previousWindow(window, zone);
  const base = {
    cohort: filters.cohort,
    clock: filters.clock,
    teamId: filters.teamId ?? null,
    agentId: seesEveryone ? (filters.agentId ?? null) : viewer.id,
    channel: filters.channel ?? null,
    priority: filters.priority ?? null,
    tagId: filters.tagId ?? null,
  };
  return {
    filters,
    zone,
    window,
    previous,
    pieces: offsetPieces(zone, previous.from, window.to),
    current: { ...base, from: window.from, to: window.to },
    before: { ...base, from: previous.from, to: previous.to },
    seesEveryone,
  };
}
