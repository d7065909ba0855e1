import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';
import type { Holiday, WeeklyPeriod } from '@/lib/business-hours';

/** Business-hours calendars (lib/business-hours.ts reads them): chat widgets now, SLA policies later. */
export const calendars = sqliteTable('calendars', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  /** IANA zone the periods and holidays are meant in. */
  timeZone: text('time_zone').notNull(),
  periods: text('periods', { mode: 'json' }).$type<WeeklyPeriod[]>().notNull(),
  holidays: text('holidays', { mode: 'json' }).$type<Holiday[]>().notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
