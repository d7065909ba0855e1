import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BusinessCalendar, WeeklyPeriod } from './business-hours';
import { dueAt, elapsedMs, remainingMs, type Pause } from './sla-clock';

const MIN = 60_000;
const H = 60 * MIN;
const at = (iso: string) => Date.parse(iso);
const weekdays = (...spans: [string, string][]): WeeklyPeriod[] => [1, 2, 3, 4, 5].flatMap((day) => spans.map(([from, to]) => ({ day, from, to })));
const berlin = (periods: WeeklyPeriod[], holidays: BusinessCalendar['holidays'] = []): BusinessCalendar => ({ timeZone: 'Europe/Berlin', periods, holidays });

describe('the SLA clock on business hours', () => {
  it('carries a Friday 16:30 + 1 h target over the weekend to Monday 09:30', () => {
    const cal = berlin(weekdays(['09:00', '17:00']));
    // Friday 2026-11-27 16:30 in Berlin is 15:30 UTC.
    expect(dueAt(cal, at('2026-11-27T15:30:00Z'), H)).toBe(at('2026-11-30T08:30:00Z'));
    expect(elapsedMs(cal, at('2026-11-27T15:30:00Z'), at('2026-11-30T08:00:00Z'))).toBe(30 * MIN);
    expect(remainingMs(cal, at('2026-11-27T15:30:00Z'), H, at('2026-11-30T09:00:00Z'))).toBe(-30 * MIN);
  });

  it('skips the lunch break of a split shift, and holidays', () => {
    const cal = berlin(weekdays(['08:00', '12:00'], ['13:00', '17:00']), [{ date: '2026-12-24', name: 'Heiligabend' }]);
    // Wednesday 2026-12-23 11:30 + 1 h: 30 min before lunch, 30 min after.
    expect(dueAt(cal, at('2026-12-23T10:30:00Z'), H)).toBe(at('2026-12-23T12:30:00Z'));
    // 16:30 + 1 h: Thursday 24 is a holiday, Friday 25 not in this calendar → Friday 08:30.
    expect(dueAt(cal, at('2026-12-23T15:30:00Z'), H)).toBe(at('2026-12-25T07:30:00Z'));
  });

  it('is exact across both daylight-saving changes in Berlin', () => {
    const cal = berlin([{ day: 7, from: '00:00', to: '24:00' }]);
    // Sunday 2027-03-28 has 23 hours (CET → CEST), Sunday 2026-10-25 has 25 (CEST → CET).
    expect(elapsedMs(cal, at('2027-03-27T23:00:00Z'), at('2027-03-29T00:00:00Z'))).toBe(23 * H);
    expect(elapsedMs(cal, at('2026-10-24T22:00:00Z'), at('2026-10-26T00:00:00Z'))).toBe(25 * H);
    expect(dueAt(cal, at('2027-03-27T23:00:00Z'), 23 * H)).toBe(at('2027-03-28T22:00:00Z'));
  });

  it('counts a period ending at 24:00 to midnight, and runs over the year’s end', () => {
    const cal = berlin(
      [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, from: '20:00', to: '24:00' })),
      [{ date: '2027-01-01', name: 'Neujahr' }],
    );
    // Thursday 2026-12-31 23:00 local + 2 h: one hour to midnight, New Year's Day is off, Saturday 20:00 → 21:00.
    expect(dueAt(cal, at('2026-12-31T22:00:00Z'), 2 * H)).toBe(at('2027-01-02T20:00:00Z'));
  });

  it('stops while paused and resumes after; an open-ended pause means no due time', () => {
    const start = at('2026-11-02T09:00:00Z');
    const pauses: Pause[] = [[start + H, start + 3 * H]];
    expect(dueAt(null, start, 2 * H, pauses)).toBe(start + 4 * H);
    expect(elapsedMs(null, start, start + 5 * H, pauses)).toBe(3 * H);
    expect(dueAt(null, start, 2 * H, [[start + H, null]])).toBeNull();
    expect(elapsedMs(null, start, start + 10 * H, [[start + H, null]])).toBe(H);
    // Overlapping and touching pauses count once.
    expect(
      elapsedMs(null, start, start + 6 * H, [
        [start + H, start + 2 * H],
        [start + 90 * MIN, start + 3 * H],
        [start + 3 * H, start + 4 * H],
      ]),
    ).toBe(3 * H);
  });

  it('stops for each of several pauses inside one opening, and for good at a pause without an end', () => {
    const cal = berlin(weekdays(['09:00', '17:00']));
    const monday9 = at('2026-11-02T08:00:00Z');
    const pauses: Pause[] = [
      [monday9 + H, monday9 + 90 * MIN],
      [monday9 + 2 * H, monday9 + 150 * MIN],
    ];
    expect(dueAt(cal, monday9, 3 * H, pauses)).toBe(monday9 + 4 * H);
    expect(elapsedMs(cal, monday9, monday9 + 3 * H, pauses)).toBe(2 * H);
    // Paused from Monday 10:00 with no end: an hour counted, whatever comes later.
    expect(dueAt(cal, monday9, 3 * H, [[monday9 + H, null]])).toBeNull();
    expect(elapsedMs(cal, monday9, monday9 + 5 * 24 * H, [[monday9 + H, null]])).toBe(H);
  });

  it('counts calendar time without a calendar', () => {
    expect(dueAt(null, 1000, 5000)).toBe(6000);
    expect(remainingMs(null, 1000, 5000, 2000)).toBe(4000);
  });
});

