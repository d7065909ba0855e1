import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import * as schema from './schema';
import { runDataMigrations } from './data-migrations';
import { searchStems, searchWords } from '../lib/search/word-forms';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** What query functions need: satisfied by the db handle and by a transaction, so both can call them. */
export type Queryable = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'get' | 'all' | 'run'>;
/** The handle inside `transact(db, (tx) => ...)`: the same connection, named so signatures say "inside a transaction". */
export type Tx = Db;

const transactors = new WeakMap<Database.Database, (fn: () => unknown) => unknown>();

/**
 * Runs `fn` in a transaction (a savepoint inside one already open, so a failing inner step rolls back
 * only itself), passing the db itself: every query on it runs on the same connection. Used instead of
 * drizzle's `db.transaction`, which builds a new transaction object and better-sqlite3 wrapper per call,
 * costing more than the writes of a chat message.
 */
export function transact<T>(db: Db, fn: (tx: Tx) => T): T {
  let run = transactors.get(db.$client);
  if (!run) transactors.set(db.$client, (run = db.$client.transaction((f: () => unknown) => f())));
  return run(() => fn(db)) as T;
}

const MIGRATIONS_DIR = path.join(process.cwd(), 'db', 'migrations');

/** Opens (and creates) the SQLite file with the pragmas every connection needs, and applies pending migrations. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // NORMAL is durable in WAL mode except against power loss of the last commits; the usual choice for WAL.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  // A worker thread checkpoints (db/wal-checkpointer.ts); this connection's own checkpoint is only the
  // backstop should that thread fall behind (~400 MB: a 10 s burst of new chats wrote 190 MB), because
  // checkpointing here stalls a request.
  sqlite.pragma('wal_autocheckpoint = 100000');
  registerSearchForms(sqlite);
  cacheStatements(sqlite);
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  runDataMigrations(sqlite);
  return db;
}

/** The full-text index's word forms, used by the indexer and by the triggers that reindex an edit. */
function registerSearchForms(sqlite: Database.Database) {
  const text = (f: (s: string) => string) => (v: unknown) => (v == null ? null : f(String(v)));
  sqlite.function('search_words', { deterministic: true }, text(searchWords));
  sqlite.function('search_stems', { deterministic: true }, text(searchStems));
}

/**
 * Drizzle compiles a fresh SQLite statement for every query; at helpdesk rates (an inbound email runs
 * ~20 queries) compiling costs more than executing. Statements are cached by their SQL text. Drizzle
 * switches statements into raw (array) mode for some reads, so a reused reader is switched back first.
 */
function cacheStatements(sqlite: Database.Database, max = 1000) {
  const cache = new Map<string, Database.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    let stmt = cache.get(source);
    if (stmt) {
      if (stmt.reader) stmt.raw(false);
      return stmt;
    }
    stmt = prepare(source);
    if (cache.size >= max) cache.delete(cache.keys().next().value!);
    cache.set(source, stmt);
    return stmt;
  }) as typeof sqlite.prepare;
}

/**
 * Next bundles route handlers and server components apart from server/index.ts, so a module-level
 * singleton would exist twice. The one handle per process lives on globalThis.
 */
const registry = globalThis as unknown as { __helpdeskDb?: Db };

export function setDb(db: Db): void {
  registry.__helpdeskDb = db;
}

export function getDb(): Db {
  const db = registry.__helpdeskDb;
  if (!db) throw new Error('Database not opened: server/index.ts opens it at start');
  return db;
}

export function closeDb(): void {
  registry.__helpdeskDb?.$client.close();
  registry.__helpdeskDb = undefined;
}
