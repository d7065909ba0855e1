import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { AUTHOR_KINDS } from '../../lib/domain';
import { agents } from './agents';
import { customers } from './customers';
import { tickets } from './tickets';
import type { InboundChecks } from '../../lib/mail-checks';

/** 'none': nothing to deliver (inbound messages, internal notes, channels without an outbound adapter yet). */
export type MailAddress = { address: string; name?: string };
/** Email's own part of a message: the envelope as the mail said it. */
export type EmailEnvelope = {
  subject?: string;
  from?: MailAddress;
  to?: MailAddress[];
  cc?: MailAddress[];
  /** Ours only: blind copies an agent added (never in the headers the customer gets). */
  bcc?: MailAddress[];
  inReplyTo?: string;
  references?: string[];
  /** What the spam and authentication checks on arrival found (server/channels/email/spam). */
  checks?: InboundChecks;
};

/**
 * What a message carries beyond its text, channel-neutral at the top; each channel kind keeps what only
 * it knows in its own part (email's headers under `email`), so a messenger adds a part, not a rewrite.
 */
export type MessageMeta = {
  /** Automatic (auto-replies, bulk mail): never answered automatically. */
  autoSubmitted?: boolean;
  /** When the customer last edited it on their messenger (Telegram): the text shown is the edited one. */
  editedAt?: number;
  /** A survey sent on the thread: its request (the answers show with it). */
  survey?: { requestId: number };
  /** An agent's forward of the conversation to someone outside it (an internal message sent by email). */
  forwarded?: true;
  email?: EmailEnvelope;
};

/** delivered, read: what a messenger platform reports after sent (WhatsApp statuses, Messenger receipts). */
export const DELIVERY_STATES = ['none', 'queued', 'sent', 'delivered', 'read', 'failed'] as const;

export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    authorKind: text('author_kind', { enum: AUTHOR_KINDS }).notNull(),
    authorAgentId: integer('author_agent_id').references(() => agents.id, { onDelete: 'set null' }),
    authorCustomerId: integer('author_customer_id').references(() => customers.id, { onDelete: 'set null' }),
    /** Internal notes are never shown to the customer nor sent on a channel. */
    isInternal: integer('is_internal', { mode: 'boolean' }).notNull().default(false),
    bodyText: text('body_text').notNull(),
    /** Sanitized before storage; null for plain-text messages. */
    bodyHtml: text('body_html'),
    /** The channel's own id (email Message-ID, messenger mid): makes ingest idempotent. */
    channelMessageId: text('channel_message_id'),
    deliveryState: text('delivery_state', { enum: DELIVERY_STATES }).notNull().default('none'),
    /** Why delivery failed, in the remote server's words (SMTP reply, bounce diagnostic). */
    deliveryError: text('delivery_error'),
    /** Channel envelope: for email the addresses, subject and threading headers. */
    meta: text('meta', { mode: 'json' }).$type<MessageMeta>(),
    /** An agent composer's key for one send (`<agent id>:<client id>`): a re-send after a lost ack is the same reply. */
    clientKey: text('client_key'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('messages_ticket').on(t.ticketId, t.createdAt),
    uniqueIndex('messages_channel_message_id')
      .on(t.channelMessageId)
      .where(sql`${t.channelMessageId} is not null`),
    uniqueIndex('messages_client_key')
      .on(t.clientKey)
      .where(sql`${t.clientKey} is not null`),
  ],
);
