import { tzOffset } from '@date-fns/tz';

/**
 * A zone's UTC offset over a range as pieces: `offsetMs` holds for instants before `until` (the last
 * piece's `until` is Infinity). The dashboard turns instants into local days and hours with it in SQL
 * (one CASE per DST change), exact for any zone, half-hour offsets included. Universal.
 */
export type OffsetPiece = { until: number; offsetMs: number };

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const offsetAt = (zone: string, at: number) => tzOffset(zone, new Date(at)) * MIN;

export function offsetPieces(zone: string, from: number, to: number): OffsetPiece[] {
  const pieces: OffsetPiece[] = [];
  let current = offsetAt(zone, from);
  // Zones change offset at most a few times a year and never twice a day: look daily, then find the minute.
  for (let day = from; day < to; day += DAY) {
    const end = Math.min(day + DAY, to);
    if (offsetAt(zone, end) === current) continue;
    let lo = day;
    let hi = end;
    while (hi - lo > MIN) {
      const mid = lo + Math.floor((hi - lo) / 2 / MIN) * MIN;
      if (offsetAt(zone, mid) === current) lo = mid;
      else hi = mid;
    }
    pieces.push({ until: hi, offsetMs: current });
    current = offsetAt(zone, hi);
  }
  pieces.push({ until: Infinity, offsetMs: current });
  return pieces;
}

/** Monday-first weekday (0 = Monday) and hour of a local instant given as "UTC ms plus offset". */
export function weekdayHourOfLocal(localMs: number): { weekday: number; hour: number } {
  // 1970-01-01 was a Thursday: three days after a Monday.
  const hourOfWeek = (((Math.floor(localMs / 3600_000) + 72) % 168) + 168) % 168;
  return { weekday: Math.floor(hourOfWeek / 24), hour: hourOfWeek % 24 };
}
