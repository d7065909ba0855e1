import { sqliteTable, integer, text, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { TICKET_STATUSES, PRIORITIES } from '../../lib/domain';
import { SLA_TARGETS } from '../../lib/sla-policy';
import { agents } from './agents';
import { channels } from './channels';
import { customers } from './customers';
import { teams } from './teams';

export const tickets = sqliteTable(
  'tickets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Human-facing number shown as #1234; equals id today but is its own column so imports can keep theirs. */
    number: integer('number').notNull().unique(),
    subject: text('subject').notNull(),
    status: text('status', { enum: TICKET_STATUSES }).notNull().default('new'),
    priority: text('priority', { enum: PRIORITIES }).notNull().default('normal'),
    channelId: integer('channel_id')
      .notNull()
      .references(() => channels.id),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    assigneeId: integer('assignee_id').references(() => agents.id, { onDelete: 'set null' }),
    teamId: integer('team_id').references(() => teams.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** Newest message of any kind: the inbox sorts by it. */
    lastActivityAt: integer('last_activity_at').notNull(),
    /** Newest customer message: drives the unread marker. */
    lastCustomerMessageAt: integer('last_customer_message_at'),
    preview: text('preview').notNull().default(''),
    firstResponseAt: integer('first_response_at'),
    firstSolvedAt: integer('first_solved_at'),
    lastSolvedAt: integer('last_solved_at'),
    reopenCount: integer('reopen_count').notNull().default(0),
    /** Unguessable token in our reply address (support+<token>@…): the strongest email threading signal. */
    replyToken: text('reply_token').unique(),
    /** Chat read receipts: the newest message the customer has seen, and the newest an agent has seen. */
    customerReadMessageId: integer('customer_read_message_id'),
    agentReadMessageId: integer('agent_read_message_id'),
    /** Held back as spam (or as mail failing its domain's DMARC policy): out of every view but Spam, never acknowledged. */
    isSpam: integer('is_spam', { mode: 'boolean' }).notNull().default(false),
    /** The soonest due time among its running SLA targets, which one, and when it warns (server/sla): the inbox badge, sort and views. */
    slaDueAt: integer('sla_due_at'),
    slaTarget: text('sla_target', { enum: SLA_TARGETS }),
    slaWarnAt: integer('sla_warn_at'),
    /** Snoozed: when the ticket comes back by itself (a durable job), and the reason the agent gave. Waiting statuses only. */
    snoozedUntil: integer('snoozed_until'),
    snoozeReason: text('snooze_reason'),
    /** Merged into another ticket (closed, its messages moved there): links and the customer's replies go on to that one. */
    mergedIntoId: integer('merged_into_id'),
  },
  (t) => [
    // The inbox reads newest-first; each index serves one filter and keeps the order so LIMIT stops early.
    // Every message rewrites each of these, so a filter that selects few tickets anyway (one customer's)
    // has none: it reads tickets_customer_channel and sorts the handful.
    index('tickets_activity').on(sql`${t.lastActivityAt} desc`, sql`${t.id} desc`),
    index('tickets_status_activity').on(t.status, sql`${t.lastActivityAt} desc`, sql`${t.id} desc`),
    index('tickets_assignee_activity').on(t.assigneeId, sql`${t.lastActivityAt} desc`, sql`${t.id} desc`),
    index('tickets_team_activity').on(t.teamId, sql`${t.lastActivityAt} desc`, sql`${t.id} desc`),
    index('tickets_channel_activity').on(t.channelId, sql`${t.lastActivityAt} desc`, sql`${t.id} desc`),
    // A chat visitor's newest conversation on a widget, looked up on every message; a customer's tickets.
    index('tickets_customer_channel').on(t.customerId, t.channelId, t.id),
    // The Spam view: few rows, so a partial index costs nothing on the rest.
    // Due soonest first; only tickets with a running target have a due time.
    index('tickets_sla_due')
      .on(t.slaDueAt, t.id)
      .where(sql`${t.slaDueAt} is not null`),
    // The dashboard's live strip counts the unsolved tickets by team, agent, priority, channel and SLA state,
    // and finds the one waiting longest: read from this index alone. Partial (the unsolved are few), so the
    // live query names the same condition literally (db/queries/metrics-live.ts).
    index('tickets_live')
      .on(t.teamId, t.assigneeId, t.priority, t.channelId, t.status, t.slaWarnAt, t.slaDueAt, t.lastCustomerMessageAt)
      .where(sql`${t.status} in ('new', 'open', 'pending', 'on_hold') and ${t.isSpam} = 0`),
    index('tickets_spam_activity')
      .on(sql`${t.lastActivityAt} desc`, sql`${t.id} desc`)
      .where(sql`${t.isSpam} = 1`),
    // The Snoozed view: few rows, like Spam.
    index('tickets_snoozed_activity')
      .on(sql`${t.lastActivityAt} desc`, sql`${t.id} desc`)
      .where(sql`${t.snoozedUntil} is not null`),
  ],
);

export const tags = sqliteTable('tags', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
});

export const ticketTags = sqliteTable(
  'ticket_tags',
  {
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.tagId] }), index('ticket_tags_tag').on(t.tagId, t.ticketId)],
);

/** When an agent last looked at a ticket; newer customer messages make it unread for them. */
export const ticketReads = sqliteTable(
  'ticket_reads',
  {
    agentId: integer('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    readAt: integer('read_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.ticketId] })],
);

export const TICKET_LINK_KINDS = ['follow_up', 'related'] as const;

/** A follow-up of a closed ticket, a ticket a stranger opened by writing into someone else's thread, or two an agent linked as related. */
export const ticketLinks = sqliteTable(
  'ticket_links',
  {
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    linkedTicketId: integer('linked_ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: TICKET_LINK_KINDS }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.linkedTicketId] }), index('ticket_links_linked').on(t.linkedTicketId)],
);
