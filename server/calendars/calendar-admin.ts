import { type Db, transact } from '@/db/client';
import { listPoliciesUsingCalendar } from '@/db/queries/sla';
import { listTeamsUsingCalendar } from '@/db/queries/agents';
import { replanOpenTickets } from '@/server/sla/replan';
import * as q from '@/db/queries/calendars';
import type { z } from 'zod';
import { businessHoursAt, type BusinessCalendar, type calendarInputSchema } from '@/lib/business-hours';
import { DomainError } from '@/server/errors/domain-error';
import { getBus } from '@/server/realtime/bus';

type CalendarInput = z.infer<typeof calendarInputSchema>;

/** Calendars as the settings page lists them: with whether each is open now and what uses it. */
export function listCalendarsForAdmin(db: Db, now = Date.now()) {
  return q.listCalendars(db).map((c) => ({ ...c, now: businessHoursAt(c, now), usedBy: q.listChannelsUsingCalendar(db, c.id).map((w) => w.name) }));
}

/** Creates (no id) or replaces a calendar; names are unique regardless of case. */
export function saveCalendar(db: Db, input: CalendarInput & { id?: number }, now = Date.now()) {
  const { id, ...fields } = input;
  const sameName = q.findCalendarByName(db, fields.name);
  if (sameName && sameName.id !== id) throw new DomainError('CONFLICT', 'calendar_name_taken', { name: fields.name });
  const periods = [...fields.periods].sort((a, b) => a.day - b.day || a.from.localeCompare(b.from));
  // Two periods on one day that overlap would count the shared time twice.
  const overlap = periods.find((p, i) => i > 0 && periods[i - 1]!.day === p.day && p.from < periods[i - 1]!.to);
  if (overlap) throw new DomainError('BAD_REQUEST', 'calendar_periods_overlap', { day: String(overlap.day), from: overlap.from });
  const holidays = [...fields.holidays].sort((a, b) => a.date.localeCompare(b.date));
  if (id === undefined) return q.insertCalendar(db, { ...fields, periods, holidays }, now);
  if (!q.findCalendar(db, id)) throw new DomainError('NOT_FOUND', 'calendar_not_found', { id });
  transact(db, (tx) => {
    q.updateCalendar(tx, id, { ...fields, periods, holidays }, now);
    // Other hours move the due times of the tickets counted on them.
    if (listPoliciesUsingCalendar(tx, id).length) replanOpenTickets(tx, now);
  });
  // Widgets following it show the new hours now, and their next opening or closing is timed anew.
  getBus().emit('chat.availability');
  return { id };
}

/** A calendar a widget or team still follows cannot go: the widget would silently become "always open". */
export function deleteCalendar(db: Db, id: number) {
  const users = [...q.listChannelsUsingCalendar(db, id), ...listTeamsUsingCalendar(db, id)];
  if (users.length) throw new DomainError('CONFLICT', 'calendar_in_use', { names: users.map((u) => `“${u.name}”`).join(', ') });
  // Its tickets keep the due times they were given and the calendar's name; the policies must move first.
  const policies = listPoliciesUsingCalendar(db, id);
  if (policies.length) throw new DomainError('CONFLICT', 'calendar_used_by_policies', { names: policies.map((p) => `“${p.name}”`).join(', ') });
  q.deleteCalendar(db, id);
}

/** The calendar a widget follows, or null for "always open" (also when it was deleted meanwhile). */
export function findBusinessCalendar(db: Db, id: number | null): BusinessCalendar | null {
  return id === null ? null : (q.findCalendar(db, id) ?? null);
}
