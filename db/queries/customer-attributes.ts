import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { customerAttributes } from '../schema';

export function listCustomerAttributes(db: Queryable, customerId: number): Record<string, string> {
  const rows = db
    .select({ key: customerAttributes.key, value: customerAttributes.value })
    .from(customerAttributes)
    .where(eq(customerAttributes.customerId, customerId))
    .orderBy(asc(customerAttributes.key))
    .all();
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

/** Writes these keys only; a value that did not change is not rewritten. */
export function upsertCustomerAttributes(db: Queryable, customerId: number, entries: [string, string][], now: number) {
  if (!entries.length) return;
  db.insert(customerAttributes)
    .values(entries.map(([key, value]) => ({ customerId, key, value, updatedAt: now })))
    .onConflictDoUpdate({
      target: [customerAttributes.customerId, customerAttributes.key],
      set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` },
      setWhere: sql`${customerAttributes.value} <> excluded.value`,
    })
    .run();
}

export function deleteCustomerAttribute(db: Queryable, customerId: number, key: string) {
  db.delete(customerAttributes)
    .where(and(eq(customerAttributes.customerId, customerId), eq(customerAttributes.key, key)))
    .run();
}
