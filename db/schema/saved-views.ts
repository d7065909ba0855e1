import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import type { SavedViewFilter } from '../../lib/saved-views';
import { agents } from './agents';
import { teams } from './teams';

/**
 * Inbox views agents saved (lib/saved-views.ts). `ownerAgentId` set: that agent's own. Null: shared, with
 * one team (`teamId`) or, both null, with everyone. Deleting the team or the agent deletes their views.
 */
export const savedViews = sqliteTable(
  'saved_views',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    ownerAgentId: integer('owner_agent_id').references(() => agents.id, { onDelete: 'cascade' }),
    teamId: integer('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    filter: text('filter', { mode: 'json' }).$type<SavedViewFilter>().notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('saved_views_owner').on(t.ownerAgentId, t.name), index('saved_views_team').on(t.teamId)],
);
