import { sql, type SQL } from 'drizzle-orm';
import { type Db, transact } from '../client';

// What each full-text table indexes: the rows after the watermark, oldest first, in both word forms
// (lib/search/word-forms.ts).
const SOURCES: { name: string; select: (after: number, limit: number) => SQL }[] = [
  {
    name: 'message_fts',
    select: (after, limit) =>
      sql`insert into message_fts (rowid, words, stems) select id, search_words(body_text), search_stems(body_text) from messages
          where id > ${after} order by id limit ${limit} returning rowid as id`,
  },
  {
    name: 'ticket_fts',
    select: (after, limit) =>
      sql`insert into ticket_fts (rowid, words, stems) select id, search_words(subject), search_stems(subject) from tickets
          where id > ${after} order by id limit ${limit} returning rowid as id`,
  },
  {
    name: 'customer_fts',
    select: (after, limit) =>
      sql`insert into customer_fts (rowid, words, stems) select id, search_words(t), search_stems(t)
          from (select id, name || ' ' || coalesce(email, '') t from customers where id > ${after} order by id limit ${limit}) returning rowid as id`,
  },
];

/**
 * Adds rows written since the last run to the full-text indexes, in one transaction. Ids grow with every
 * committed insert on our single connection, so "greater than the watermark" is exactly the unindexed
 * rest. Returns how many rows were indexed.
 */
export function indexNewRows(db: Db, batch = 5000): number {
  return transact(db, (tx) => {
    let total = 0;
    for (const source of SOURCES) {
      const last = tx.get<{ last_id: number }>(sql`select last_id from search_watermarks where name = ${source.name}`)?.last_id ?? 0;
      const rows = tx.all<{ id: number }>(source.select(last, batch));
      if (rows.length === 0) continue;
      tx.run(sql`update search_watermarks set last_id = ${rows.reduce((m, r) => Math.max(m, r.id), last)} where name = ${source.name}`);
      total += rows.length;
    }
    return total;
  });
}

/** Indexes everything pending (after seeding, at start); returns how many rows that was. */
export function indexAllRows(db: Db): number {
  let total = 0;
  for (let n; (n = indexNewRows(db, 50_000)) > 0;) total += n;
  return total;
}
