import { inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { agentTeams } from '@/db/schema';
import { liveCounts } from '@/db/queries/metrics-live';
import { onlineAgentIds } from '@/server/realtime/online-agents';
import type { DashboardScope } from './dashboard-scope';

/** The live strip: the scope's work as it stands now, and how many of its agents have the app open. */
export function liveStrip(db: Db, scope: DashboardScope, now: number) {
  const online = onlineAgentIds();
  const { teamId, agentId } = scope.current;
  let agentsOnline = online.length;
  if (agentId != null) agentsOnline = online.includes(agentId) ? 1 : 0;
  else if (teamId != null && online.length)
    agentsOnline = db
      .select({ agentId: agentTeams.agentId, teamId: agentTeams.teamId })
      .from(agentTeams)
      .where(inArray(agentTeams.agentId, online))
      .all()
      .filter((m) => m.teamId === teamId).length;
  return { ...liveCounts(db, scope.current, now), agentsOnline };
}
