import { describe, expect, it } from 'vitest';
import { businessHoursAt, calendarInputSchema, type BusinessCalendar } from './business-hours';

const weekdays = (from: string, to: string) => [1, 2, 3, 4, 5].map((day) => ({ day, from, to }));
const berlin: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  periods: weekdays('08:00', '18:00'),
  holidays: [{ date: '2026-12-25', name: '1. Weihnachtstag' }],
};
const at = (iso: string) => Date.parse(iso);

describe('businessHoursAt', () => {
  it('is open inside a period (in the calendar’s zone) and says when it closes', () => {
    // Monday 2026-11-23 08:00 in Berlin is 07:00 UTC (CET).
    expect(businessHoursAt(berlin, at('2026-11-23T07:00:00Z'))).toEqual({ open: true, changesAt: at('2026-11-23T17:00:00Z') });
    expect(businessHoursAt(berlin, at('2026-11-23T06:59:00Z'))).toEqual({ open: false, changesAt: at('2026-11-23T07:00:00Z') });
  });

  it('is closed over the weekend until Monday morning', () => {
    expect(businessHoursAt(berlin, at('2026-11-27T17:00:00Z'))).toEqual({ open: false, changesAt: at('2026-11-30T07:00:00Z') });
  });

  it('skips holidays', () => {
    // Thursday 24 Dec after hours: Friday 25 Dec is a holiday, so Monday 28 Dec.
    expect(businessHoursAt(berlin, at('2026-12-24T18:00:00Z'))).toEqual({ open: false, changesAt: at('2026-12-28T07:00:00Z') });
  });

  it('follows daylight saving time', () => {
    // Europe switches to CEST on Sunday 2027-03-28: Monday 08:00 is then 06:00 UTC.
    expect(businessHoursAt(berlin, at('2027-03-26T17:30:00Z'))).toEqual({ open: false, changesAt: at('2027-03-29T06:00:00Z') });
  });

  it('treats touching periods as one stretch, also across midnight', () => {
    const cal: BusinessCalendar = {
      timeZone: 'UTC',
      periods: [
        { day: 7, from: '00:00', to: '24:00' },
        { day: 1, from: '00:00', to: '12:00' },
        { day: 1, from: '12:00', to: '14:00' },
      ],
      holidays: [],
    };
    expect(businessHoursAt(cal, at('2026-11-29T10:00:00Z'))).toEqual({ open: true, changesAt: at('2026-11-30T14:00:00Z') });
  });

  it('is never open without periods', () => {
    expect(businessHoursAt({ timeZone: 'UTC', periods: [], holidays: [] }, at('2026-11-23T10:00:00Z'))).toEqual({ open: false, changesAt: null });
  });
});

describe('calendarInputSchema', () => {
  const valid = { name: 'Support', timeZone: 'Europe/Berlin', periods: weekdays('08:00', '18:00'), holidays: [] };
  it('accepts a working week', () => expect(calendarInputSchema.safeParse(valid).success).toBe(true));
  it('refuses an unknown zone, a period ending before it starts and a holiday listed twice', () => {
    expect(calendarInputSchema.safeParse({ ...valid, timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(calendarInputSchema.safeParse({ ...valid, periods: [{ day: 1, from: '18:00', to: '08:00' }] }).success).toBe(false);
    expect(calendarInputSchema.safeParse({ ...valid, periods: [{ day: 1, from: '8:00', to: '18:00' }] }).success).toBe(false);
    const xmas = { date: '2026-12-25', name: 'Weihnachten' };
    expect(calendarInputSchema.safeParse({ ...valid, holidays: [xmas, xmas] }).success).toBe(false);
  });
});
