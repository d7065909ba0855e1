import { z } from 'zod';
import { router, adminProcedure } from '../trpc';
import { telegramChannelInput } from '@/lib/channel-settings/telegram';
import { connectTelegramWebhook, listTelegramChannels, saveTelegramChannel, testTelegramConnection } from '@/server/channels/telegram/telegram-admin';

const byId = z.object({ id: z.number().int().positive() });

/** Telegram bots: admins only; the bot token is write-only. */
export const telegramRouter = router({
  list: adminProcedure.query(({ ctx }) => listTelegramChannels(ctx.db)),
  save: adminProcedure.input(telegramChannelInput.extend({ id: z.number().int().positive().nullable() })).mutation(({ ctx, input }) => {
    const { id, ...rest } = input;
    return saveTelegramChannel(ctx.db, id, rest);
  }),
  test: adminProcedure.input(byId).mutation(({ ctx, input }) => testTelegramConnection(ctx.db, input.id)),
  connectWebhook: adminProcedure.input(byId).mutation(({ ctx, input }) => connectTelegramWebhook(ctx.db, input.id)),
});
