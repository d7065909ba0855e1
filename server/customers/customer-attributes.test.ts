import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db/client';
import { insertCustomerWithIdentity } from '@/db/queries/inbound';
import { listCustomerAttributes } from '@/db/queries/customer-attributes';
import { customerAttributes } from '@/db/schema';
import { ATTRIBUTE_LIMITS, setCustomerAttributes } from './customer-attributes';

let db: Db;
let customerId: number;
beforeEach(() => {
  db = openDatabase(':memory:');
  customerId = insertCustomerWithIdentity(db, { name: 'Ada', email: null, emailVerified: false, kind: 'chat', externalId: 'v:ada', now: 1 }).id;
});

const updatedAt = (key: string) =>
  db
    .select()
    .from(customerAttributes)
    .all()
    .find((r) => r.key === key)?.updatedAt;

describe('customer attributes', () => {
  it('stores keys one by one and rewrites only what changed', () => {
    expect(setCustomerAttributes(db, customerId, { plan: 'pro', city: 'Köln' }, 10)).toEqual({ stored: ['plan', 'city'], refused: [] });
    expect(setCustomerAttributes(db, customerId, { plan: 'pro', city: 'Bonn' }, 20)).toEqual({ stored: ['city'], refused: [] });
    expect(listCustomerAttributes(db, customerId)).toEqual({ city: 'Bonn', plan: 'pro' });
    expect(updatedAt('plan')).toBe(10);
    expect(updatedAt('city')).toBe(20);
  });

  it('caps the number of keys across events, while existing keys can still change', () => {
    for (let i = 0; i < ATTRIBUTE_LIMITS.MAX_KEYS; i++) setCustomerAttributes(db, customerId, { [`k${i}`]: 'v' });
    expect(setCustomerAttributes(db, customerId, { extra: 'x', k0: 'changed' })).toEqual({ stored: ['k0'], refused: ['extra'] });
    expect(Object.keys(listCustomerAttributes(db, customerId))).toHaveLength(ATTRIBUTE_LIMITS.MAX_KEYS);
  });

  it('takes keys of 1 to 60 characters and values of up to 500, exactly at the limits', () => {
    const key60 = 'k'.repeat(ATTRIBUTE_LIMITS.MAX_KEY_CHARS);
    const value500 = 'v'.repeat(ATTRIBUTE_LIMITS.MAX_VALUE_CHARS);
    expect(setCustomerAttributes(db, customerId, { a: 'x', [key60]: 'y', b: value500, c: value500 + 'v' })).toEqual({
      stored: ['a', key60, 'b'],
      refused: ['c'],
    });
  });

  it('counts a changed value against the total by its new length, not as a second key', () => {
    // 15 keys of 5 + 500 characters (7,575) leave 425: room to rewrite any of them at the same length.
    const big = 'x'.repeat(ATTRIBUTE_LIMITS.MAX_VALUE_CHARS);
    const keys = Array.from({ length: 15 }, (_, i) => `key${String(i).padStart(2, '0')}`);
    setCustomerAttributes(db, customerId, Object.fromEntries(keys.map((k) => [k, big])));
    expect(setCustomerAttributes(db, customerId, { key00: 'y'.repeat(ATTRIBUTE_LIMITS.MAX_VALUE_CHARS) })).toEqual({ stored: ['key00'], refused: [] });
    // Filling up to exactly the limit is allowed, one character more is not.
    const room = ATTRIBUTE_LIMITS.MAX_TOTAL_CHARS - 15 * (5 + ATTRIBUTE_LIMITS.MAX_VALUE_CHARS);
    expect(setCustomerAttributes(db, customerId, { z: 'v'.repeat(room) })).toEqual({ stored: [], refused: ['z'] });
    expect(setCustomerAttributes(db, customerId, { z: 'v'.repeat(room - 1) })).toEqual({ stored: ['z'], refused: [] });
  });

  it('caps the total size, counting keys and values, and refuses oversized keys and values', () => {
    const big = 'x'.repeat(ATTRIBUTE_LIMITS.MAX_VALUE_CHARS);
    const keys = Array.from({ length: 20 }, (_, i) => `key${String(i).padStart(2, '0')}`);
    const result = setCustomerAttributes(db, customerId, Object.fromEntries(keys.map((k) => [k, big])));
    const fitting = Math.floor(ATTRIBUTE_LIMITS.MAX_TOTAL_CHARS / (5 + big.length));
    expect(result.stored).toEqual(keys.slice(0, fitting));
    expect(result.refused).toEqual(keys.slice(fitting));
    expect(setCustomerAttributes(db, customerId, { ['k'.repeat(ATTRIBUTE_LIMITS.MAX_KEY_CHARS + 1)]: 'v', long: big + 'y', '': 'v' }).refused).toHaveLength(3);
    // Shrinking a value makes room again.
    expect(setCustomerAttributes(db, customerId, { key00: 'short', fresh: 'v' }).stored).toEqual(['key00', 'fresh']);
  });
});
