import { sqliteTable, integer, text, index, primaryKey } from 'drizzle-orm/sqlite-core';
import type { Pause } from '../../lib/sla-clock';
import { SLA_TARGETS, type SlaConditions, type SlaTargetSpec, type SlaTarget } from '../../lib/sla-policy';
import type { Priority } from '../../lib/domain';
import { calendars } from './calendars';
import { tickets } from './tickets';

export type SlaPolicyDefinition = {
  conditions: SlaConditions;
  targets: Record<Priority, Record<SlaTarget, SlaTargetSpec | null>>;
  pauses: { pending: SlaTarget[]; on_hold: SlaTarget[] };
};

/** SLA policies in the admin's order (`position`); the first enabled one whose conditions match applies. */
export const slaPolicies = sqliteTable('sla_policies', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  position: integer('position').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  /** Business-time targets count on it; a calendar a policy uses cannot be deleted. */
  calendarId: integer('calendar_id').references(() => calendars.id),
  definition: text('definition', { mode: 'json' }).$type<SlaPolicyDefinition>().notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const SLA_TARGET_STATES = ['running', 'paused', 'met', 'stopped'] as const;

/**
 * One target of one ticket in one cycle (first response once; next response per customer turn; resolution
 * per solve cycle): how it is counted and what became of it. Kept with the names of the policy and calendar
 * it was counted on, so it still says so after either is changed or deleted.
 */
export const ticketSlaTargets = sqliteTable(
  'ticket_sla_targets',
  {
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    target: text('target', { enum: SLA_TARGETS }).notNull(),
    cycle: integer('cycle').notNull(),
    policyId: integer('policy_id').notNull(),
    policyName: text('policy_name').notNull(),
    calendarId: integer('calendar_id'),
    calendarName: text('calendar_name'),
    clock: text('clock', { enum: ['business', 'calendar'] }).notNull(),
    targetMs: integer('target_ms').notNull(),
    /** How long before the due time the warning falls, in the target's clock; null: no warning. */
    warningLeadMs: integer('warning_lead_ms'),
    startedAt: integer('started_at').notNull(),
    pauses: text('pauses', { mode: 'json' }).$type<Pause[]>().notNull(),
    state: text('state', { enum: SLA_TARGET_STATES }).notNull(),
    /** Null while paused (and when the calendar never opens again). */
    dueAt: integer('due_at'),
    warnAt: integer('warn_at'),
    warnedAt: integer('warned_at'),
    breachedAt: integer('breached_at'),
    /** When it was met or stopped, and how long it took in both clocks. */
    endedAt: integer('ended_at'),
    calendarMs: integer('calendar_ms'),
    businessMs: integer('business_ms'),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.target, t.cycle] }), index('ticket_sla_running').on(t.state, t.dueAt)],
);

export type TicketSlaTargetRow = typeof ticketSlaTargets.$inferSelect;
