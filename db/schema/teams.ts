import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';
import { calendars } from './calendars';
import type { CustomerUpdates } from '../../lib/customer-updates';

export const teams = sqliteTable('teams', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  /** IANA zone; the staffing view and business-hours calendars read it. */
  timeZone: text('time_zone').notNull().default('Europe/Berlin'),
  /** The team's business hours: notification emails wait for them. A calendar a team uses cannot be deleted. */
  calendarId: integer('calendar_id').references(() => calendars.id),
  /** Progress messages to the team's customers (lib/customer-updates.ts); null: none. */
  customerUpdates: text('customer_updates', { mode: 'json' }).$type<CustomerUpdates>(),
  createdAt: integer('created_at').notNull(),
});
