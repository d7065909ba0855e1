import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';
import { CHANNEL_KINDS } from '../../lib/domain';
import { teams } from './teams';

/** An inbox: one address, widget or messenger account that customers write to. */
export const channels = sqliteTable('channels', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: CHANNEL_KINDS }).notNull(),
  name: text('name').notNull(),
  /** Channel-specific settings; secrets inside are never sent to the browser. */
  settings: text('settings', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
  defaultTeamId: integer('default_team_id').references(() => teams.id, { onDelete: 'set null' }),
  createdAt: integer('created_at').notNull(),
});
