import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { jobs } from '../schema';
import { limitRows, p, preparedPerConnection, ps } from '../prepared';

export type JobRow = typeof jobs.$inferSelect;

// Every write that moves an SLA clock plans or calls off its jobs: built once per connection.
const prepared = preparedPerConnection((db) => ({
  upsert: db
    .insert(jobs)
    .values({
      id: p('id'),
      kind: p('kind'),
      payload: p('payload'),
      runAt: p('runAt'),
      state: 'queued',
      attempts: 0,
      lastError: null,
      createdAt: p('now'),
      updatedAt: p('now'),
    })
    .onConflictDoUpdate({
      target: jobs.id,
      set: {
        kind: sql`excluded.kind`,
        payload: sql`excluded.payload`,
        runAt: sql`excluded.run_at`,
        state: 'queued',
        attempts: 0,
        lastError: null,
        updatedAt: sql`excluded.updated_at`,
      },
    })
    .prepare(),
  cancel: db
    .update(jobs)
    .set({ state: 'cancelled', updatedAt: ps('now') })
    .where(and(eq(jobs.id, p('id')), eq(jobs.state, 'queued')))
    .prepare(),
}));

/** Plans a job; one with the same id is replaced (re-planned), whatever state it was in. */
export function upsertJob(db: Queryable, j: { id: string; kind: string; payload: unknown; runAt: number; now: number }) {
  prepared(db).upsert.run(j);
}

export function cancelQueuedJob(db: Queryable, id: string, now: number) {
  return prepared(db).cancel.run({ id, now }).changes === 1;
}

export function findJob(db: Queryable, id: string) {
  return db.select().from(jobs).where(eq(jobs.id, id)).get();
}

export function listDueJobs(db: Queryable, now: number, limit: number) {
  return db
    .select()
    .from(jobs)
    .where(and(eq(jobs.state, 'queued'), lte(jobs.runAt, now)))
    .orderBy(asc(jobs.runAt))
    .limit(limitRows(limit))
    .all();
}

/** Takes a due job for running; false when another tick (or a re-plan) got there first. */
export function claimJob(db: Queryable, job: Pick<JobRow, 'id' | 'runAt' | 'attempts'>, now: number) {
  return (
    db
      .update(jobs)
      .set({ state: 'done', attempts: job.attempts + 1, updatedAt: now })
      .where(and(eq(jobs.id, job.id), eq(jobs.state, 'queued'), eq(jobs.runAt, job.runAt), eq(jobs.attempts, job.attempts)))
      .run().changes === 1
  );
}

/** A run that failed: try again at `retryAt`, or give up. */
export function failJob(db: Queryable, id: string, r: { attempts: number; retryAt: number | null; error: string; now: number }) {
  db.update(jobs)
    .set({
      state: r.retryAt === null ? 'failed' : 'queued',
      attempts: r.attempts,
      runAt: r.retryAt ?? sql`${jobs.runAt}`,
      lastError: r.error,
      updatedAt: r.now,
    })
    .where(eq(jobs.id, id))
    .run();
}

/** Finished and cancelled jobs are kept a while for the record, then removed. */
export function deleteSettledJobs(db: Queryable, before: number) {
  return db
    .delete(jobs)
    .where(and(sql`${jobs.state} in ('done', 'cancelled')`, lte(jobs.updatedAt, before)))
    .run().changes;
}
