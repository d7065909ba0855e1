import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../client';
import { customerIdentities, customers } from '../schema';
import { preparedPerConnection } from '../prepared';

const prepared = preparedPerConnection((db) => ({
  customer: db
    .select()
    .from(customers)
    .where(eq(customers.id, sql.placeholder('id')))
    .prepare(),
}));

export function listIdentities(db: Db, customerId: number) {
  return db
    .select({ id: customerIdentities.id, kind: customerIdentities.kind, externalId: customerIdentities.externalId })
    .from(customerIdentities)
    .where(eq(customerIdentities.customerId, customerId))
    .orderBy(asc(customerIdentities.kind))
    .all();
}

export function findCustomer(db: Queryable, id: number) {
  return prepared(db).customer.get({ id });
}

/** The customer's id on a platform (their WhatsApp number, Messenger PSID, Telegram chat): where replies go. */
export function findIdentityOfKind(db: Queryable, customerId: number, kind: (typeof customerIdentities.$inferSelect)['kind']) {
  return db
    .select({ externalId: customerIdentities.externalId })
    .from(customerIdentities)
    .where(and(eq(customerIdentities.customerId, customerId), eq(customerIdentities.kind, kind)))
    .orderBy(asc(customerIdentities.id))
    .get()?.externalId;
}
