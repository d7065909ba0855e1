import { type Db, transact } from '@/db/client';
import { findCustomer } from '@/db/queries/customers';
import { moveCustomer } from '@/db/queries/customer-merge';
import { DomainError } from '@/server/errors/domain-error';
import { getBus } from '@/server/realtime/bus';

/**
 * Links one customer record to another: `source` (typically a messenger identity that arrived on its own)
 * becomes part of `target`, so one person's email, chat, WhatsApp and Telegram show as one profile.
 * Every identity, ticket and message moves; attributes the target lacks are taken over; an email address
 * the target lacks too (a proven one wins over a typed one). The source record is then gone. One
 * transaction: a failure leaves both as they were.
 */
export function mergeCustomers(db: Db, input: { sourceId: number; targetId: number }) {
  if (input.sourceId === input.targetId) throw new DomainError('BAD_REQUEST', 'customer_merge_same');
  const moved = transact(db, (tx) => {
    const source = findCustomer(tx, input.sourceId);
    const target = findCustomer(tx, input.targetId);
    if (!source) throw new DomainError('NOT_FOUND', 'customer_not_found', { id: input.sourceId });
    if (!target) throw new DomainError('NOT_FOUND', 'customer_not_found', { id: input.targetId });
    const takeEmail = !!source.email && (!target.email || (!target.emailVerified && source.emailVerified));
    return moveCustomer(tx, source.id, target.id, takeEmail ? { email: source.email!, emailVerified: source.emailVerified } : null);
  });
  for (const ticketId of moved.ticketIds) getBus().emit('ticket.changed', { ticketId, kind: 'updated', actorAgentId: null });
  return { id: input.targetId, tickets: moved.ticketIds.length };
}
