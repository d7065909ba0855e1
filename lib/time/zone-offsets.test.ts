import { describe, expect, it } from 'vitest';
import { offsetPieces, weekdayHourOfLocal } from './zone-offsets';

const H = 3600_000;

describe('zone offsets', () => {
  it('splits a range at each change of the offset, to the minute', () => {
    expect(offsetPieces('Europe/Berlin', Date.UTC(2026, 2, 1), Date.UTC(2026, 11, 1))).toEqual([
      { until: Date.UTC(2026, 2, 29, 1), offsetMs: H },
      { until: Date.UTC(2026, 9, 25, 1), offsetMs: 2 * H },
      { until: Infinity, offsetMs: H },
    ]);
    expect(offsetPieces('Asia/Kolkata', Date.UTC(2026, 0, 1), Date.UTC(2026, 11, 31))).toEqual([{ until: Infinity, offsetMs: 5.5 * H }]);
    expect(offsetPieces('UTC', Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 1))).toEqual([{ until: Infinity, offsetMs: 0 }]);
  });

  it('reads the Monday-first weekday and hour of a local instant', () => {
    expect(weekdayHourOfLocal(Date.UTC(2026, 2, 23, 9, 30))).toEqual({ weekday: 0, hour: 9 }); // a Monday
    expect(weekdayHourOfLocal(Date.UTC(2026, 2, 29, 23, 59))).toEqual({ weekday: 6, hour: 23 }); // a Sunday
    expect(weekdayHourOfLocal(0)).toEqual({ weekday: 3, hour: 0 }); // 1970-01-01, a Thursday
  });
});
