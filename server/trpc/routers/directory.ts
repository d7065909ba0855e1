import { router, agentProcedure } from '../trpc';
import { listAgentsWithTeams, listTeams } from '@/db/queries/agents';
import { listAllTags, listChannels } from '@/db/queries/tickets';
import { replyOptionsOf } from '@/server/channels/reply-options';
import { onlineAgentIds } from '@/server/realtime/online-agents';
import { effectiveStatus } from '@/lib/agent-status';

/** Names every agent needs to render the inbox: agents, teams, tags, channels. No secrets, no settings. */
export const directoryRouter = router({
  all: agentProcedure.query(({ ctx }) => {
    // The one asking has the app open, whether or not their socket has connected yet.
    const online = new Set(onlineAgentIds());
    return {
      agents: listAgentsWithTeams(ctx.db)
        .filter((a) => a.active)
        .map(({ id, name, teamIds, status }) => ({ id, name, teamIds, status: effectiveStatus(status, id === ctx.viewer.id || online.has(id)) })),
      teams: listTeams(ctx.db),
      tags: listAllTags(ctx.db),
      channels: listChannels(ctx.db).map((c) => {
        const options = replyOptionsOf(c);
        return { id: c.id, kind: c.kind, name: c.name, replyWindowWarningMs: options?.windowWarningMs ?? null, replyWindowMs: options?.windowMs ?? null };
      }),
    };
  }),
});
