import { asc, eq } from 'drizzle-orm';
import type { Db, Queryable } from '../client';
import { customerIdentities, customers } from '../schema';

export function listIdentities(db: Db, customerId: number) {
  return db
    .select({ id: customerIdentities.id, kind: customerIdentities.kind, externalId: customerIdentities.externalId })
    .from(customerIdentities)
    .where(eq(customerIdentities.customerId, customerId))
    .orderBy(asc(customerIdentities.kind))
    .all();
}

export function findCustomer(db: Queryable, id: number) {
  return db.select().from(customers).where(eq(customers.id, id)).get();
}
