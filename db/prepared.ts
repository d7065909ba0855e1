import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from './client';

/**
 * A row limit written into the SQL text. drizzle binds `.limit(n)` (and `${n}` in sql``) as a parameter,
 * and this SQLite build prepares a statement with a bound LIMIT again on every run, because its plan may
 * depend on the value: an inbox page at 1M tickets took 230–300 µs per status that way, 130–165 µs with
 * the limit in the text. Statements are cached by their text; the few limits in use give a few statements.
 */
export function inlineLimit(n: number): SQL {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`A row limit must be a whole number, got ${n}`);
  return sql.raw(String(n));
}

/** `inlineLimit` for drizzle's `.limit()`, whose type admits numbers and placeholders (it renders any SQL). */
export const limitRows = (n: number) => inlineLimit(n) as unknown as number;

/** A named value bound when a prepared query runs. */
export const p = (name: string) => sql.placeholder(name);

/**
 * The same for update().set(), which takes SQL rather than a bare placeholder. Values bound this way skip
 * column encoders, so callers stringify JSON themselves.
 */
export const ps = (name: string) => sql`${sql.placeholder(name)}`;

/**
 * Statements for hot paths (inbound mail runs ~25 queries per message), built once per connection.
 * Building a drizzle query costs more than running it at these rates; a prepared query is built once
 * and then only binds values. A transaction runs on the same better-sqlite3 connection as the db it
 * came from, so statements prepared through either serve both.
 */
export function preparedPerConnection<T>(build: (db: Queryable) => T): (db: Queryable) => T {
  const cache = new WeakMap<object, T>();
  return (db) => {
    const connection = (db as unknown as { session: { client: object } }).session.client;
    let prepared = cache.get(connection);
    if (!prepared) cache.set(connection, (prepared = build(db)));
    return prepared;
  };
}
