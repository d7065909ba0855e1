import { sqliteTable, integer, text, primaryKey, index } from 'drizzle-orm/sqlite-core';
import { ROLES, LOCALES } from '../../lib/domain';
import type { NotificationKind } from '../../lib/notification-kinds';
import { AGENT_STATUSES, DEFAULT_CHAT_LIMIT } from '../../lib/agent-status';
import { teams } from './teams';

export const agents = sqliteTable('agents', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** scrypt hash in the form `scrypt$N$r$p$salt$hash`; never leaves the server. */
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull().default('agent'),
  /** Null means: follow the browser's language. */
  locale: text('locale', { enum: LOCALES }),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /**
   * SLA warnings and breaches by email too (sent inside the team's business hours), in this language:
   * the one the agent's screen showed when they opted in (their saved locale wins). Null: no emails.
   */
  notifyEmail: text('notify_email', { enum: LOCALES }),
  /** Leads: the dashboard's weekly summary by email on Monday morning, in this language. Null: none. */
  weeklyDigest: text('weekly_digest', { enum: LOCALES }),
  /** The notification kinds this agent turned off (lib/notification-kinds.ts). */
  mutedNotifications: text('muted_notifications', { mode: 'json' }).$type<NotificationKind[]>().notNull().default([]),
  /** Online, away or offline as the agent chose (lib/agent-status.ts); chats are routed to online agents only. */
  status: text('status', { enum: AGENT_STATUSES }).notNull().default('online'),
  /** At most this many open chats routed to them at once. */
  chatLimit: integer('chat_limit').notNull().default(DEFAULT_CHAT_LIMIT),
  /**
   * Added under the agent's public email replies, in the customer's language (server/tickets/signature.ts);
   * placeholders as in macros. Empty: none.
   */
  signatureEn: text('signature_en').notNull().default(''),
  signatureDe: text('signature_de').notNull().default(''),
  /** The last time a chat was routed to them: round-robin picks whoever waited longest among the least busy. */
  lastChatRoutedAt: integer('last_chat_routed_at'),
  createdAt: integer('created_at').notNull(),
});

export const agentTeams = sqliteTable(
  'agent_teams',
  {
    agentId: integer('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.teamId] }), index('agent_teams_team').on(t.teamId)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    /** sha256 of the cookie token: a leaked database does not leak live sessions. */
    id: text('id').primaryKey(),
    agentId: integer('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_agent').on(t.agentId)],
);

/**
 * When agents had the app open: a span is started when an agent's first socket connects and extended
 * each minute while one stays connected (server/realtime/presence-spans.ts); a crash leaves it ending at
 * its last minute. The staffing view reads how many agents were online per hour of the week.
 */
export const agentOnlineSpans = sqliteTable(
  'agent_online_spans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agentId: integer('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    startedAt: integer('started_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
  },
  (t) => [index('agent_online_spans_agent_seen').on(t.agentId, t.lastSeenAt), index('agent_online_spans_seen').on(t.lastSeenAt)],
);
