import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { agents } from './agents';

/**
 * Read-only tokens for the metrics API (/api/metrics/v1/…), one or more per lead, for BI tools. Only the
 * sha256 of a token is stored; the token itself is shown once. A token acts as its lead: it sees what the
 * lead's dashboard shows, and stops working when the lead is deactivated or no longer a lead.
 */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agentId: integer('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('api_tokens_agent').on(t.agentId)],
);
