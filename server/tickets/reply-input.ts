import { z } from 'zod';
import { TICKET_STATUSES } from '@/lib/domain';

/** At most this many addresses in each of To (forwards), Cc and Bcc. */
export const MAX_MAIL_RECIPIENTS = 20;
export const mailAddresses = z.array(z.string().trim().toLowerCase().email().max(200)).max(MAX_MAIL_RECIPIENTS);

/** An agent's reply or note as both ways in (tRPC and the agent socket) accept it. */
export const replyInputSchema = z.object({
  ticketId: z.number().int().positive(),
  // May be empty when files are attached; replyToTicket refuses a reply with neither.
  body: z.string().max(50_000),
  internal: z.boolean().default(false),
  status: z.enum(TICKET_STATUSES).optional(),
  /** Email: the copies the agent chose (replacing the thread's reply-all Cc) and blind copies. */
  cc: mailAddresses.optional(),
  bcc: mailAddresses.optional(),
  /** Receipts from POST /attachments. */
  attachments: z.array(z.string().max(2000)).max(10).optional(),
  /** The composer's id for this send: sending it again (after a lost ack or a timeout) stores nothing twice. */
  clientId: z
    .string()
    .regex(/^[\w-]{8,64}$/)
    .optional(),
});
