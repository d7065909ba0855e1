import type { TicketStatus } from '@/lib/domain';
import type { TicketRow } from '@/db/queries/tickets';
import { DomainError } from '@/server/errors/domain-error';

const SOLVED: TicketStatus[] = ['solved', 'closed'];

/**
 * The ticket columns a status change implies. Closed is final (a follow-up opens a new ticket, as in every
 * major helpdesk); solved → unsolved counts as a reopen, which FCR needs; first/last solved times feed
 * resolution-time metrics.
 */
export function statusTransition(t: Pick<TicketRow, 'status' | 'firstSolvedAt' | 'reopenCount'>, to: TicketStatus, now: number) {
  if (t.status === 'closed') throw new DomainError('CONFLICT', 'A closed ticket cannot be changed; open a follow-up ticket instead');
  if (to === 'new') throw new DomainError('BAD_REQUEST', 'A ticket cannot be set back to new');
  const cols: Partial<Pick<TicketRow, 'status' | 'firstSolvedAt' | 'lastSolvedAt' | 'reopenCount'>> = { status: to };
  if (to === 'solved') {
    cols.lastSolvedAt = now;
    if (t.firstSolvedAt == null) cols.firstSolvedAt = now;
  }
  if (SOLVED.includes(t.status) && !SOLVED.includes(to)) cols.reopenCount = t.reopenCount + 1;
  return cols;
}
