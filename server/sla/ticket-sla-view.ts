import type { Queryable } from '@/db/client';
import { listTicketSlaTargets } from '@/db/queries/sla';
import { findCalendar } from '@/db/queries/calendars';
import type { TicketSlaTargetRow } from '@/db/schema';
import type { BusinessCalendar } from '@/lib/business-hours';
import { SLA_TARGETS } from '@/lib/sla-policy';

/**
 * Each target's latest cycle as the ticket header shows it (earlier cycles are in the history), with
 * what the browser needs to count the time left with the same clock as the server: start, target,
 * pauses and, for business time, the calendar (as long as it exists; the stored due time stands anyway).
 */
export function currentSlaTargets(db: Queryable, ticketId: number) {
  const latest = new Map<string, TicketSlaTargetRow>();
  for (const r of listTicketSlaTargets(db, ticketId)) if ((latest.get(r.target)?.cycle ?? 0) < r.cycle) latest.set(r.target, r);
  return SLA_TARGETS.flatMap((t) => {
    const r = latest.get(t);
    if (!r) return [];
    const cal = r.clock === 'business' && r.calendarId !== null ? findCalendar(db, r.calendarId) : undefined;
    const calendar: BusinessCalendar | null = cal ? { timeZone: cal.timeZone, periods: cal.periods, holidays: cal.holidays } : null;
    return [
      {
        target: r.target,
        cycle: r.cycle,
        state: r.state,
        clock: r.clock,
        startedAt: r.startedAt,
        targetMs: r.targetMs,
        pauses: r.pauses,
        calendar,
        dueAt: r.dueAt,
        warnAt: r.warnAt,
        breachedAt: r.breachedAt,
        endedAt: r.endedAt,
        policyName: r.policyName,
        calendarName: r.calendarName,
      },
    ];
  });
}
