import { sqliteTable, integer, text, primaryKey, index } from 'drizzle-orm/sqlite-core';
import { channels } from './channels';
import { tickets } from './tickets';
import type { FormDefinition, Answers } from '../../lib/forms/form-definition';

/** An intake form; its fields and rules live in versions, so editing never changes old answers. */
export const intakeForms = sqliteTable('intake_forms', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Public address: /f/<slug>. */
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** The inbox its tickets belong to (replies and the acknowledgement go out through it). */
  channelId: integer('channel_id')
    .notNull()
    .references(() => channels.id),
  currentVersion: integer('current_version').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const intakeFormVersions = sqliteTable(
  'intake_form_versions',
  {
    formId: integer('form_id')
      .notNull()
      .references(() => intakeForms.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    definition: text('definition', { mode: 'json' }).$type<FormDefinition>().notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.formId, t.version] })],
);

/** The answers a ticket was opened with, and the form version they were given against. */
export const formSubmissions = sqliteTable(
  'form_submissions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    formId: integer('form_id')
      .notNull()
      .references(() => intakeForms.id),
    version: integer('version').notNull(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    answers: text('answers', { mode: 'json' }).$type<Answers>().notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('form_submissions_ticket').on(t.ticketId)],
);

/** Fill tokens of public forms already used for a ticket: each opens one ticket at most. Kept until the token expires. */
export const usedFormTokens = sqliteTable('used_form_tokens', {
  nonce: text('nonce').primaryKey(),
  expiresAt: integer('expires_at').notNull(),
});
