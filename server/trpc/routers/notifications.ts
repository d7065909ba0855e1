import { z } from 'zod';
import { router, agentProcedure } from '../trpc';
import { LOCALES } from '@/lib/domain';
import { findAgentById, setAgentNotifyEmail } from '@/db/queries/agents';
import { countUnreadNotifications, listNotifications, markNotificationsRead, setMutedNotifications } from '@/db/queries/notifications';
import { NOTIFICATION_KINDS } from '@/lib/notification-kinds';

/** The signed-in agent's own notifications: nobody reads or marks another's. */
export const notificationsRouter = router({
  list: agentProcedure.query(({ ctx }) => ({
    items: listNotifications(ctx.db, ctx.viewer.id, 30),
    unread: countUnreadNotifications(ctx.db, ctx.viewer.id),
    email: findAgentById(ctx.db, ctx.viewer.id)?.notifyEmail != null,
    muted: findAgentById(ctx.db, ctx.viewer.id)?.mutedNotifications ?? [],
  })),
  /** The kinds the agent does not want to hear of (recorded for nobody else's choice but their own). */
  setMuted: agentProcedure.input(z.object({ muted: z.array(z.enum(NOTIFICATION_KINDS)).max(NOTIFICATION_KINDS.length) })).mutation(({ ctx, input }) => {
    setMutedNotifications(ctx.db, ctx.viewer.id, [...new Set(input.muted)]);
    return { ok: true };
  }),
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
