import type { TicketStatus } from '@/lib/domain';
import { ticketEvent, type Duration, type EventActor, type NewTicketEvent } from '@/lib/ticket-events';
import type { TicketRow } from '@/db/queries/tickets';
import { DomainError } from '@/server/errors/domain-error';

/**
 * The one place that decides what happens to a ticket's status and its lifecycle stamps. Statuses:
 * - new: nobody has answered yet; leaves for open with the first public reply.
 * - open: being worked on.
 * - pending: waiting for the customer; their next message wakes it (open).
 * - on_hold: waiting for someone else (a supplier, another team); a customer message wakes it too.
 * - solved: done; a customer message reopens it (open, reopen count + 1) until it closes.
 * - closed: final; nothing changes it, a customer writing again gets a linked follow-up ticket.
 * First response is the first public agent reply (never a note, an acknowledgement or a system message);
 * solving stamps first and last solved; leaving solved or closed for an unsolved status counts a reopen.
 * Snoozing puts a ticket in a waiting status (pending, or on hold if it is there) until a time; the snooze
 * ends when the time comes (back to open), or sooner whenever the ticket leaves the waiting statuses.
 */
export type TicketAction =
  | { kind: 'customer_message'; messageId: number }
  | { kind: 'public_reply'; messageId: number; setStatus?: TicketStatus }
  | { kind: 'internal_note'; messageId: number; setStatus?: TicketStatus }
  | { kind: 'set_status'; to: TicketStatus }
  | { kind: 'snooze'; until: number; reason: string | null }
  /** The snooze's time came. */
  | { kind: 'wake' };

export type MachineTicket = Pick<TicketRow, 'id' | 'status' | 'createdAt' | 'firstResponseAt' | 'firstSolvedAt' | 'reopenCount' | 'snoozedUntil'>;
export type LifecycleColumns = Partial<
  Pick<TicketRow, 'status' | 'firstResponseAt' | 'firstSolvedAt' | 'lastSolvedAt' | 'reopenCount' | 'snoozedUntil' | 'snoozeReason'>
>;
export type Transition = { cols: LifecycleColumns; events: NewTicketEvent[]; status: { from: TicketStatus; to: TicketStatus } | null };

const ENDED: readonly TicketStatus[] = ['solved', 'closed'];
// A customer writing again wakes a ticket that was waiting or solved.
const WAKES: readonly TicketStatus[] = ['pending', 'on_hold', 'solved'];
// A snooze lasts only while the ticket waits.
const WAITING: readonly TicketStatus[] = ['pending', 'on_hold'];

/** Calendar time only until SLA calendars count business time (they fill the other fields). */
const calendarDuration = (from: number, to: number): Duration => ({ calendarMs: Math.max(0, to - from), businessMs: null, calendarId: null, policyId: null });

export function decide(ticket: MachineTicket, action: TicketAction, actor: EventActor, now: number): Transition {
  if (ticket.status === 'closed') throw new DomainError('CONFLICT', 'ticket_closed');
  const cols: LifecycleColumns = {};
  const events: NewTicketEvent[] = [];
  let to: TicketStatus | undefined;
  switch (action.kind) {
    case 'customer_message':
      events.push(ticketEvent(ticket.id, 'customer_message', { messageId: action.messageId }, actor, now));
      if (WAKES.includes(ticket.status)) to = 'open';
      break;
    case 'public_reply': {
      const first = ticket.firstResponseAt == null;
      if (first) cols.firstResponseAt = now;
      events.push(
        ticketEvent(
          ticket.id,
          'public_reply',
          { messageId: action.messageId, ...(first ? { firstResponse: calendarDuration(ticket.createdAt, now) } : {}) },
          actor,
          now,
        ),
      );
      to = action.setStatus ?? (ticket.status === 'new' ? 'open' : undefined);
      break;
    }
    case 'internal_note':
      events.push(ticketEvent(ticket.id, 'internal_note', { messageId: action.messageId }, actor, now));
      to = action.setStatus;
      break;
    case 'set_status':
      to = action.to;
      break;
    case 'snooze':
      if (ENDED.includes(ticket.status)) throw new DomainError('CONFLICT', 'ticket_solved_no_snooze');
      cols.snoozedUntil = action.until;
      cols.snoozeReason = action.reason;
      events.push(ticketEvent(ticket.id, 'snoozed', { until: action.until, reason: action.reason }, actor, now));
      to = WAITING.includes(ticket.status) ? ticket.status : 'pending';
      break;
    case 'wake':
      if (ticket.snoozedUntil == null) return { cols, events, status: null };
      to = 'open';
      break;
  }
  if (to === undefined || to === ticket.status) return { cols, events, status: null };
  if (to === 'new') throw new DomainError('BAD_REQUEST', 'ticket_back_to_new');
  if (ticket.snoozedUntil != null && !WAITING.includes(to)) {
    cols.snoozedUntil = null;
    cols.snoozeReason = null;
    const cause = action.kind === 'wake' ? 'time' : actor.kind === 'customer' ? 'customer' : 'agent';
    events.push(ticketEvent(ticket.id, 'snooze_ended', { until: ticket.snoozedUntil, cause }, actor, now));
  }
  cols.status = to;
  if (to === 'solved') {
    cols.lastSolvedAt = now;
    if (ticket.firstSolvedAt == null) cols.firstSolvedAt = now;
  }
  if (ENDED.includes(ticket.status) && !ENDED.includes(to)) cols.reopenCount = ticket.reopenCount + 1;
  const status = { from: ticket.status, to };
  events.push(
    ticketEvent(ticket.id, 'status_changed', { ...status, ...(to === 'solved' ? { resolution: calendarDuration(ticket.createdAt, now) } : {}) }, actor, now),
  );
  return { cols, events, status };
}
