import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import type { MacroActions } from '../../lib/macros';
import { agents } from './agents';

/**
 * Canned replies and macros (lib/macros.ts): a name, an English and a German text with placeholders, and
 * what applying it sets. `ownerAgentId` null: shared with everyone (kept by leads and admins); otherwise
 * one agent's own, seen by nobody else.
 */
export const macros = sqliteTable(
  'macros',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    ownerAgentId: integer('owner_agent_id').references(() => agents.id, { onDelete: 'cascade' }),
    textEn: text('text_en').notNull().default(''),
    textDe: text('text_de').notNull().default(''),
    actions: text('actions', { mode: 'json' }).$type<MacroActions>().notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('macros_owner').on(t.ownerAgentId, t.name)],
);
