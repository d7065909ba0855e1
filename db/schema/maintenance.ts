import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

/**
 * One row the WAL checkpointer writes after a complete checkpoint while the database is quiet, so that
 * the WAL starts over (and SQLite syncs its header) in that thread instead of in a request.
 */
export const walCheckpoints = sqliteTable('wal_checkpoints', {
  id: integer('id').primaryKey(),
  at: integer('at').notNull(),
  frames: integer('frames').notNull(),
});

/** Data migrations that rewrite rows in code (db/data-migrations.ts), each applied once and recorded here. */
export const dataMigrations = sqliteTable('data_migrations', {
  name: text('name').primaryKey(),
  appliedAt: integer('applied_at').notNull(),
});
