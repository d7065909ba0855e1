import { z } from 'zod';
import { router, adminProcedure } from '../trpc';
import { chatWidgetInput } from '@/lib/channel-settings/chat';
import { createChatWidget, listChatWidgets, revealIdentitySecret, rotateIdentitySecret, updateChatWidget } from '@/server/channels/chat/widget-admin';

const id = z.object({ id: z.number().int().positive() });

/** Chat widget settings: admins only; the identity secret only on explicit reveal or rotation. */
export const chatWidgetsRouter = router({
  list: adminProcedure.query(({ ctx }) => listChatWidgets(ctx.db)),
  create: adminProcedure.input(chatWidgetInput).mutation(({ ctx, input }) => createChatWidget(ctx.db, input)),
  update: adminProcedure.input(chatWidgetInput.extend({ id: z.number().int().positive() })).mutation(({ ctx, input }) => {
    const { id: widgetId, ...rest } = input;
    updateChatWidget(ctx.db, widgetId, rest);
    return { ok: true };
  }),
  revealSecret: adminProcedure.input(id).mutation(({ ctx, input }) => revealIdentitySecret(ctx.db, input.id)),
  rotateSecret: adminProcedure.input(id).mutation(({ ctx, input }) => rotateIdentitySecret(ctx.db, input.id)),
});
