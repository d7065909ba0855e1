import { type Db, type Tx, transact } from '@/db/client';
import { afterCommit } from '@/db/group-commit';
import * as q from '@/db/queries/tickets';
import * as inbound from '@/db/queries/inbound';
import { insertAttachments } from '@/db/queries/attachments';
import { ticketEvent } from '@/lib/ticket-events';
import { previewOf } from '@/lib/preview';
import { sanitizeHtml } from '@/server/content/sanitize-html';
import { getBus } from '@/server/realtime/bus';
import { decide } from '@/server/tickets/status-machine';
import { applySla } from '@/server/sla/apply-sla';
import type { MessageMeta } from '@/db/schema';
import type { ChannelKind, TicketStatus } from '@/lib/domain';
import { mergedTarget } from '@/server/tickets/merge-tickets';
import { notifyAgents } from '@/server/notifications/notify-agents';
import { listActiveAgentIds } from '@/db/queries/notifications';
import type { InboundMessage, ThreadDecision } from './inbound-message';

export type IngestOptions = {
  /** The channel's threading rules, run inside the transaction once the sender is known. */
  resolveThread: (tx: Tx, customerId: number) => ThreadDecision;
  /** Runs in the same transaction when a ticket was opened (e.g. queue the acknowledgement). */
  onTicketCreated?: (tx: Tx, ticket: q.TicketRow, customerId: number) => void;
  /** Runs in the same transaction after the message is stored (e.g. plan a messenger's reply-window job). */
  onMessageStored?: (tx: Tx, ticket: q.TicketRow, messageId: number) => void;
  /** Whether an agent has this ticket open right now, so the message counts as read by agents on arrival (live chat). */
  agentWatching?: (ticketId: number) => boolean;
};

const CUSTOMER = { kind: 'customer' } as const;
const SYSTEM = { kind: 'system' } as const;

export type IngestResult = {
  ticketId: number;
  messageId: number;
  createdTicket: boolean;
  duplicate: boolean;
  /** Read by an agent who had the ticket open when it arrived. */
  readByAgent: boolean;
  /** The status change the message caused (a reopen, a wake-up); left out for a duplicate. */
  status?: { from: TicketStatus; to: TicketStatus } | null;
};

/**
 * The one way in for customer messages from every channel: resolve the customer by channel identity,
 * find or open the ticket, store the message (idempotent on the channel's message id), append events,
 * all in one transaction; then tell the agents. Callers acknowledge to the channel only after this returns.
 */
