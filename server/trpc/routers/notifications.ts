import { z } from 'zod';
import { router, agentProcedure } from '../trpc';
import { LOCALES } from '@/lib/domain';
import { findAgentById, setAgentNotifyEmail } from '@/db/queries/agents';
import { countUnreadNotifications, listNotifications, markNotificationsRead } from '@/db/queries/notifications';

/** The signed-in agent's own notifications: nobody reads or marks another's. */
export const notificationsRouter = router({
  list: agentProcedure.query(({ ctx }) => ({
    items: listNotifications(ctx.db, ctx.viewer.id, 30),
    unread: countUnreadNotifications(ctx.db, ctx.viewer.id),
    email: findAgentById(ctx.db, ctx.viewer.id)?.notifyEmail != null,
  })),
  /** Email copies on or off; `locale`: the language the agent's screen shows, for the mails. */
  setEmail: agentProcedure.input(z.object({ enabled: z.boolean(), locale: z.enum(LOCALES) })).mutation(({ ctx, input }) => {
    setAgentNotifyEmail(ctx.db, ctx.viewer.id, input.enabled ? input.locale : null);
    return { ok: true };
  }),
  markRead: agentProcedure.input(z.object({ ids: z.union([z.array(z.number().int().positive()).max(100), z.literal('all')]) })).mutation(({ ctx, input }) => {
    markNotificationsRead(ctx.db, ctx.viewer.id, input.ids, Date.now());
    return { ok: true };
  }),
});
