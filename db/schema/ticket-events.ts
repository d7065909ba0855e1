import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { AUTHOR_KINDS } from '../../lib/domain';
import { TICKET_EVENT_TYPES, type TicketEventData } from '../../lib/ticket-events';
import { agents } from './agents';
import { tickets } from './tickets';

/** Append-only history of a ticket. Metrics are computed from here, never from mutable ticket columns alone. */
export const ticketEvents = sqliteTable(
  'ticket_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    type: text('type', { enum: TICKET_EVENT_TYPES }).notNull(),
    actorKind: text('actor_kind', { enum: AUTHOR_KINDS }).notNull(),
    actorAgentId: integer('actor_agent_id').references(() => agents.id, { onDelete: 'set null' }),
    /** The payload of its type (lib/ticket-events.ts), e.g. `{ from: 'open', to: 'solved' }`. */
    data: text('data', { mode: 'json' }).$type<TicketEventData>().notNull().default({}),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('ticket_events_ticket').on(t.ticketId, t.createdAt), index('ticket_events_type_time').on(t.type, t.createdAt)],
);
