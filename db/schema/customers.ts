import { sqliteTable, integer, text, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { CHANNEL_KINDS } from '../../lib/domain';

export const customers = sqliteTable(
  'customers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    email: text('email'),
    /** Free-form key/value attributes (plan, city, language...), JSON object of strings. */
    attributes: text('attributes', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('customers_email').on(t.email)],
);

/** How we recognise a customer on a channel: an email address, a messenger id, a widget identity. */
export const customerIdentities = sqliteTable(
  'customer_identities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CHANNEL_KINDS }).notNull(),
    externalId: text('external_id').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('customer_identities_kind_ext').on(t.kind, t.externalId), index('customer_identities_customer').on(t.customerId)],
);
