import { z } from 'zod';
import { router, adminProcedure, agentProcedure } from '../trpc';
import { TICKET_STATUSES } from '@/lib/domain';
import { replyInputSchema } from '@/server/tickets/reply-input';
import { sendWhatsappTemplate } from '@/server/channels/whatsapp/send-template';
import { whatsappChannelInput } from '@/lib/channel-settings/whatsapp';
import { listWhatsappChannels, saveWhatsappChannel, testWhatsappConnection } from '@/server/channels/whatsapp/whatsapp-admin';

/** WhatsApp numbers: admins only; the access token, app secret and verify token are write-only. */
export const whatsappRouter = router({
  list: adminProcedure.query(({ ctx }) => listWhatsappChannels(ctx.db)),
  save: adminProcedure.input(whatsappChannelInput.extend({ id: z.number().int().positive().nullable() })).mutation(({ ctx, input }) => {
    const { id, ...rest } = input;
    return saveWhatsappChannel(ctx.db, id, rest);
  }),
  /** Any agent who may see the ticket: one of its channel's approved templates as the reply. */
  sendTemplate: agentProcedure
    .input(
      z.object({
        ticketId: z.number().int().positive(),
        name: z.string().max(512),
        status: z.enum(TICKET_STATUSES).optional(),
        clientId: replyInputSchema.shape.clientId,
      }),
    )
    .mutation(({ ctx, input }) => sendWhatsappTemplate(ctx.db, ctx.viewer, input)),
  test: adminProcedure.input(z.object({ id: z.number().int().positive() })).mutation(({ ctx, input }) => testWhatsappConnection(ctx.db, input.id)),
});
