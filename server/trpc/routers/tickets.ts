import { z } from 'zod';
import { router, agentProcedure } from '../trpc';
import { ticketFilterSchema, ticketCursorSchema } from '@/lib/ticket-filter';
import { MAX_TICKET_TAGS, PRIORITIES, TICKET_STATUSES } from '@/lib/domain';
import { listTickets } from '@/server/tickets/list-tickets';
import { getTicket } from '@/server/tickets/get-ticket';
import { updateTicket } from '@/server/tickets/update-ticket';
import { sendReply, undoSend } from '@/server/tickets/undo-send';
import { snoozeTicket } from '@/server/tickets/snooze-ticket';
import { mergedTarget, mergeTickets } from '@/server/tickets/merge-tickets';
import { setTicketLink } from '@/server/tickets/link-tickets';
import { bulkUpdateTickets, MAX_BULK_TICKETS } from '@/server/tickets/bulk-update';
import { MAX_SNOOZE_REASON } from '@/lib/snooze';
import { replyInputSchema } from '@/server/tickets/reply-input';
import { forwardInputSchema, forwardTicket } from '@/server/tickets/forward-ticket';
import { markSpam } from '@/server/tickets/mark-spam';
import { accessibleTicket, ticketIdOfNumber } from '@/server/tickets/ticket-access';
import { markTicketRead } from '@/db/queries/tickets';
import { answerValue } from '@/lib/forms/form-definition';
import { updateTicketAnswers } from '@/server/forms/update-ticket-answers';

const ticketId = z.number().int().positive();
const ticketNumber = z.number().int().positive().max(999_999_999);

const tagNames = z
  .array(
    z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[^,]+$/, 'tags cannot contain commas'),
  )
  .max(MAX_TICKET_TAGS);

const patchSchema = z.object({
  status: z.enum(TICKET_STATUSES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  assigneeId: z.number().int().positive().nullable().optional(),
  teamId: z.number().int().positive().nullable().optional(),
  tags: tagNames.optional(),
  addTags: tagNames.optional(),
  removeTags: tagNames.optional(),
});

export const ticketsRouter = router({
  list: agentProcedure
    .input(z.object({ filter: ticketFilterSchema, cursor: ticketCursorSchema.nullish(), limit: z.number().int().min(1).max(200).default(50) }))
    .query(({ ctx, input }) => listTickets(ctx.db, ctx.viewer.id, { filter: input.filter, cursor: input.cursor ?? undefined, limit: input.limit })),

  get: agentProcedure.input(z.object({ id: ticketId })).query(({ ctx, input }) => getTicket(ctx.db, ctx.viewer, input.id)),
  /** A link or a typed number names a ticket by its number; the inbox works with ids. */
  /** A merged ticket's number leads on to the ticket it was merged into (`mergedFrom` says so). */
  idOfNumber: agentProcedure.input(z.object({ number: ticketNumber })).query(({ ctx, input }) => {
    const named = accessibleTicket(ctx.db, ctx.viewer, ticketIdOfNumber(ctx.db, ctx.viewer, input.number));
    const target = mergedTarget(ctx.db, named);
    return { id: target.id, number: target.number, mergedFrom: target.id === named.id ? null : named.number };
  }),

  update: agentProcedure.input(patchSchema.extend({ id: ticketId })).mutation(({ ctx, input }) => {
    const { id, ...patch } = input;
    return updateTicket(ctx.db, ctx.viewer, id, patch);
  }),

  /** The same change on several selected tickets; each that refuses it is named in the answer. */
  bulkUpdate: agentProcedure
    .input(z.object({ ids: z.array(ticketId).min(1).max(MAX_BULK_TICKETS), patch: patchSchema }))
    .mutation(({ ctx, input }) => bulkUpdateTickets(ctx.db, ctx.viewer, input.ids, input.patch)),

  /** Merges this ticket into the one numbered `intoNumber`, which stays. */
  merge: agentProcedure
    .input(z.object({ id: ticketId, intoNumber: ticketNumber }))
    .mutation(({ ctx, input }) => mergeTickets(ctx.db, ctx.viewer, input.id, ticketIdOfNumber(ctx.db, ctx.viewer, input.intoNumber))),
  /** Links this ticket to the one numbered `otherNumber` as related, or takes the link away. */
  setLink: agentProcedure
    .input(z.object({ id: ticketId, otherNumber: ticketNumber, linked: z.boolean() }))
    .mutation(({ ctx, input }) => setTicketLink(ctx.db, ctx.viewer, input.id, ticketIdOfNumber(ctx.db, ctx.viewer, input.otherNumber), input.linked)),

  /** Waits until `until` (ms since the epoch), then comes back by itself; ended sooner by reopening it. */
  snooze: agentProcedure
    .input(z.object({ id: ticketId, until: z.number().int().positive(), reason: z.string().max(MAX_SNOOZE_REASON).nullish() }))
    .mutation(({ ctx, input }) => snoozeTicket(ctx.db, ctx.viewer, input.id, { until: input.until, reason: input.reason })),

  /** A reply or note; an email or messenger reply waits a few seconds first, so it can be taken back. */
  reply: agentProcedure.input(replyInputSchema).mutation(({ ctx, input }) => sendReply(ctx.db, ctx.viewer, input)),
  /** The conversation by email to someone outside it; kept on the ticket as an internal message. */
  forward: agentProcedure.input(forwardInputSchema).mutation(({ ctx, input }) => forwardTicket(ctx.db, ctx.viewer, input)),
  undoSend: agentProcedure.input(z.object({ id: z.string().max(200) })).mutation(({ ctx, input }) => undoSend(ctx.db, ctx.viewer, input.id)),

  updateFormAnswers: agentProcedure
    .input(z.object({ id: ticketId, answers: z.record(z.string().max(40), answerValue).refine((a) => Object.keys(a).length <= 100, 'too many answers') }))
    .mutation(({ ctx, input }) => updateTicketAnswers(ctx.db, ctx.viewer, input.id, input.answers)),

  /** Spam out of the inbox (and taught to spamd), or a held message released back into it. */
  markSpam: agentProcedure
    .input(z.object({ id: ticketId, spam: z.boolean() }))
    .mutation(({ ctx, input }) => markSpam(ctx.db, ctx.viewer, input.id, input.spam)),

  markRead: agentProcedure.input(z.object({ id: ticketId })).mutation(({ ctx, input }) => {
    accessibleTicket(ctx.db, ctx.viewer, input.id);
    markTicketRead(ctx.db, ctx.viewer.id, input.id, Date.now());
    return { ok: true };
  }),
});
