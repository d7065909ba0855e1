import type { Db } from '@/db/client';
import { contactResolutionByDay, volumeByDay } from '@/db/queries/metrics-series';
import { DAY_MS } from '@/db/queries/metrics-filter';
import type { DashboardScope } from './dashboard-scope';

/**
 * The window's trend per week (Monday first) or month, in the team's zone: tickets created and first
 * solved, and first-, second- and third-contact resolution with the one-touch rate, each bucket with its n.
 */
export type TrendBucket = {
  /** The bucket's first day (YYYY-MM-DD); weeks and months may begin before the window, the counts never do. */
  start: string;
  created: number;
  solved: number;
  contacted: number;
  first: number;
  second: number;
  third: number;
  oneTouch: number;
};

const dayIndex = (ymd: string) => Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(5, 7)) - 1, Number(ymd.slice(8, 10))) / DAY_MS;
const ymdOfIndex = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
// Day 0 (1970-01-01) was a Thursday: its week began three days earlier.
const bucketOf = (day: number, interval: 'week' | 'month') =>
  interval === 'week' ? ymdOfIndex(day - ((((day + 3) % 7) + 7) % 7)) : `${ymdOfIndex(day).slice(0, 7)}-01`;

export function trend(db: Db, scope: DashboardScope): TrendBucket[] {
  const interval = scope.filters.interval;
  const buckets = new Map<string, TrendBucket>();
  for (let day = dayIndex(scope.window.fromDay); day <= dayIndex(scope.window.toDay); day++) {
    const start = bucketOf(day, interval);
    if (!buckets.has(start)) buckets.set(start, { start, created: 0, solved: 0, contacted: 0, first: 0, second: 0, third: 0, oneTouch: 0 });
  }
  const at = (day: number) => buckets.get(bucketOf(day, interval));
  const add = (day: number, counts: Partial<Omit<TrendBucket, 'start'>>) => {
    const b = at(day);
    if (b) for (const [k, n] of Object.entries(counts) as [keyof typeof counts, number][]) b[k] += n;
  };
  const volume = volumeByDay(db, scope.current, scope.pieces);
  for (const r of volume.created) add(r.day, { created: r.n });
  for (const r of volume.solved) add(r.day, { solved: r.n });
  for (const r of contactResolutionByDay(db, scope.current, scope.pieces))
    add(r.day, { contacted: r.n, first: r.first, second: r.second, third: r.third, oneTouch: r.oneTouch });
  return [...buckets.values()];
}
