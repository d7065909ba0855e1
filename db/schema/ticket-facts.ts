import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { CHANNEL_KINDS, PRIORITIES } from '../../lib/domain';
import { tickets } from './tickets';

/**
 * One row per ticket: what the dashboard counts, folded from the ticket's events (lib/ticket-facts.ts),
 * kept current by the one event writer (db/queries/tickets.ts insertEvents) and rebuildable from
 * `ticket_events` alone (db/queries/ticket-facts.ts). The dashboard reads these, never the messages.
 */
export const ticketFacts = sqliteTable(
  'ticket_facts',
  {
    ticketId: integer('ticket_id')
      .primaryKey()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: CHANNEL_KINDS }),
    teamId: integer('team_id'),
    assigneeId: integer('assignee_id'),
    priority: text('priority', { enum: PRIORITIES }),
    createdAt: integer('created_at'),
    firstCustomerMessageAt: integer('first_customer_message_at'),
    firstResponseAt: integer('first_response_at'),
    firstResponseCalendarMs: integer('first_response_calendar_ms'),
    firstResponseBusinessMs: integer('first_response_business_ms'),
    publicReplies: integer('public_replies').notNull(),
    repliesBeforeFirstSolve: integer('replies_before_first_solve').notNull(),
    firstSolvedAt: integer('first_solved_at'),
    lastSolvedAt: integer('last_solved_at'),
    resolutionCalendarMs: integer('resolution_calendar_ms'),
    resolutionBusinessMs: integer('resolution_business_ms'),
    solvedTeamId: integer('solved_team_id'),
    solvedAssigneeId: integer('solved_assignee_id'),
    reopenCount: integer('reopen_count').notNull(),
    firstReopenAt: integer('first_reopen_at'),
    firstResponseMet: integer('first_response_met', { mode: 'boolean' }),
    resolutionMet: integer('resolution_met', { mode: 'boolean' }),
    isSpam: integer('is_spam', { mode: 'boolean' }).notNull(),
    csatScore: integer('csat_score'),
    csatMin: integer('csat_min'),
    csatMax: integer('csat_max'),
    npsScore: integer('nps_score'),
    cesScore: integer('ces_score'),
    lastEventAt: integer('last_event_at'),
  },
  (t) => [
    index('ticket_facts_created').on(t.createdAt),
    index('ticket_facts_solved').on(t.firstSolvedAt),
    index('ticket_facts_team_created').on(t.teamId, t.createdAt),
    index('ticket_facts_team_solved').on(t.solvedTeamId, t.firstSolvedAt),
  ],
);
