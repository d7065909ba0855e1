import { calendarCache, openStretches, type BusinessCalendar } from './business-hours';

/**
 * The SLA clock: how much counted time has passed, when a target falls due, how much is left. Counted
 * time is business time on a calendar (its open stretches, holidays and DST included) or calendar time
 * (no calendar), minus the intervals the ticket was paused (e.g. pending). Universal and pure, so the
 * server stores due times with it and the browser counts down with the same code, to the millisecond.
 */

/** A paused interval [from, to); `to` null while the pause lasts. */
export type Pause = readonly [from: number, to: number | null];

const BUCKET_MS = 30 * 24 * 3600_000;

/**
 * A calendar's open stretches from `start` on. Computed once per calendar and 30-day bucket of starts
 * (each list runs about a year ahead) and then found by binary search: thousands of tickets share a
 * calendar, and a countdown asks every second.
 */
function* stretchesFrom(cal: BusinessCalendar, start: number): Generator<[number, number]> {
  const buckets = calendarCache(cal, 'stretches', () => new Map<number, [number, number][]>());
  const bucket = Math.floor(start / BUCKET_MS);
  let list = buckets.get(bucket);
  if (!list) buckets.set(bucket, (list = [...openStretches(cal, bucket * BUCKET_MS)]));
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]![1] <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < list.length; i++) yield list[i]!;
}

/** The stretches in which time counts from `start` on, in order: open (or always, without a calendar) and not paused. */
function* countingWindows(cal: BusinessCalendar | null, start: number, pauses: readonly Pause[]): Generator<[number, number]> {
  const paused = mergePauses(pauses);
  const open: Iterable<[number, number]> = cal ? stretchesFrom(cal, start) : [[start, Infinity]];
  for (const [from, to] of open) {
    let a = Math.max(from, start);
    if (to <= a) continue;
    for (const [p, q] of paused) {
      if (q <= a) continue;
      if (p >= to) break;
      if (p > a) yield [a, p];
      a = Math.max(a, q);
      if (a >= to) break;
    }
    if (a < to) yield [a, to];
    // An open-ended pause stops every clock it covers.
    if (paused.some(([p, q]) => q === Infinity && p <= to)) return;
  }
}

function mergePauses(pauses: readonly Pause[]): [number, number][] {
  const sorted = pauses
    .map(([p, q]): [number, number] => [p, q ?? Infinity])
    .filter(([p, q]) => q > p)
    .sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [p, q] of sorted) {
    const last = out.at(-1);
    if (last && p <= last[1]) last[1] = Math.max(last[1], q);
    else out.push([p, q]);
  }
  return out;
}

/** Counted milliseconds in [start, at). */
export function elapsedMs(cal: BusinessCalendar | null, start: number, at: number, pauses: readonly Pause[] = []): number {
  let total = 0;
  for (const [a, b] of countingWindows(cal, start, pauses)) {
    if (a >= at) break;
    total += Math.min(b, at) - a;
  }
  return total;
}

/**
 * When `targetMs` of counted time will have passed since `start`: null when it never will as things
 * stand (a pause without an end, or no business hours within the calendar's look-ahead of about a year).
 */
export function dueAt(cal: BusinessCalendar | null, start: number, targetMs: number, pauses: readonly Pause[] = []): number | null {
  let left = targetMs;
  for (const [a, b] of countingWindows(cal, start, pauses)) {
    if (b - a >= left) return a + left;
    left -= b - a;
  }
  return null;
}

/** Counted time left at `at` until the target (negative: overdue by that much). */
export function remainingMs(cal: BusinessCalendar | null, start: number, targetMs: number, at: number, pauses: readonly Pause[] = []): number {
  return targetMs - elapsedMs(cal, start, at, pauses);
}
