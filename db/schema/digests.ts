import { sqliteTable, integer, text, unique } from 'drizzle-orm/sqlite-core';
import { agents } from './agents';

/**
 * The weekly dashboard summaries written for leads: one per lead and week (the unique pair makes a second
 * run of the job a no-op), `weekStart` the Monday in the zone the week was counted in.
 */
export const weeklyDigests = sqliteTable(
  'weekly_digests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agentId: integer('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    weekStart: text('week_start').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [unique('weekly_digests_agent_week').on(t.agentId, t.weekStart)],
);
