import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { customerAttributes, customerIdentities, customers, messages, surveyRequests, tickets } from '../schema';

/**
 * Customer `from`'s conversations become `to`'s: tickets, the messages they wrote, the surveys they were
 * sent (which would go with `from`'s record otherwise), and attributes where `to` has none of that key.
 * Returns the tickets moved.
 */
export function moveConversations(db: Queryable, from: number, to: number): number[] {
  const ticketIds = db.update(tickets).set({ customerId: to }).where(eq(tickets.customerId, from)).returning({ id: tickets.id }).all();
  db.update(messages).set({ authorCustomerId: to }).where(eq(messages.authorCustomerId, from)).run();
  db.update(surveyRequests).set({ customerId: to }).where(eq(surveyRequests.customerId, from)).run();
  db.run(sql`insert or ignore into ${customerAttributes} (customer_id, key, value, updated_at)
    select ${to}, key, value, updated_at from ${customerAttributes} where customer_id = ${from}`);
  return ticketIds.map((t) => t.id);
}

/** Everything of customer `from` becomes `to`'s, identities too; `from` is deleted. */
export function moveCustomer(db: Queryable, from: number, to: number, email: { email: string; emailVerified: boolean } | null) {
  const ticketIds = moveConversations(db, from, to);
  db.update(customerIdentities).set({ customerId: to }).where(eq(customerIdentities.customerId, from)).run();
  if (email) db.update(customers).set(email).where(eq(customers.id, to)).run();
  db.delete(customers).where(eq(customers.id, from)).run();
  return { ticketIds };
}

/** Customers whose name or email matches a full-text query, for picking one to link to. */
export function searchCustomers(db: Queryable, ftsQuery: string, limit: number) {
  return db.all<{ id: number; name: string; email: string | null; tickets: number }>(sql`
    select c.id, c.name, c.email, (select count(*) from tickets t where t.customer_id = c.id) as tickets
    from customers c where c.id in (select rowid from customer_fts where customer_fts match ${ftsQuery} order by rowid desc limit ${limit})
    order by c.id desc`);
}
