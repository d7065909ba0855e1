import { type Db, transact } from './client';

type Job = { fn: () => unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void };

const queues = new WeakMap<Db, (fn: () => unknown, waitMs: number) => Promise<unknown>>();
/** Callbacks waiting for the group transaction in progress on a connection to commit. */
const waitingForCommit = new WeakMap<Db, (() => void)[]>();

/**
 * Runs `fn` once what the caller wrote is committed: after the shared COMMIT inside a group commit
 * (dropped if the caller's job or the whole group fails), at once outside one — so call it after your
 * own transaction, as `ingest` does. Realtime events go through
 * here, so nobody is told about a message that a failed commit would take back.
 */
export function afterCommit(db: Db, fn: () => void) {
  const list = waitingForCommit.get(db);
  if (list) list.push(fn);
  else fn();
}

/**
 * Group commit: writes that arrive in the same event-loop turn share one SQLite transaction. Each job
 * runs in its own savepoint (its own db.transaction nests), so one failing job rolls back only itself;
 * every promise settles only after the shared COMMIT, so "acknowledge after commit" still holds.
 * Under a burst of inbound mail this turns hundreds of commits (and FTS segment flushes) into a few.
 *
 * `waitMs` is for bookkeeping nobody waits on (a read receipt): such a job rides along with the next
 * commit somebody else causes within that time, and only commits on its own when nothing else does.
 */
export function commitGrouped<T>(db: Db, fn: () => T, waitMs = 0): Promise<T> {
  let run = queues.get(db);
  if (!run) queues.set(db, (run = createQueue(db)));
  return run(fn, waitMs) as Promise<T>;
}

function createQueue(db: Db) {
  let pending: Job[] = [];
  let soon: NodeJS.Immediate | undefined;
  let later: NodeJS.Timeout | undefined;
  const flush = () => {
    clearImmediate(soon);
    clearTimeout(later);
    soon = later = undefined;
    const batch = pending;
    pending = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    const callbacks: (() => void)[] = [];
    waitingForCommit.set(db, callbacks);
    try {
      transact(db, () => {
        for (const job of batch) {
          const before = callbacks.length;
          try {
            outcomes.push({ ok: true, value: job.fn() });
          } catch (error) {
            callbacks.length = before;
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const job of batch) job.reject(error);
      return;
    } finally {
      waitingForCommit.delete(db);
    }
    for (const callback of callbacks) callback();
    batch.forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.error);
    });
  };
  return (fn: () => unknown, waitMs: number) =>
    new Promise((resolve, reject) => {
      pending.push({ fn, resolve, reject });
      if (waitMs === 0) soon ??= setImmediate(flush);
      else if (!soon) later ??= setTimeout(flush, waitMs);
    });
}
