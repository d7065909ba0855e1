import { describe, expect, it } from 'vitest';
import { digestWeek } from './digest-week';

describe('the week a summary covers', () => {
  it('is Monday to Sunday in the zone, sent from the next Monday’s midnight there', () => {
    // Wednesday 18 November 2026 in Berlin (UTC+1).
    expect(digestWeek(Date.UTC(2026, 10, 18, 12), 'Europe/Berlin')).toEqual({
      weekStart: '2026-11-16',
      weekEnd: '2026-11-22',
      sendFrom: Date.UTC(2026, 10, 22, 23),
    });
  });

  it('follows the zone at the edges: Sunday 23:30 in Berlin is still the week, Monday 00:30 the next', () => {
    expect(digestWeek(Date.UTC(2026, 10, 22, 22, 30), 'Europe/Berlin').weekStart).toBe('2026-11-16');
    expect(digestWeek(Date.UTC(2026, 10, 22, 23, 30), 'Europe/Berlin').weekStart).toBe('2026-11-23');
    // The same instant is already Monday in Tokyo.
    expect(digestWeek(Date.UTC(2026, 10, 22, 16), 'Asia/Tokyo').weekStart).toBe('2026-11-23');
    expect(digestWeek(Date.UTC(2026, 10, 22, 16), 'America/New_York').weekStart).toBe('2026-11-16');
  });

  it('spans a change of clocks: the week of 19–25 October 2026 ends at CET midnight', () => {
    // Summer time ends on Sunday 25 October; Monday 26 October 00:00 CET is 23:00 UTC.
    expect(digestWeek(Date.UTC(2026, 9, 21, 12), 'Europe/Berlin')).toEqual({
      weekStart: '2026-10-19',
      weekEnd: '2026-10-25',
      sendFrom: Date.UTC(2026, 9, 25, 23),
    });
    // The week it began in: Monday 19 October 00:00 CEST was 22:00 UTC on Sunday.
    expect(digestWeek(Date.UTC(2026, 9, 18, 22, 30), 'Europe/Berlin').weekStart).toBe('2026-10-19');
  });
});
