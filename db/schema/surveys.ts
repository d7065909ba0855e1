import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { CHANNEL_KINDS, LOCALES } from '../../lib/domain';
import { SURVEY_TYPES, type SurveyPolicyInput, type SurveyQuestion } from '../../lib/surveys/survey-policy';
import { agents } from './agents';
import { channels } from './channels';
import { customers } from './customers';
import { messages } from './messages';
import { teams } from './teams';
import { tickets } from './tickets';

export type SurveyPolicyDefinition = Omit<SurveyPolicyInput, 'name' | 'enabled'>;

/** Survey policies in the admin's order (`position`): the first enabled one whose conditions a solved ticket meets sends. */
export const surveyPolicies = sqliteTable('survey_policies', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  position: integer('position').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  definition: text('definition', { mode: 'json' }).$type<SurveyPolicyDefinition>().notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * One survey sent for one solve cycle of a ticket (never two: unique per ticket and cycle). Keeps the
 * question as it was asked and who had the ticket when it was solved, so neither a later edit of the policy
 * nor a reassignment changes what an answer means or whom it credits.
 */
export const surveyRequests = sqliteTable(
  'survey_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    cycle: integer('cycle').notNull(),
    policyId: integer('policy_id').references(() => surveyPolicies.id, { onDelete: 'set null' }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    channelId: integer('channel_id')
      .notNull()
      .references(() => channels.id),
    channelKind: text('channel_kind', { enum: CHANNEL_KINDS }).notNull(),
    question: text('question', { mode: 'json' }).$type<SurveyQuestion>().notNull(),
    locale: text('locale', { enum: LOCALES }).notNull(),
    /** The survey as it shows in the thread (a system message), null until written. */
    messageId: integer('message_id').references(() => messages.id, { onDelete: 'set null' }),
    agentId: integer('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    teamId: integer('team_id').references(() => teams.id, { onDelete: 'set null' }),
    sentAt: integer('sent_at').notNull(),
    /** Answers are taken, and may be changed, until then; the token expires with it. */
    answerableUntil: integer('answerable_until').notNull(),
    /** The unhappy actions (lead notified, tag, reopen or follow-up) ran once, then. */
    unhappyHandledAt: integer('unhappy_handled_at'),
  },
  (t) => [uniqueIndex('survey_requests_ticket_cycle').on(t.ticketId, t.cycle), index('survey_requests_customer').on(t.customerId, t.sentAt)],
);

/** Where an answer was given: the survey page (from an email or a messenger link), the chat widget, a messenger's buttons. */
export const ANSWER_SOURCES = ['page', 'chat', 'messenger', 'whatsapp', 'telegram'] as const;

/** Every answer, changes included (the latest per request counts); each with the scale it was given on. */
export const surveyAnswers = sqliteTable(
  'survey_answers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => surveyRequests.id, { onDelete: 'cascade' }),
    type: text('type', { enum: SURVEY_TYPES }).notNull(),
    score: integer('score').notNull(),
    scaleMin: integer('scale_min').notNull(),
    scaleMax: integer('scale_max').notNull(),
    reason: text('reason'),
    comment: text('comment'),
    source: text('source', { enum: ANSWER_SOURCES }).notNull(),
    /** One submission (a page's form, a button tap's platform id): sent twice, stored once. */
    submissionKey: text('submission_key').notNull().unique(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('survey_answers_request').on(t.requestId, t.id)],
);
