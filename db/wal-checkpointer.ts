import { Worker } from 'node:worker_threads';

// The thread's whole program. Plain CommonJS because eval'd workers are scripts; better-sqlite3 is
// resolved from the process's working directory like the rest of the server's dependencies.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (err) { parentPort.postMessage(String(err)); }
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

/**
 * Copies the WAL back into the database file from a worker thread every few seconds. A checkpoint
 * writes and fsyncs many pages; done by the connection that commits, it stalls whichever request
 * happens to commit then (tens of milliseconds at the tail). PASSIVE never blocks writers, and the main
 * connection's autocheckpoint stays as a backstop should this thread fall behind.
 * Every 10 s rather than every 2 s: each checkpoint costs two fsyncs here and one more on the main
 * thread (SQLite syncs the WAL header when the next commit starts the log over), and while the disk
 * flushes, commits on the main thread wait in write(); measured with `npm run bench:widget`, the
 * 2 s interval put those stalls into the p99. The price is a WAL of up to 10 s of writes.
 */
export function startWalCheckpointer(file: string, log: (line: string) => void, intervalMs = 10_000) {
  if (file === ':memory:') return { stop: async () => {} };
  const worker = new Worker(WORKER, { eval: true, workerData: { file, intervalMs } });
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
