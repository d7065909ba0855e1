import { z } from 'zod';
import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, differenceInCalendarDays, format } from 'date-fns';
import { CHANNEL_KINDS, PRIORITIES } from '../domain';

/**
 * The dashboard's filters, as they stand in the URL (so a view can be shared) and as the server takes
 * them. Dates are days in the team's zone; `to` is the last day included. Universal.
 */
export const RANGE_PRESETS = ['today', '7d', '30d', '90d', 'this_month', 'last_month', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const MAX_RANGE_DAYS = 731;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const id = z.coerce.number().int().positive();

export const dashboardFiltersSchema = z.object({
  range: z.enum(RANGE_PRESETS).default('30d'),
  from: day.optional(),
  to: day.optional(),
  teamId: id.optional(),
  agentId: id.optional(),
  channel: z.enum(CHANNEL_KINDS).optional(),
  priority: z.enum(PRIORITIES).optional(),
  tagId: id.optional(),
  clock: z.enum(['business', 'calendar']).default('business'),
  cohort: z.enum(['created', 'solved']).default('created'),
  interval: z.enum(['week', 'month']).default('week'),
});
export type DashboardFilters = z.infer<typeof dashboardFiltersSchema>;
export type DashboardFiltersInput = z.input<typeof dashboardFiltersSchema>;

export type RangeProblem = 'range_dates_missing' | 'range_date_invalid' | 'range_reversed' | 'range_too_long';
export type Window = { from: number; to: number; fromDay: string; toDay: string; days: number };

const startOfDay = (ymd: string, zone: string) => {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const t = new TZDate(y, m - 1, d, zone);
  // Date rolls 2026-02-31 over into March: such a day does not exist.
  return t.getFullYear() === y && t.getMonth() === m - 1 && t.getDate() === d ? t : null;
};
const ymdOf = (t: Date) => format(t, 'yyyy-MM-dd');

/** The window the filters name, as instants: [start of the first day, start of the day after the last). */
export function resolveWindow(f: Pick<DashboardFilters, 'range' | 'from' | 'to'>, zone: string, now: number): Window | { problem: RangeProblem } {
  const today = new TZDate(now, zone);
  const todayYmd = ymdOf(today);
  const preset = (fromYmd: string, toYmd: string) => ({ fromYmd, toYmd });
  const daysBack = (n: number) => preset(ymdOf(addDays(today, -(n - 1))), todayYmd);
  const monthStart = new TZDate(today.getFullYear(), today.getMonth(), 1, zone);
  const picked =
    f.range === 'today'
      ? preset(todayYmd, todayYmd)
      : f.range === '7d'
        ? daysBack(7)
        : f.range === '30d'
          ? daysBack(30)
          : f.range === '90d'
            ? daysBack(90)
            : f.range === 'this_month'
              ? preset(ymdOf(monthStart), todayYmd)
              : f.range === 'last_month'
                ? preset(ymdOf(addMonths(monthStart, -1)), ymdOf(addDays(monthStart, -1)))
                : f.from && f.to
                  ? preset(f.from, f.to)
                  : null;
  if (!picked) return { problem: 'range_dates_missing' };
  const start = startOfDay(picked.fromYmd, zone);
  const last = startOfDay(picked.toYmd, zone);
  if (!start || !last) return { problem: 'range_date_invalid' };
  const days = differenceInCalendarDays(last, start) + 1;
  if (days < 1) return { problem: 'range_reversed' };
  if (days > MAX_RANGE_DAYS) return { problem: 'range_too_long' };
  const end = addDays(last, 1);
  return { from: start.getTime(), to: end.getTime(), fromDay: picked.fromYmd, toDay: picked.toYmd, days };
}

/** The period of the same number of days just before: what each figure's trend compares with. */
export function previousWindow(w: Window, zone: string): Window {
  const start = startOfDay(w.fromDay, zone)!;
  const prevStart = addDays(start, -w.days);
  const prevLast = addDays(start, -1);
  return { from: prevStart.getTime(), to: start.getTime(), fromDay: ymdOf(prevStart), toDay: ymdOf(prevLast), days: w.days };
}

/** Figures over fewer than this many tickets or answers are flagged as a small sample, not shown as confident. */
export const SMALL_SAMPLE = 30;

/** The filters as URL search parameters, defaults left out (the page's address and the export links). */
export function filtersToSearch(f: DashboardFiltersInput): string {
  const defaults = dashboardFiltersSchema.parse({});
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null || v === '' || defaults[k as keyof DashboardFilters] === v) continue;
    if ((k === 'from' || k === 'to') && f.range !== 'custom') continue;
    params.set(k, String(v));
  }
  return params.toString();
}
