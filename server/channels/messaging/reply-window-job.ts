import type { Tx } from '@/db/client';
import { findChannel } from '@/db/queries/inbound';
import { replyOptionsOf } from '../reply-options';
import { lastPublicReplyAt } from '@/db/queries/messages';
import { findTicket, insertEvents } from '@/db/queries/tickets';
import { replyWindowOf } from '@/lib/reply-window';
import { ticketEvent } from '@/lib/ticket-events';
import { registerJobHandler, scheduleJob } from '@/server/jobs/durable-jobs';
import { getBus } from '@/server/realtime/bus';
import { afterCommit } from '@/db/group-commit';

export const REPLY_WINDOW_JOB = 'reply-window';

/** After each customer message: one job per ticket at the moment its window closes (a newer message moves it). */
export function planReplyWindowJob(tx: Tx, ticketId: number, closesAt: number, now: number) {
  scheduleJob(tx, { id: `${REPLY_WINDOW_JOB}:${ticketId}`, kind: REPLY_WINDOW_JOB, payload: { ticketId }, runAt: closesAt }, now);
}

/** At the close: a `reply_window_closed` event when the customer's last message went unanswered on an unsolved ticket. */
export function registerReplyWindowJobs() {
  registerJobHandler(REPLY_WINDOW_JOB, (tx, payload, { now }) => {
    const { ticketId } = payload as { ticketId: number };
    const ticket = findTicket(tx, ticketId);
    const channel = ticket && findChannel(tx, ticket.channelId);
    if (!ticket || !channel || ticket.status === 'solved' || ticket.status === 'closed' || ticket.lastCustomerMessageAt === null) return;
    const window = replyWindowOf(channel.kind, ticket.lastCustomerMessageAt, now, replyOptionsOf(channel)?.windowMs);
    if (!window || window.open) return;
    if ((lastPublicReplyAt(tx, ticketId) ?? -1) >= ticket.lastCustomerMessageAt) return;
    insertEvents(tx, [ticketEvent(ticketId, 'reply_window_closed', { closedAt: window.closesAt }, { kind: 'system' }, window.closesAt)]);
    afterCommit(tx, () => getBus().emit('ticket.changed', { ticketId, kind: 'updated', actorAgentId: null }));
  });
}