export function ingest(db: Db, msg: InboundMessage, opts: IngestOptions): IngestResult {
  const { told, ...result } = transact(db, (tx): IngestResult & { told?: number[] } => {
    if (msg.channelMessageId) {
      const existing = inbound.findMessageByChannelMessageId(tx, msg.channelMessageId);
      if (existing) return { ticketId: existing.ticketId, messageId: existing.id, createdTicket: false, duplicate: true, readByAgent: false };
    }
    const channel = inbound.findChannelKind(tx, msg.channelId);
    if (!channel) throw new Error(`Channel ${msg.channelId} does not exist`);
    const now = msg.receivedAt;
    const identityKind = channel.kind === 'web_form' ? 'email' : channel.kind;
    const found = inbound.findCustomerByIdentity(tx, identityKind, msg.from.externalId);
    const customer =
      found ??
      inbound.insertCustomerWithIdentity(tx, {
        name: msg.from.name || msg.from.externalId,
        email: msg.from.email,
        emailVerified: msg.from.emailProven,
        kind: identityKind,
        externalId: msg.from.externalId,
        now,
      });
    if (found && !found.emailVerified && msg.from.emailProven && msg.from.email) inbound.markEmailVerified(tx, found.id, msg.from.email);

    let decision = opts.resolveThread(tx, customer.id);
    // A ticket merged into another passes what the customer writes on to that one.
    let ticket = decision.kind === 'join' ? mergedTarget(tx, decision.ticket) : undefined;
    // Closed is final: the customer's new message opens a follow-up linked to it.
    if (ticket?.status === 'closed') decision = { kind: 'new_linked', linkedTicketId: ticket.id };
    const events: q.NewTicketEvent[] = [];
    let createdTicket = false;

    if (decision.kind !== 'join' || !ticket) {
      ticket = q.insertTicket(tx, {
        number: q.nextTicketNumber(tx),
        subject: (msg.subject?.trim() || previewOf(msg.text, 80) || '(no subject)').slice(0, 300),
        status: 'new',
        priority: 'normal',
        channelId: channel.id,
        customerId: customer.id,
        teamId: channel.defaultTeamId,
        createdAt: now,
        updatedAt: now,
        lastActivityAt: now,
        isSpam: !!msg.quarantine,
      });
      createdTicket = true;
      events.push(
        ticketEvent(
          ticket.id,
          'created',
          {
            channelId: channel.id,
            channel: channel.kind,
            teamId: ticket.teamId,
            priority: ticket.priority,
            assigneeId: ticket.assigneeId,
            formId: msg.formId ?? null,
          },
          CUSTOMER,
          now,
        ),
      );
      if (msg.quarantine) events.push(ticketEvent(ticket.id, 'marked_spam', { reason: msg.quarantine }, SYSTEM, now));
      if (decision.kind === 'new_linked') {
        const previous = q.findTicket(tx, decision.linkedTicketId);
        inbound.linkTickets(tx, ticket.id, decision.linkedTicketId, previous?.status === 'closed' ? 'follow_up' : 'related', now);
      }
    }

    const message = q.insertMessage(tx, {
      ticketId: ticket.id,
      authorKind: 'customer',
      authorCustomerId: customer.id,
      bodyText: msg.text,
      bodyHtml: msg.html ? sanitizeHtml(msg.html) : null,
      channelMessageId: msg.channelMessageId,
      meta: metaOf(msg),
      createdAt: now,
    });
    insertAttachments(tx, message.id, msg.attachments ?? [], now);

    const cols: Parameters<typeof q.updateTicketColumns>[2] = { updatedAt: now, lastActivityAt: now, lastCustomerMessageAt: now, preview: previewOf(msg.text) };
    // Marked in the same write as the message (not a write of its own after it): the chat's read receipt.
    const readOnArrival = opts.agentWatching?.(ticket.id) ?? false;
    if (readOnArrival) cols.agentReadMessageId = message.id;
    const transition = decide(ticket, { kind: 'customer_message', messageId: message.id }, CUSTOMER, now);
    events.push(...transition.events);
    const status = transition.status;
    q.updateTicketColumns(tx, ticket.id, { ...cols, ...transition.cols });
    q.insertEvents(tx, events);
    if (createdTicket) opts.onTicketCreated?.(tx, ticket, customer.id);
    opts.onMessageStored?.(tx, ticket, message.id);
    // After the channel's own step, which may have routed the ticket (team, priority) by its form.
    applySla(tx, ticket.id, now);
    // A new ticket is read again: the channel's step may have routed it (team) or assigned it (a chat).
    const current = createdTicket ? q.findTicket(tx, ticket.id)! : ticket;
    const told = notifyOnArrival(tx, current, channel.kind, { createdTicket, readOnArrival, spam: !!msg.quarantine, now });
    return { ticketId: ticket.id, messageId: message.id, createdTicket, duplicate: false, readByAgent: readOnArrival, status, told };
  });
  if (!result.duplicate) {
    afterCommit(db, () => {
      getBus().emit('message.created', {
        ticketId: result.ticketId,
        messageId: result.messageId,
        authorKind: 'customer',
        authorName: null,
        internal: false,
        text: msg.text,
        channelMessageId: msg.channelMessageId,
        createdAt: msg.receivedAt,
        fileCount: msg.attachments?.length ?? 0,
      });
      if (result.status) getBus().emit('ticket.status', { ticketId: result.ticketId, ...result.status });
      getBus().emit('ticket.changed', { ticketId: result.ticketId, kind: result.createdTicket ? 'created' : 'message', actorAgentId: null });
      if (told?.length) getBus().emit('notifications.new', { agentIds: told });
    });
  }
  return result;
}

/**
 * Who hears of a customer message: a new chat, its team (a visitor is waiting); the customer writing again,
 * the ticket's assignee, unless an agent has the conversation open already. Spam tells nobody.
 */
function notifyOnArrival(
  tx: Tx,
  ticket: q.TicketRow,
  kind: ChannelKind,
  o: { createdTicket: boolean; readOnArrival: boolean; spam: boolean; now: number },
): number[] {
  if (o.spam || o.readOnArrival) return [];
  const at = { ticketId: ticket.id, createdAt: o.now };
  if (o.createdTicket)
    return kind === 'chat' && ticket.teamId !== null
      ? notifyAgents(tx, 'new_chat', listActiveAgentIds(tx, { teamId: ticket.teamId, roles: ['agent', 'lead', 'admin'] }), at)
      : [];
  return notifyAgents(tx, 'customer_replied', [ticket.assigneeId], at);
}

function metaOf(msg: InboundMessage): MessageMeta | null {
  if (!msg.autoSubmitted && !msg.email) return null;
  return { ...(msg.autoSubmitted ? { autoSubmitted: true } : {}), ...(msg.email ? { email: msg.email } : {}) };
}
