import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StoredList, encodeList, merged, removeRowParts, valuesOf, writeParts } from './metric-rollup-lists';
import { openTestDatabase } from '@/server/testing/test-database';

const sorted = (a: number[]) => [...a].sort((x, y) => x - y);

describe('rollup value lists', () => {
  it('merge: the stored values less each removed one once, plus the added ones, still sorted', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 20 }),
        fc.nat(),
        (stored, add, seed) => {
          const base = sorted(stored);
          // Remove some of the stored values (duplicates included), each at most as often as it is stored.
          const remove = base.filter((_, i) => (seed >> (i % 30)) & 1);
          const expected = sorted([...base.filter((_, i) => !((seed >> (i % 30)) & 1)), ...add]);
          expect([...merged(Float64Array.from(base), sorted(add), remove, 'test')]).toEqual(expected);
        },
      ),
      { numRuns: 500, seed: 13 },
    );
  });

  it('refuses to take out a value the list does not hold', () => {
    expect(() => merged(Float64Array.from([1, 2, 2]), [], [2, 2, 2], 'all/created/-/24h/9')).toThrow('all/created/-/24h/9 lacks the value 2');
    expect(() => merged(Float64Array.from([1]), [5], [3], 'x')).toThrow('lacks the value 3');
  });

  it('keeps a short list whole and cuts a long one into parts headed by their first values', () => {
    const whole = encodeList(Float64Array.from([1, 2, 3]), 3, 'x');
    expect(whole).toMatchObject({ count: 3, sum: 6, parts: [] });
    expect([...valuesOf({ rowId: 1, measure: 'frtCal', head: whole.head, count: 3, stride: 3 }, [])]).toEqual([1, 2, 3]);

    const values = Float64Array.from({ length: 7 }, (_, i) => i * 10);
    const long = encodeList(values, 3, 'x');
    expect(long.count).toBe(7);
    expect(long.sum).toBe(210);
    expect(long.parts.map((p) => [...new Float64Array(p.buffer.slice(p.byteOffset, p.byteOffset + p.length))])).toEqual([[0, 10, 20], [30, 40, 50], [60]]);
    expect([...new Float64Array(long.head!.buffer.slice(long.head!.byteOffset, long.head!.byteOffset + long.head!.length))]).toEqual([0, 30, 60]);
    expect([...valuesOf({ rowId: 1, measure: 'frtCal', head: long.head, count: 7, stride: 3 }, long.parts)]).toEqual([...values]);
    // A part missing is damage, not a shorter list.
    expect(() => valuesOf({ rowId: 1, measure: 'frtCal', head: long.head, count: 7, stride: 3 }, long.parts.slice(0, 2))).toThrow('holds 6 of its 7');
    expect(encodeList(new Float64Array(0), 3, 'x')).toEqual({ head: null, count: 0, sum: 0, parts: [] });
  });

  it('reads a stored list’s parts once per list: a second window over them needs no storage', () => {
    const { db, close } = openTestDatabase();
    try {
      const values = Float64Array.from({ length: 10 }, (_, i) => i * 10);
      const list = encodeList(values, 3, 'x');
      writeParts(db, 999, 'frtCal', list.parts, [], false);
      const stored = new StoredList(db, { rowId: 999, measure: 'frtCal', head: list.head, count: 10, stride: 3 }, list.sum);
      const into = new Float64Array(10);
      stored.copy(2, 7, into, 0);
      expect([...into.subarray(0, 5)]).toEqual([20, 30, 40, 50, 60]);
      // The parts go from storage: what was read is still answered; of the rest only the unread part is asked for.
      removeRowParts(db, 999);
      stored.copy(4, 6, into, 1);
      expect([...into.subarray(0, 3)]).toEqual([20, 40, 50]);
      expect(() => stored.copy(8, 10, into, 0)).toThrow('metric rollups damaged: row 999 lacks frtCal parts 3–3');
      // A window partly read asks storage for the rest only.
      writeParts(db, 999, 'frtCal', list.parts, [], false);
      stored.copy(5, 10, into, 0);
      expect([...into.subarray(0, 5)]).toEqual([50, 60, 70, 80, 90]);
    } finally {
      close();
    }
  });
});
