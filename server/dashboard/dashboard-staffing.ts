import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { agentTeams } from '@/db/schema';
import { incomingBy } from '@/db/queries/metrics-series';
import { onlineSpans } from '@/db/queries/presence-spans';
import { weekdayHourOfLocal, type OffsetPiece } from '@/lib/time/zone-offsets';
import type { DashboardScope } from './dashboard-scope';

/**
 * The staffing view, by weekday × hour in the team's zone (Monday first): incoming tickets (by the
 * customer's first message), their median first response, and how many agents were online on average
 * in that hour; and per weekday the mean and median first response. Hours of the week are 0–167. Always
 * in calendar time: how long the customer waited (business time would make the closed weekend look fast).
 */
export type StaffingCell = { weekday: number; hour: number; incoming: number; answered: number; medianMs: number | null; agentsOnline: number };
export type WeekdayRow = { weekday: number; incoming: number; answered: number; meanMs: number | null; medianMs: number | null };

const HOUR = 3600_000;
const offsetAt = (pieces: readonly OffsetPiece[], at: number) => pieces.find((p) => at < p.until)!.offsetMs;

/**
 * Splits [from, to) at local hour boundaries and offset changes, handing each piece's local hour of the
 * week and length to `visit`.
 */
function eachLocalHour(pieces: readonly OffsetPiece[], from: number, to: number, visit: (hourOfWeek: number, ms: number) => void) {
  for (let t = from; t < to;) {
    const offset = offsetAt(pieces, t);
    const local = t + offset;
    const nextHour = (Math.floor(local / HOUR) + 1) * HOUR - offset;
    const change = pieces.find((p) => t < p.until)!.until;
    const end = Math.min(to, nextHour, change);
    const { weekday, hour } = weekdayHourOfLocal(local);
    visit(weekday * 24 + hour, end - t);
    t = end;
  }
}

function agentsInScope(db: Db, scope: DashboardScope): number[] | null {
  if (scope.current.agentId != null) return [scope.current.agentId];
  if (scope.current.teamId != null)
    return db
      .select({ id: agentTeams.agentId })
      .from(agentTeams)
      .where(eq(agentTeams.teamId, scope.current.teamId))
      .all()
      .map((r) => r.id);
  return null;
}

export function staffing(db: Db, scope: DashboardScope): { cells: StaffingCell[]; weekdays: WeekdayRow[] } {
  const { from, to } = scope.window;
  // How many hours of each hour of the week the window has (a 10-day window has some Mondays twice).
  const hoursInWindow = new Array<number>(168).fill(0);
  eachLocalHour(scope.pieces, from, to, (h, ms) => (hoursInWindow[h]! += ms));
  const onlineMs = new Array<number>(168).fill(0);
  for (const s of onlineSpans(db, from, to, agentsInScope(db, scope)))
    eachLocalHour(scope.pieces, Math.max(from, s.startedAt), Math.min(to, s.lastSeenAt), (h, ms) => (onlineMs[h]! += ms));
  const both = incomingBy(db, scope.current, scope.pieces, 'calendar');
  const incoming = new Map(both.hourOfWeek.map((r) => [r.key, r]));
  const cells = hoursInWindow.map((windowMs, h) => {
    const r = incoming.get(h);
    return {
      weekday: Math.floor(h / 24),
      hour: h % 24,
      incoming: r?.n ?? 0,
      answered: r?.answered ?? 0,
      medianMs: r?.medianMs ?? null,
      // Average agents online in that hour: agent-time online over the hour's time in the window.
      agentsOnline: windowMs ? Math.round((10 * onlineMs[h]!) / windowMs) / 10 : 0,
    };
  });
  const byWeekday = new Map(both.weekday.map((r) => [r.key, r]));
  const weekdays = Array.from({ length: 7 }, (_, weekday) => {
    const r = byWeekday.get(weekday);
    return { weekday, incoming: r?.n ?? 0, answered: r?.answered ?? 0, meanMs: r?.meanMs == null ? null : Math.round(r.meanMs), medianMs: r?.medianMs ?? null };
  });
  return { cells, weekdays };
}
