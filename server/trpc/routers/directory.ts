import { router, agentProcedure } from '../trpc';
import { listAgentsWithTeams, listTeams } from '@/db/queries/agents';
import { listAllTags, listChannels } from '@/db/queries/tickets';
import { replyOptionsOf } from '@/server/channels/reply-options';

/** Names every agent needs to render the inbox: agents, teams, tags, channels. No secrets, no settings. */
export const directoryRouter = router({
  all: agentProcedure.query(({ ctx }) => ({
    agents: listAgentsWithTeams(ctx.db)
      .filter((a) => a.active)
      .map(({ id, name, teamIds }) => ({ id, name, teamIds })),
    teams: listTeams(ctx.db),
    tags: listAllTags(ctx.db),
    channels: listChannels(ctx.db).map((c) => {
      const options = replyOptionsOf(c);
      return { id: c.id, kind: c.kind, name: c.name, replyWindowWarningMs: options?.windowWarningMs ?? null, replyWindowMs: options?.windowMs ?? null };
    }),
  })),
});
