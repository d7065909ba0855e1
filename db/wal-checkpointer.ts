import { Worker } from 'node:worker_threads';

export type CheckpointTiming = {
  /** How often the thread looks at the database. */
  pollMs: number;
  /** No commit by the server for this long counts as quiet. */
  quietMs: number;
  /** At least this long between checkpoints while quiet. */
  minIntervalMs: number;
  /** Under continuous writes, a checkpoint anyway after this long (the WAL must not grow forever). */
  maxIntervalMs: number;
};

const DEFAULT_TIMING: CheckpointTiming = { pollMs: 200, quietMs: 500, minIntervalMs: 2000, maxIntervalMs: 10_000 };

// The thread's whole program. Plain CommonJS because eval'd workers are scripts; better-sqlite3 is
// resolved from the process's working directory like the rest of the server's dependencies.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
const { file, pollMs, quietMs, minIntervalMs, maxIntervalMs } = workerData;
const db = new Database(file);
db.pragma('busy_timeout = 5000');
const mark = db.prepare('insert into wal_checkpoints (id, at, frames) values (1, ?, ?) on conflict (id) do update set at = excluded.at, frames = excluded.frames');
// data_version changes whenever another connection (the server's) commits.
let version = db.pragma('data_version', { simple: true });
let lastWrite = Date.now();
let lastCheckpoint = Date.now();
const tick = () => {
  const now = Date.now();
  const v = db.pragma('data_version', { simple: true });
  if (v !== version) {
    version = v;
    lastWrite = now;
  }
  const quiet = now - lastWrite >= quietMs;
  const due = now - lastCheckpoint >= maxIntervalMs || (quiet && now - lastCheckpoint >= minIntervalMs);
  if (!due || lastWrite < lastCheckpoint) return;
  lastCheckpoint = now;
  const [r] = db.pragma('wal_checkpoint(PASSIVE)');
  // Everything is copied back: the next write starts the log over and fsyncs its header. While quiet,
  // that write is this one; under load it stays with the server's next commit (waiting for this
  // thread's lock would cost the server the same).
  // (Still quiet only if nothing was committed while checkpointing.)
  if (quiet && r.log > 0 && r.checkpointed === r.log && db.pragma('data_version', { simple: true }) === version) mark.run(now, r.log);
};
const timer = setInterval(() => {
  try { tick(); } catch (err) { parentPort.postMessage(String(err)); }
}, pollMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

/**
 * Copies the WAL back into the database file from a worker thread. A checkpoint writes and fsyncs many
 * pages, and the commit after a complete one restarts the WAL with another fsync; in the connection
 * that serves requests either stalls whichever request commits then (20–50 ms measured here with
 * `npm run bench:widget`). So the thread checkpoints when the server has been quiet for a moment, and
 * then restarts the WAL itself; under continuous writes it checkpoints every `maxIntervalMs` anyway
 * (10 s: at 400 chat messages a second the WAL grows by ~20 MB/s, and a longer wait made each
 * checkpoint, and the stall it causes on this disk, longer).
 * PASSIVE never blocks writers; the main connection's autocheckpoint stays as a backstop.
 */
export function startWalCheckpointer(file: string, log: (line: string) => void, timing: Partial<CheckpointTiming> = {}) {
  if (file === ':memory:') return { stop: async () => {} };
  const worker = new Worker(WORKER, { eval: true, workerData: { file, ...DEFAULT_TIMING, ...timing } });
  worker.on('message', (m) => log(`WAL checkpoint failed: ${m}`));
  worker.on('error', (err) => log(`WAL checkpointer stopped: ${err.message}`));
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      }),
  };
}
