import { type Db, transact } from '@/db/client';
import { linkTickets } from '@/db/queries/inbound';
import { insertEvents } from '@/db/queries/tickets';
import { ticketsLinked, unlinkTickets } from '@/db/queries/ticket-links';
import { ticketEvent } from '@/lib/ticket-events';
import type { Viewer } from '@/server/auth/sessions';
import { DomainError } from '@/server/errors/domain-error';
import { getBus } from '@/server/realtime/bus';
import { accessibleTicket } from './ticket-access';

/** Links two related tickets (or takes the link away), recorded in both histories; doing it twice changes nothing. */
export function setTicketLink(db: Db, viewer: Viewer, ticketId: number, otherId: number, linked: boolean, now = Date.now()) {
  if (ticketId === otherId) throw new DomainError('BAD_REQUEST', 'link_same_ticket');
  const changed = transact(db, (tx) => {
    const a = accessibleTicket(tx, viewer, ticketId);
    const b = accessibleTicket(tx, viewer, otherId);
    if (linked) {
      if (ticketsLinked(tx, a.id, b.id)) return false;
      linkTickets(tx, a.id, b.id, 'related', now);
    } else if (!unlinkTickets(tx, a.id, b.id)) return false;
    const type = linked ? 'linked' : 'unlinked';
    const actor = { kind: 'agent', agentId: viewer.id } as const;
    insertEvents(tx, [
      ticketEvent(a.id, type, { ticketId: b.id, number: b.number }, actor, now),
      ticketEvent(b.id, type, { ticketId: a.id, number: a.number }, actor, now),
    ]);
    return true;
  });
  if (changed) for (const id of [ticketId, otherId]) getBus().emit('ticket.changed', { ticketId: id, kind: 'updated', actorAgentId: viewer.id });
  return { changed };
}