/**
 * The straightforward reference, written independently of the calendar code: minute by minute, a minute
 * counts when its local weekday and time (Intl, in the calendar's zone) fall in a period, its local date
 * is no holiday, and no pause covers it.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function localParts(zone: string, t: number) {
  let f = formatters.get(zone);
  if (!f)
    formatters.set(
      zone,
      (f = new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        hourCycle: 'h23',
        weekday: 'short',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })),
    );
  const parts = Object.fromEntries(f.formatToParts(t).map((p) => [p.type, p.value]));
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday!) + 1;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}
const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
function referenceOpen(cal: BusinessCalendar, t: number) {
  const local = localParts(cal.timeZone, t);
  if (cal.holidays.some((h) => h.date === local.date)) return false;
  return cal.periods.some((p) => p.day === local.weekday && toMinutes(p.from) <= local.minutes && local.minutes < toMinutes(p.to));
}
function referenceDue(cal: BusinessCalendar, start: number, targetMinutes: number, pauses: Pause[], limitMinutes: number): number | null {
  let counted = 0;
  for (let t = start, i = 0; i < limitMinutes; t += MIN, i++) {
    const paused = pauses.some(([p, q]) => t >= p && (q === null || t < q));
    if (!paused && referenceOpen(cal, t)) counted++;
    if (counted === targetMinutes) return t + MIN;
  }
  return null;
}

describe('the SLA clock against a minute-by-minute reference', () => {
  const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const period = fc
    .record({ day: fc.integer({ min: 1, max: 7 }), from: fc.integer({ min: 0, max: 47 }), length: fc.integer({ min: 1, max: 24 }) })
    .map(({ day, from, length }) => ({ day, from: hhmm(from * 30), to: hhmm(Math.min(48, from + length) * 30) }))
    .filter((p) => p.from < p.to);
  const calendar = fc.record({
    timeZone: fc.constantFrom('Europe/Berlin', 'UTC', 'America/New_York', 'Asia/Kolkata'),
    periods: fc.array(period, { minLength: 1, maxLength: 8 }),
    holidays: fc.subarray(['2026-03-30', '2026-10-26', '2026-12-31', '2027-01-01'].map((date) => ({ date, name: 'Feiertag' }))),
  });
  // Starts around the DST weekends and the year's end, on the minute.
  const start = fc
    .constantFrom('2026-03-27T10:00:00Z', '2026-10-23T15:00:00Z', '2026-12-30T20:00:00Z')
    .chain((iso) => fc.integer({ min: 0, max: 4 * 24 * 60 }).map((m) => at(iso) + m * MIN));

  it('agrees on every due time and every elapsed time, to the minute', () => {
    fc.assert(
      fc.property(
        calendar,
        start,
        fc.integer({ min: 1, max: 600 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 900 }), fc.integer({ min: 1, max: 300 })), { maxLength: 3 }),
        (cal, s, target, spans) => {
          const pauses: Pause[] = spans.map(([from, length]) => [s + from * MIN, s + (from + length) * MIN]);
          const expected = referenceDue(cal, s, target, pauses, 8 * 24 * 60);
          if (expected === null) return;
          expect(dueAt(cal, s, target * MIN, pauses)).toBe(expected);
          expect(elapsedMs(cal, s, expected, pauses)).toBe(target * MIN);
        },
      ),
      { numRuns: 100, seed: 20261201 },
    );
  }, 120_000);
});
