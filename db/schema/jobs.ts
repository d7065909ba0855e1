import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';

export const JOB_STATES = ['queued', 'done', 'failed', 'cancelled'] as const;

/**
 * Durable one-shot jobs (server/jobs/durable-jobs.ts). The id is deterministic (`snooze:<ticket>`,
 * `sla-breach:<ticket>:<target>:<cycle>`), so planning the same job again replaces it instead of adding one.
 */
export const jobs = sqliteTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    payload: text('payload', { mode: 'json' }).$type<unknown>().notNull(),
    runAt: integer('run_at').notNull(),
    state: text('state', { enum: JOB_STATES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  // The worker asks for what is due: queued jobs by run time.
  (t) => [index('jobs_due').on(t.state, t.runAt)],
);
