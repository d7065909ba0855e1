import { z } from 'zod';
import { router, adminProcedure } from '../trpc';
import { messengerChannelInput } from '@/lib/channel-settings/messenger';
import { listMessengerChannels, saveMessengerChannel, testMessengerConnection } from '@/server/channels/messenger/messenger-admin';

/** Messenger pages: admins only; the page token, app secret and verify token are write-only. */
export const messengerRouter = router({
  list: adminProcedure.query(({ ctx }) => listMessengerChannels(ctx.db)),
  save: adminProcedure.input(messengerChannelInput.extend({ id: z.number().int().positive().nullable() })).mutation(({ ctx, input }) => {
    const { id, ...rest } = input;
    return saveMessengerChannel(ctx.db, id, rest);
  }),
  test: adminProcedure.input(z.object({ id: z.number().int().positive() })).mutation(({ ctx, input }) => testMessengerConnection(ctx.db, input.id)),
});
