import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributionOf, meanOf, percentileOf } from './order-statistics';

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
          const d = distributionOf(lists);
          expect(d.n).toBe(all.length);
          expect(percentileOf(d, pct)).toBe(all.length ? bySorting(all, pct) : null);
        },
      ),
      { numRuns: 400, seed: 7 },
    );
  });

  it('interpolate between the two middle values and give the mean', () => {
    const d = distributionOf([[40, 10], [], [30, 20]]);
    expect(percentileOf(d, 50)).toBe(25);
    expect(percentileOf(d, 90)).toBeCloseTo(37, 10);
    expect(meanOf(d)).toBe(25);
    expect(meanOf(distributionOf([]))).toBeNull();
  });

  it('stay linear on sorted and reversed input', () => {
    const up = Float64Array.from({ length: 100_001 }, (_, i) => i);
    expect(percentileOf(distributionOf([up]), 50)).toBe(50_000);
    expect(percentileOf(distributionOf([up.slice().reverse()]), 90)).toBe(90_000);
  });
});
