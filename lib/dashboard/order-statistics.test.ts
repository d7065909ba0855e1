import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedList, summarize, type SortedList } from './order-statistics';

/** The definition, by sorting: the position P/100 · (n − 1), interpolated between its neighbours. */
function bySorting(values: number[], pct: number) {
  const s = [...values].sort((a, b) => a - b);
  const ix = (pct / 100) * (s.length - 1);
  const lo = Math.floor(ix);
  return lo === ix ? s[lo]! : s[lo]! + (s[lo + 1]! - s[lo]!) * (ix - lo);
}

/** A list that counts the parts copied from, as stored lists read them. */
function counted(values: number[], stride: number) {
  const list = sortedList(values, stride);
  const read = new Set<number>();
  const copy: SortedList['copy'] = (from, to, into, at) => {
    for (let p = Math.floor(from / stride); p * stride < to; p++) read.add(p);
    list.copy(from, to, into, at);
  };
  return { list: { ...list, copy }, read };
}

const sorted = (l: number[]) => [...l].sort((a, b) => a - b);

describe('percentiles of several sorted lists', () => {
  it('equal the sorted definition for any lists, duplicates, strides and percentiles', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 40 }), fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(0, 10, 25, 50, 90, 99, 100),
        (lists, pct) => {
          const all = lists.flatMap(([l]) => l);
          const s = summarize(
            lists.map(([l, stride]) => sortedList(sorted(l), stride)),
            [pct, 50],
          );
          expect(s.n).toBe(all.length);
          expect(s.percentiles).toEqual(all.length ? [bySorting(all, pct), bySorting(all, 50)] : [null, null]);
          expect(s.mean).toBe(all.length ? all.reduce((a, v) => a + v, 0) / all.length : null);
        },
      ),
      { numRuns: 600, seed: 7 },
    );
  });

  it('interpolate between the two middle values and give the mean', () => {
    const s = summarize([sortedList([10, 40]), sortedList([]), sortedList([20, 30])], [50, 90]);
    expect(s.percentiles[0]).toBe(25);
    expect(s.percentiles[1]).toBeCloseTo(37, 10);
    expect(s.mean).toBe(25);
    expect(summarize([], [50])).toEqual({ n: 0, mean: null, percentiles: [null] });
    expect(
      summarize(
        [
          sortedList(
            Float64Array.from({ length: 5000 }, (_, i) => i),
            100,
          ),
        ],
        [50],
      ).percentiles,
    ).toEqual([2499.5]);
    expect(summarize([sortedList([1, 2, 3], 2)], [0, 100]).percentiles).toEqual([1, 3]);
  });

  it('read only the strides around the percentile', () => {
    // 90 days of 10,000 values each in parts of 500: the median reads a few parts per list, not all 20.
    const values = Array.from({ length: 90 }, (_, d) => Array.from({ length: 10_000 }, (_, i) => i * 7 + d));
    const days = values.map((v) => counted(v, 500));
    const s = summarize(
      days.map((d) => d.list),
      [50, 90],
    );
    expect(s.percentiles).toEqual([bySorting(values.flat(), 50), bySorting(values.flat(), 90)]);
    const partsRead = days.reduce((n, d) => n + d.read.size, 0);
    // About two parts per list and percentile (362 when written), of the 1,800 there are.
    expect(partsRead).toBeLessThanOrEqual(400);
  });

  it('find any rank among many long lists, equal values across lists included', () => {
    // 40 lists of 0..2499 in steps of 1, 2 or 3: every value repeated across lists.
    const values = Array.from({ length: 40 }, (_, j) => Array.from({ length: 2500 }, (_, i) => i * (1 + (j % 3))));
    const lists = values.map((v) => sortedList(v, 64));
    const all = values.flat();
    for (const pct of [0, 0.001, 25, 50, 77.7, 99.99, 100]) expect(summarize(lists, [pct]).percentiles).toEqual([bySorting(all, pct)]);
  });
});
