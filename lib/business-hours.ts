import { TZDate } from '@date-fns/tz';
import { addDays, getISODay } from 'date-fns';
import { z } from 'zod';

/**
 * Business-hours calendars: a time zone, opening periods per weekday, holidays. Universal (the widget
 * settings preview and the server read the same clock); SLA timers will count business time with it.
 */

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const weeklyPeriodSchema = z
  .object({
    /** ISO weekday: 1 Monday … 7 Sunday. */
    day: z.number().int().min(1).max(7),
    from: z.string().regex(HHMM, 'Use HH:MM'),
    /** 24:00 ends the day; a period never runs past midnight (add one on the next day instead). */
    to: z.string().regex(HHMM, 'Use HH:MM'),
  })
  .refine((p) => minutesOf(p.from) < minutesOf(p.to), { message: 'A period must end after it starts', path: ['to'] });

export const holidaySchema = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'Not a date'),
  name: z.string().trim().max(100),
});

export const calendarInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  timeZone: z.string().refine(isTimeZone, 'Unknown time zone'),
  periods: z.array(weeklyPeriodSchema).max(70),
  holidays: z
    .array(holidaySchema)
    .max(400)
    .refine((hs) => new Set(hs.map((h) => h.date)).size === hs.length, 'A date is listed twice'),
});

export type WeeklyPeriod = z.infer<typeof weeklyPeriodSchema>;
export type Holiday = z.infer<typeof holidaySchema>;
export type BusinessCalendar = Pick<z.infer<typeof calendarInputSchema>, 'timeZone' | 'periods' | 'holidays'>;

/** Whether the calendar is open at `now`, and when that changes (null: never, e.g. no periods at all). */
export type BusinessHoursState = { open: boolean; changesAt: number | null };

/** How far ahead to look for the next opening: a year of holidays plus a margin. */
const HORIZON_DAYS = 400;

/** The open intervals of one local day in the calendar's zone, as epoch-millisecond pairs. */
function intervalsOfDay(cal: BusinessCalendar, day: TZDate, dateKey: string, holidays: Set<string>): [number, number][] {
  if (holidays.has(dateKey)) return [];
  const weekday = getISODay(day);
  const at = (hhmm: string) => {
    const m = minutesOf(hhmm);
    return new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), Math.floor(m / 60), m % 60, cal.timeZone).getTime();
  };
  return cal.periods
    .filter((p) => p.day === weekday)
    .map((p): [number, number] => [at(p.from), at(p.to)])
    .sort((a, b) => a[0] - b[0]);
}

/**
 * Caches per calendar: wall-clock arithmetic in a time zone is the expensive part, and the SLA clock asks
 * the same days for every ticket on a calendar (and again each second in a countdown). Keyed by what the
 * calendar says, not by the object, because the server loads a fresh object per request; a calendar that
 * changes is a new key. At most CALENDAR_CACHE_SIZE calendars are kept, the least recently used go.
 */
const CALENDAR_CACHE_SIZE = 64;
const keys = new WeakMap<BusinessCalendar, string>();
const perCalendar = new Map<string, Map<string, unknown>>();

/** A cache for one calendar's derived data (its days here, its open stretches in lib/sla-clock.ts). */
export function calendarCache<T>(cal: BusinessCalendar, name: string, make: () => T): T {
  let key = keys.get(cal);
  if (key === undefined) keys.set(cal, (key = JSON.stringify([cal.timeZone, cal.periods, cal.holidays])));
  let entry = perCalendar.get(key);
  if (entry) perCalendar.delete(key);
  else if (perCalendar.size >= CALENDAR_CACHE_SIZE) perCalendar.delete(perCalendar.keys().next().value!);
  perCalendar.set(key, (entry ??= new Map()));
  if (!entry.has(name)) entry.set(name, make());
  return entry.get(name) as T;
}

function daysOf(cal: BusinessCalendar) {
  return calendarCache(cal, 'days', () => ({ holidays: new Set(cal.holidays.map((h) => h.date)), days: new Map<string, [number, number][]>() }));
}

/**
 * Open intervals from the start of `now`'s local day on, in order, touching or overlapping ones merged
 * (Mon 08–12 and 12–18 is one stretch; Sun until 24:00 and Mon from 00:00 too), for HORIZON_DAYS days.
 * The SLA clock (lib/sla-clock.ts) counts business time over these.
 */
export function* openStretches(cal: BusinessCalendar, now: number): Generator<[number, number]> {
  const { holidays, days } = daysOf(cal);
  const local = new TZDate(now, cal.timeZone);
  const first = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), cal.timeZone);
  let current: [number, number] | null = null;
  for (let d = 0; d < HORIZON_DAYS; d++) {
    // The local date, by calendar arithmetic on the first day (no time-zone work for a cached day).
    const date = new Date(Date.UTC(first.getFullYear(), first.getMonth(), first.getDate() + d));
    const key = date.toISOString().slice(0, 10);
    let intervals = days.get(key);
    if (!intervals) days.set(key, (intervals = intervalsOfDay(cal, addDays(first, d), key, holidays)));
    for (const interval of intervals) {
      if (current && interval[0] <= current[1]) current[1] = Math.max(current[1], interval[1]);
      else {
        if (current) yield current;
        current = [...interval];
      }
    }
  }
  if (current) yield current;
}

export function businessHoursAt(cal: BusinessCalendar, now: number): BusinessHoursState {
  for (const [start, end] of openStretches(cal, now)) {
    if (end <= now) continue;
    return start <= now ? { open: true, changesAt: end } : { open: false, changesAt: start };
  }
  return { open: false, changesAt: null };
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
