import { z } from 'zod';
import { router, adminProcedure } from '../trpc';
import { getConfig } from '@/server/runtime-config';
import { emailInboxInput } from '@/lib/channel-settings/email';
import { listEmailInboxes, saveEmailInbox, sendTestEmail } from '@/server/channels/email/inbox-admin';

/** Email inbox settings: admins only; the SMTP password is write-only. */
export const inboxesRouter = router({
  listEmail: adminProcedure.query(({ ctx }) => ({ inboxes: listEmailInboxes(ctx.db), inboundSmtpPort: getConfig().SMTP_PORT })),

  saveEmail: adminProcedure.input(emailInboxInput.extend({ id: z.number().int().positive().nullable() })).mutation(({ ctx, input }) => {
    const { id, ...rest } = input;
    return saveEmailInbox(ctx.db, id, rest);
  }),

  sendTest: adminProcedure
    .input(z.object({ id: z.number().int().positive(), to: z.string().trim().email() }))
    .mutation(({ ctx, input }) => sendTestEmail(ctx.db, input.id, input.to)),
});
