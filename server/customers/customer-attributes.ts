import { type Db, transact } from '@/db/client';
import { listCustomerAttributes, upsertCustomerAttributes } from '@/db/queries/customer-attributes';

/**
 * What a site (or anyone calling the widget's setAttributes) may store on one customer. Per event the
 * widget sends at most MAX_KEYS pairs; across events the customer holds at most MAX_KEYS keys and
 * MAX_TOTAL_CHARS characters, so a visitor cannot grow a record without bound.
 */
export const ATTRIBUTE_LIMITS = { MAX_KEYS: 30, MAX_KEY_CHARS: 60, MAX_VALUE_CHARS: 500, MAX_TOTAL_CHARS: 8_000 } as const;

export type AttributeResult = { stored: string[]; refused: string[] };

/**
 * Sets these attributes, keeping the limits: a changed or new key is stored while the customer stays
 * within the key count and total size, in the order given; the rest are refused (and reported).
 * Unchanged values are not written at all.
 */
export function setCustomerAttributes(db: Db, customerId: number, attributes: Record<string, string>, now = Date.now()): AttributeResult {
  return transact(db, (tx) => {
    const current = new Map(Object.entries(listCustomerAttributes(tx, customerId)));
    let total = 0;
    for (const [k, v] of current) total += k.length + v.length;
    const writes: [string, string][] = [];
    const refused: string[] = [];
    for (const [key, value] of Object.entries(attributes)) {
      const old = current.get(key);
      if (old === value) continue;
      const nextTotal = total + value.length - (old === undefined ? -key.length : old.length);
      const fits =
        key.length >= 1 &&
        key.length <= ATTRIBUTE_LIMITS.MAX_KEY_CHARS &&
        value.length <= ATTRIBUTE_LIMITS.MAX_VALUE_CHARS &&
        (old !== undefined || current.size < ATTRIBUTE_LIMITS.MAX_KEYS) &&
        nextTotal <= ATTRIBUTE_LIMITS.MAX_TOTAL_CHARS;
      if (!fits) {
        refused.push(key);
        continue;
      }
      current.set(key, value);
      total = nextTotal;
      writes.push([key, value]);
    }
    upsertCustomerAttributes(tx, customerId, writes, now);
    return { stored: writes.map(([k]) => k), refused };
  });
}
