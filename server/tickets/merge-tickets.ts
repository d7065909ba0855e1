import { type Db, type Queryable, transact } from '@/db/client';
import * as q from '@/db/queries/tickets';
import { moveMessages } from '@/db/queries/ticket-links';
import { ticketEvent } from '@/lib/ticket-events';
import type { Viewer } from '@/server/auth/sessions';
import { DomainError } from '@/server/errors/domain-error';
import { getBus } from '@/server/realtime/bus';
import { applySla } from '@/server/sla/apply-sla';
import { decide } from './status-machine';
import { accessibleTicket } from './ticket-access';

/**
 * Merges a duplicate into the ticket that stays: every message (with its attachments) moves over, the
 * duplicate closes with a `merged_into` event (its own history stays with it: it was a contact of its own,
 * and the figures keep counting it as one), the survivor records `merged_from`, and from then on the
 * customer's replies to the duplicate arrive on the survivor (`mergedTarget`).
 */
export function mergeTickets(db: Db, viewer: Viewer, sourceId: number, targetId: number, now = Date.now()) {
  if (sourceId === targetId) throw new DomainError('BAD_REQUEST', 'merge_same_ticket');
  const result = transact(db, (tx) => {
    const source = accessibleTicket(tx, viewer, sourceId);
    const target = accessibleTicket(tx, viewer, targetId);
    if (source.status === 'closed' || target.status === 'closed')
      throw new DomainError('CONFLICT', 'merge_closed', { number: source.status === 'closed' ? source.number : target.number });
    const actor = { kind: 'agent', agentId: viewer.id } as const;
    const moved = moveMessages(tx, source.id, target.id);
    const close = decide(source, { kind: 'set_status', to: 'closed' }, actor, now);
    q.updateTicketColumns(tx, source.id, { ...close.cols, mergedIntoId: target.id, updatedAt: now });
    q.insertEvents(tx, [ticketEvent(source.id, 'merged_into', { ticketId: target.id, number: target.number }, actor, now), ...close.events]);
    const latest = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
    q.updateTicketColumns(tx, target.id, {
      updatedAt: now,
      lastActivityAt: Math.max(target.lastActivityAt, source.lastActivityAt),
      lastCustomerMessageAt: latest(target.lastCustomerMessageAt, source.lastCustomerMessageAt),
    });
    q.insertEvents(tx, [ticketEvent(target.id, 'merged_from', { ticketId: source.id, number: source.number, messages: moved }, actor, now)]);
    // The duplicate's clocks stop; the survivor's may now see an earlier customer message.
    applySla(tx, source.id, now);
    applySla(tx, target.id, now);
    return { status: close.status, target };
  });
  if (result.status) getBus().emit('ticket.status', { ticketId: sourceId, ...result.status });
  for (const ticketId of [sourceId, targetId]) getBus().emit('ticket.changed', { ticketId, kind: 'updated', actorAgentId: viewer.id });
  return { ticketId: result.target.id, number: result.target.number };
}

/** Where a ticket's messages go now: itself, or the ticket it was merged into (and on, should that one have been merged too). */
export function mergedTarget(db: Queryable, ticket: q.TicketRow): q.TicketRow {
  let current = ticket;
  for (let hops = 0; current.mergedIntoId !== null && hops < 20; hops++) {
    const next = q.findTicket(db, current.mergedIntoId);
    if (!next) break;
    current = next;
  }
  return current;
}
