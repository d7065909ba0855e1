import { sqliteTable, integer, text, index, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { channels } from './channels';
import { messages } from './messages';
import { notifications } from './notifications';
import { weeklyDigests } from './digests';

/** skipped: a chat reply's email fallback that was not needed (the visitor read it in the chat). */
export const OUTBOX_STATES = ['queued', 'sending', 'sent', 'failed', 'skipped'] as const;

/**
 * Deliveries waiting for a channel. Written in the same transaction as the message, so a reply is never
 * lost when the channel is down; the worker sends, retries with backoff and records the outcome.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** One delivery per message: a double tick or a restart cannot send twice. */
    messageId: integer('message_id')
      .unique()
      .references(() => messages.id, { onDelete: 'cascade' }),
    /** Or one email per notification to an agent (an SLA warning or breach). */
    notificationId: integer('notification_id')
      .unique()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    /** Or a lead's weekly dashboard summary; exactly one of the three is set. */
    digestId: integer('digest_id')
      .unique()
      .references(() => weeklyDigests.id, { onDelete: 'cascade' }),
    channelId: integer('channel_id')
      .notNull()
      .references(() => channels.id),
    /** Channel-specific envelope, e.g. the complete email (addresses, headers, text, html). */
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    state: text('state', { enum: OUTBOX_STATES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('outbox_due').on(t.state, t.nextAttemptAt),
    check('outbox_one_subject', sql`(message_id is not null) + (notification_id is not null) + (digest_id is not null) = 1`),
  ],
);
