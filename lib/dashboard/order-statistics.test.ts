import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize } from './order-statistics';

/** The definition, by sorting: the position P/100 · (n − 1), interpolated between its neighbours. */
function bySorting(values: number[], pct: number) {
  const s = [...values].sort((a, b) => a - b);
  const ix = (pct / 100) * (s.length - 1);
  const lo = Math.floor(ix);
  return lo === ix ? s[lo]! : s[lo]! + (s[lo + 1]! - s[lo]!) * (ix - lo);
}

describe('percentiles of several lists', () => {
  it('equal the sorted definition for any lists, duplicates and order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 30 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(0, 10, 50, 90, 100),
        (lists, pct) => {
          const all = lists.flat();
          const s = summarize(lists, [pct, 50]);
          expect(s.n).toBe(all.length);
          expect(s.percentiles).toEqual(all.length ? [bySorting(all, pct), bySorting(all, 50)] : [null, null]);
        },
      ),
      { numRuns: 400, seed: 7 },
    );
  });

  it('interpolate between the two middle values and give the mean', () => {
    const s = summarize([[40, 10], [], [30, 20]], [50, 90]);
    expect(s.percentiles[0]).toBe(25);
    expect(s.percentiles[1]).toBeCloseTo(37, 10);
    expect(s.mean).toBe(25);
    expect(summarize([], [50])).toEqual({ n: 0, mean: null, percentiles: [null] });
    // The scratch array grows and is reused: a longer list after a short one, then a short one again.
    expect(summarize([Float64Array.from({ length: 5000 }, (_, i) => 4999 - i)], [50]).percentiles).toEqual([2499.5]);
    expect(summarize([[3, 1, 2]], [0, 100]).percentiles).toEqual([1, 3]);
  });

  it('stay linear on sorted and reversed input', () => {
    const up = Float64Array.from({ length: 100_001 }, (_, i) => i);
    expect(summarize([up], [50]).percentiles).toEqual([50_000]);
    expect(summarize([up.slice().reverse()], [90]).percentiles).toEqual([90_000]);
  });
});
