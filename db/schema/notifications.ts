import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { SLA_TARGETS, type SlaTarget } from '../../lib/sla-policy';
import { agents } from './agents';
import { surveyAnswers } from './surveys';
import { tickets } from './tickets';
import { NOTIFICATION_KINDS } from '../../lib/notification-kinds';

export { NOTIFICATION_KINDS };

/**
 * What the app tells one agent (the bell in the header): an SLA target at risk or missed, an unhappy survey
 * answer, a snoozed ticket back, a ticket assigned to them, a mention in a note, the customer writing on
 * their ticket, a new chat for their team.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agentId: integer('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    /** SLA notifications: the target and its due time. */
    target: text('target', { enum: SLA_TARGETS }).$type<SlaTarget>(),
    dueAt: integer('due_at'),
    /** An unhappy survey answer: the answer (its score and comment show in the bell). */
    surveyAnswerId: integer('survey_answer_id').references(() => surveyAnswers.id, { onDelete: 'cascade' }),
    /** Who did it: the colleague who assigned or mentioned. */
    actorAgentId: integer('actor_agent_id').references(() => agents.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    readAt: integer('read_at'),
  },
  (t) => [index('notifications_agent').on(t.agentId, sql`${t.createdAt} desc`)],
);
