import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { channels } from './channels';

export const WEBHOOK_EVENT_STATES = ['queued', 'done', 'failed'] as const;

/**
 * What messenger platforms told us, stored before we answer 200: one row per event (a message, a status,
 * a receipt) from a delivery, so an accepted event is never lost if the process dies right after. A
 * worker handles them in order per conversation (media downloads and all), retrying with backoff.
 */
export const webhookEvents = sqliteTable(
  'webhook_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    channelId: integer('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    /** The platform's conversation (a WhatsApp number, a Messenger PSID, a Telegram chat): the unit of ordering. */
    conversation: text('conversation').notNull(),
    /** The platform's id for this event: a retried delivery of it is stored once. */
    dedupeKey: text('dedupe_key'),
    /** The event as the platform sent it (one entry of the delivery), with the context the handler needs. */
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    state: text('state', { enum: WEBHOOK_EVENT_STATES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    receivedAt: integer('received_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('webhook_events_queue').on(t.state, t.channelId, t.conversation, t.id),
    uniqueIndex('webhook_events_dedupe')
      .on(t.channelId, t.dedupeKey)
      .where(sql`${t.dedupeKey} is not null`),
  ],
);
