import { asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { calendars, channels } from '../schema';
import type { BusinessCalendar } from '@/lib/business-hours';
import { p, preparedPerConnection } from '../prepared';

export type CalendarRow = typeof calendars.$inferSelect;
type CalendarFields = BusinessCalendar & { name: string };

export function listCalendars(db: Queryable): CalendarRow[] {
  return db.select().from(calendars).orderBy(asc(calendars.name)).all();
}

// Read on every write that plans SLA targets: built once per connection.
const prepared = preparedPerConnection((db) => ({
  byId: db
    .select()
    .from(calendars)
    .where(eq(calendars.id, p('id')))
    .prepare(),
}));

export function findCalendar(db: Queryable, id: number): CalendarRow | undefined {
  return prepared(db).byId.get({ id });
}

export function findCalendarByName(db: Queryable, name: string) {
  return db
    .select({ id: calendars.id })
    .from(calendars)
    .where(sql`lower(${calendars.name}) = lower(${name})`)
    .get();
}

export function insertCalendar(db: Queryable, c: CalendarFields, now: number) {
  return db
    .insert(calendars)
    .values({ ...c, createdAt: now, updatedAt: now })
    .returning({ id: calendars.id })
    .get();
}

export function updateCalendar(db: Queryable, id: number, c: CalendarFields, now: number) {
  db.update(calendars)
    .set({ ...c, updatedAt: now })
    .where(eq(calendars.id, id))
    .run();
}

export function deleteCalendar(db: Queryable, id: number) {
  db.delete(calendars).where(eq(calendars.id, id)).run();
}

/** Chat widgets whose availability follows this calendar. */
export function listChannelsUsingCalendar(db: Queryable, id: number) {
  return db
    .select({ id: channels.id, name: channels.name })
    .from(channels)
    .where(sql`${channels.kind} = 'chat' and json_extract(${channels.settings}, '$.calendarId') = ${id}`)
    .all();
}
