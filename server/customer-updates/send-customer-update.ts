import type { Tx } from '@/db/client';
import { findAgentById, findTeam } from '@/db/queries/agents';
import { findCustomer } from '@/db/queries/customers';
import * as q from '@/db/queries/tickets';
import { fillUpdate, type CustomerUpdateKind } from '@/lib/customer-updates';
import { ticketEvent } from '@/lib/ticket-events';
import { queueOutbound } from '@/server/channels/outbound';
import { unreachableReason } from '@/server/channels/reachability';
import { registerJobHandler } from '@/server/jobs/durable-jobs';
import { getBus } from '@/server/realtime/bus';
import { CUSTOMER_UPDATE_JOB, type CustomerUpdatePayload } from './plan-customer-update';

const SUMMARY_MAX = 600;

/** The ticket is (still) in the state the update would announce. */
function stillTrue(kind: CustomerUpdateKind, t: q.TicketRow) {
  if (kind === 'working') return t.assigneeId !== null && (t.status === 'new' || t.status === 'open');
  return t.status === (kind === 'waiting' ? 'pending' : 'solved');
}

/**
 * A planned progress message when its debounce has passed: sent only if the ticket's team turned this
 * kind on, the ticket is still in that state, the customer was not told the same already (a flip back
 * and forth tells once), an agent's reply did not just say it ("reply and set pending"), and the
 * customer can be reached. Live chats are left out: the widget shows the conversation's state itself.
 */
export function sendCustomerUpdate(tx: Tx, p: CustomerUpdatePayload, now: number, afterCommit: (fn: () => void) => void) {
  const row = q.findTicketWithChannel(tx, p.ticketId);
  if (!row || row.channel.kind === 'chat' || row.ticket.isSpam) return;
  const { ticket, channel } = row;
  const settings = ticket.teamId === null ? null : findTeam(tx, ticket.teamId)?.customerUpdates;
  const update = settings?.[p.kind];
  const customer = findCustomer(tx, ticket.customerId);
  if (!update?.enabled || !customer || !stillTrue(p.kind, ticket)) return;

  const messages = q.listMessages(tx, ticket.id);
  const lastReply = messages.findLast((m) => m.authorKind === 'agent' && !m.isInternal);
  if (p.kind === 'waiting' && lastReply && lastReply.createdAt >= p.changedAt - 60_000) return;
  const lastTold = q.listEvents(tx, ticket.id).findLast((e) => e.type === 'customer_update_sent');
  const customerWroteSince = lastTold && (ticket.lastCustomerMessageAt ?? 0) > lastTold.createdAt;
  if (lastTold?.type === 'customer_update_sent' && lastTold.data.kind === p.kind && !customerWroteSince) return;
  if (unreachableReason(tx, ticket, channel.kind, customer.email, now)) return;

  const locale = customer.locale ?? 'de';
  const text = fillUpdate(update.text[locale], {
    customer: customer.name,
    number: String(ticket.number),
    subject: ticket.subject,
    agent: (ticket.assigneeId !== null ? findAgentById(tx, ticket.assigneeId)?.name : undefined) ?? '',
    summary: p.kind === 'solved' && lastReply ? lastReply.bodyText.slice(0, SUMMARY_MAX) : '',
  });
  const message = q.insertMessage(tx, { ticketId: ticket.id, authorKind: 'system', bodyText: text, meta: { autoSubmitted: true }, createdAt: now });
  q.insertEvents(tx, [ticketEvent(ticket.id, 'customer_update_sent', { kind: p.kind, messageId: message.id }, { kind: 'system' }, now)]);
  queueOutbound(tx, ticket, channel, message.id, { text, autoSubmitted: 'auto-generated' }, now);
  afterCommit(() => getBus().emit('ticket.changed', { ticketId: ticket.id, kind: 'message', actorAgentId: null }));
}

export function registerCustomerUpdateJobs() {
  registerJobHandler(CUSTOMER_UPDATE_JOB, (tx, payload, { now, afterCommit }) => sendCustomerUpdate(tx, payload as CustomerUpdatePayload, now, afterCommit));
}
