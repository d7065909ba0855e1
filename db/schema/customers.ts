import { sqliteTable, integer, text, uniqueIndex, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { CHANNEL_KINDS, LOCALES } from '../../lib/domain';

export const customers = sqliteTable(
  'customers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** Where replies go. Only an email identity (mail received from it, or a site's signed identify) proves it. */
    email: text('email'),
    /** False for an address a visitor merely typed: a claim, shown as such, never used to find or merge a customer. */
    emailVerified: integer('email_verified', { mode: 'boolean' }).notNull().default(false),
    /** The language they wrote to us in, where a channel says (the widget's, the web form's): automatic messages use it. */
    locale: text('locale', { enum: LOCALES }),
    /** They asked for no more surveys (on any channel), then. */
    surveyOptOutAt: integer('survey_opt_out_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('customers_email').on(t.email)],
);

/** How we recognise a customer on a channel: an email address, a messenger id, a widget identity. */
export const customerIdentities = sqliteTable(
  'customer_identities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CHANNEL_KINDS }).notNull(),
    externalId: text('external_id').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('customer_identities_kind_ext').on(t.kind, t.externalId), index('customer_identities_customer').on(t.customerId)],
);

/**
 * Free-form attributes (plan, city, customer number…), one row per key, so a site updating one key
 * rewrites that row only. Limited per customer in count and size (server/customers/customer-attributes.ts).
 */
export const customerAttributes = sqliteTable(
  'customer_attributes',
  {
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    value: text('value').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.key] })],
);
