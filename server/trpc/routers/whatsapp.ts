import { z } from 'zod';
import { router, adminProcedure } from '../trpc';
import { whatsappChannelInput } from '@/lib/channel-settings/whatsapp';
import { listWhatsappChannels, saveWhatsappChannel, testWhatsappConnection } from '@/server/channels/whatsapp/whatsapp-admin';

/** WhatsApp numbers: admins only; the access token, app secret and verify token are write-only. */
export const whatsappRouter = router({
  list: adminProcedure.query(({ ctx }) => listWhatsappChannels(ctx.db)),
  save: adminProcedure.input(whatsappChannelInput.extend({ id: z.number().int().positive().nullable() })).mutation(({ ctx, input }) => {
    const { id, ...rest } = input;
    return saveWhatsappChannel(ctx.db, id, rest);
  }),
  test: adminProcedure.input(z.object({ id: z.number().int().positive() })).mutation(({ ctx, input }) => testWhatsappConnection(ctx.db, input.id)),
});
