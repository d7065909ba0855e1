import { ticketIdsByNumber } from '@/db/queries/search';
import type { Queryable } from '@/db/client';
import { findTicket, type TicketRow } from '@/db/queries/tickets';
import { hasRole } from '@/lib/domain';
import type { Viewer } from '@/server/auth/sessions';
import { DomainError } from '@/server/errors/domain-error';

/**
 * Who may read and act on a ticket: the one rule every procedure and socket event that touches a
 * ticket asks. Today every signed-in agent works every ticket (roles gate administration, not tickets);
 * team scoping and leads' views will narrow it here and nowhere else.
 */
export function canAccessTicket(viewer: Pick<Viewer, 'role'>, _ticket: Pick<TicketRow, 'id' | 'teamId' | 'assigneeId'>): boolean {
  return hasRole(viewer.role, 'agent');
}

/** The ticket, if it exists and the viewer may see it; NOT_FOUND otherwise (a ticket one may not see does not exist for them). */
export function accessibleTicket(db: Queryable, viewer: Pick<Viewer, 'role'>, ticketId: number): TicketRow {
  const ticket = findTicket(db, ticketId);
  if (!ticket || !canAccessTicket(viewer, ticket)) throw new DomainError('NOT_FOUND', 'ticket_not_found', { id: ticketId });
  return ticket;
}

/** The ticket an agent names by its number (#4000 in a link or the search box); its id for the procedures. */
export function ticketIdOfNumber(db: Queryable, viewer: Pick<Viewer, 'role'>, number: number): number {
  const [id] = ticketIdsByNumber(db, number);
  if (id === undefined) throw new DomainError('NOT_FOUND', 'ticket_number_not_found', { number });
  return accessibleTicket(db, viewer, id).id;
}
