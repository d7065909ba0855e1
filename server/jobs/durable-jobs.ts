import { type Db, transact, type Tx } from '@/db/client';
import * as jobsQ from '@/db/queries/jobs';
import { backoffMs } from './backoff';

/**
 * Durable one-shot jobs: SLA warnings and breaches, survey sends, snoozes, delayed notifications.
 * A job has a deterministic id, so planning it again replaces it (a re-planned breach moves, it is not
 * doubled). A handler runs inside the transaction that claims the job, so its effect and the job's
 * "done" commit together: a crash or a second worker tick never applies it twice, and a failure rolls the
 * effect back and retries with backoff. Handlers write (events, outbox rows) rather than call out; what
 * leaves the process goes through the outbox, which has its own retries.
 */
/**
 * `now`: the worker's clock for this run (tests drive it), the moment a handler records its effects at.
 * `afterCommit`: what to tell others (realtime) once the effect is committed; dropped when the run fails.
 */
export type JobHandler = (tx: Tx, payload: unknown, job: { id: string; attempts: number; now: number; afterCommit: (fn: () => void) => void }) => void;

export const JOB_RETRY = { baseMs: 5_000, maxMs: 30 * 60_000 };
export const JOB_MAX_ATTEMPTS = 10;

const handlers = new Map<string, JobHandler>();

export function registerJobHandler(kind: string, handler: JobHandler) {
  handlers.set(kind, handler);
}

/** Plans (or re-plans) a job, in the caller's transaction so it commits with what made it necessary. */
export function scheduleJob(tx: Tx, job: { id: string; kind: string; payload: unknown; runAt: number }, now = Date.now()) {
  jobsQ.upsertJob(tx, { ...job, now });
}

/** Calls a planned job off; false when it was not waiting (already ran, or never planned). */
export function cancelJob(tx: Tx, id: string, now = Date.now()) {
  return jobsQ.cancelQueuedJob(tx, id, now);
}

/** Runs what is due, each job in its own transaction; returns how many ran to completion. */
export function runDueJobs(db: Db, now = Date.now(), batch = 100): number {
  let done = 0;
  for (const job of jobsQ.listDueJobs(db, now, batch)) {
    const handler = handlers.get(job.kind);
    const committed: (() => void)[] = [];
    try {
      const ran = transact(db, (tx) => {
        if (!jobsQ.claimJob(tx, job, now)) return false;
        if (!handler) throw new Error(`no handler for jobs of kind "${job.kind}"`);
        handler(tx, job.payload, { id: job.id, attempts: job.attempts + 1, now, afterCommit: (fn) => committed.push(fn) });
        return true;
      });
      if (ran) done++;
      committed.forEach((fn) => fn());
    } catch (err) {
      const attempts = job.attempts + 1;
      jobsQ.failJob(db, job.id, {
        attempts,
        retryAt: attempts >= JOB_MAX_ATTEMPTS ? null : now + backoffMs(attempts, JOB_RETRY),
        error: err instanceof Error ? err.message : String(err),
        now,
      });
    }
  }
  return done;
}
