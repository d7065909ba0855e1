import type { Db } from '@/db/client';
import type { Viewer } from '@/server/auth/sessions';
import { DomainError } from '@/server/errors/domain-error';
import { updateTicket, type TicketPatch } from './update-ticket';

/** A page of the list at most: what an agent selects by hand. */
export const MAX_BULK_TICKETS = 100;

/**
 * One change applied to several tickets, each in its own transaction with its own events, as if made one
 * by one: a ticket that refuses it (closed, gone) is reported by its message key and does not hold back
 * the others.
 */
export function bulkUpdateTickets(db: Db, viewer: Viewer, ticketIds: number[], patch: TicketPatch, now = Date.now()) {
  const ids = [...new Set(ticketIds)];
  if (ids.length > MAX_BULK_TICKETS) throw new DomainError('BAD_REQUEST', 'bulk_too_many', { max: MAX_BULK_TICKETS });
  const changed: number[] = [];
  const unchanged: number[] = [];
  const refused: { id: number; key: string }[] = [];
  for (const id of ids) {
    try {
      (updateTicket(db, viewer, id, patch, now).changed ? changed : unchanged).push(id);
    } catch (err) {
      // The agent or team the patch names is wrong for every ticket alike: say so once.
      if (!(err instanceof DomainError) || err.key === 'agent_not_found' || err.key === 'team_not_found' || err.key === 'too_many_tags') throw err;
      refused.push({ id, key: err.key });
    }
  }
  return { changed, unchanged, refused };
}
