import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

export const teams = sqliteTable('teams', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  /** IANA zone; the staffing view and business-hours calendars read it. */
  timeZone: text('time_zone').notNull().default('Europe/Berlin'),
  createdAt: integer('created_at').notNull(),
});
