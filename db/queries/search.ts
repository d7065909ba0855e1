import { sql, type SQL } from 'drizzle-orm';
import type { Db, Queryable } from '../client';
import { inlineLimit } from '../prepared';

/** How many of the newest hits each index contributes; search shows the most recent matching tickets. */
export const SEARCH_CANDIDATES = 300;

/**
 * Ticket ids whose subject, messages or customer (name, email) match an FTS5 expression, newest first.
 * Message text reaches the index within about a second (db/queries/search-index.ts).
 * FTS5 walks its rowids in descending order without sorting, so each branch stops after the newest hits
 * even when a word occurs in a million messages.
 */
export function searchTicketIds(db: Db, ftsQuery: string, limit = SEARCH_CANDIDATES): number[] {
  return db.all<{ id: number }>(searchTicketIdsSql(ftsQuery, limit)).map((r) => r.id);
}

export function searchTicketIdsSql(ftsQuery: string, limit: number): SQL {
  const max = inlineLimit(limit);
  return sql`
    select id from (select rowid as id from ticket_fts where ticket_fts match ${ftsQuery} order by rowid desc limit ${max})
    union
    select ticket_id from messages where id in (
      select rowid from message_fts where message_fts match ${ftsQuery} order by rowid desc limit ${max})
    union
    select id from (select t.id from tickets t where t.customer_id in (
      select rowid from customer_fts where customer_fts match ${ftsQuery} order by rowid desc limit 50)
      order by t.id desc limit ${max})`;
}

/** The ticket with this number, as a list of ids to merge with the text hits. */
export function ticketIdsByNumber(db: Queryable, number: number): number[] {
  return db.all<{ id: number }>(sql`select id from tickets where number = ${number}`).map((r) => r.id);
}

/** The newest tickets of customers whose messenger id is one of these phone numbers (digits only). */
export function ticketIdsByPhone(db: Db, variants: string[], limit = SEARCH_CANDIDATES): number[] {
  if (variants.length === 0) return [];
  return db
    .all<{ id: number }>(
      sql`select t.id from tickets t where t.customer_id in (
        select customer_id from customer_identities where kind = 'whatsapp' and external_id in (${sql.join(
          variants.map((v) => sql`${v}`),
          sql`, `,
        )}))
        order by t.id desc limit ${inlineLimit(limit)}`,
    )
    .map((r) => r.id);
}
