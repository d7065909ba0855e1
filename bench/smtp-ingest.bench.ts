// Inbound email throughput and durability.
// Usage: npm run bench:smtp -- [--messages 3000] [--concurrency 8,16] [--kill-run 5000]
// 1. Sends N messages over SMTP with several connections to (a) a raw smtp-server + parser sink without a
//    database and (b) our server (built, run with node, its own SQLite file); prints accepted msg/s and the
//    ratio. Targets (issue #3): ≥ 200 msg/s and ≥ 0.5 of the raw sink.
// 2. Sends 5,000 messages and SIGKILLs the server in the middle; restarts it, resends what got no 250
//    (as a real MTA would) and counts: every message acknowledged with 250 is stored exactly once.
import { parseArgs } from 'node:util';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import nodemailer from 'nodemailer';
import Database from 'better-sqlite3';
import { spawnBuiltServer, waitForLine } from './support';

const { values } = parseArgs({
  options: { messages: { type: 'string', default: '3000' }, concurrency: { type: 'string', default: '8,16' }, 'kill-run': { type: 'string', default: '5000' } },
});
const N = Number(values.messages);
const LEVELS = values.concurrency.split(',').map(Number);
let C = LEVELS[0]!;
const KILL_N = Number(values['kill-run']);
const root = path.resolve(import.meta.dirname, '..');
if (!fs.existsSync(path.join(root, 'dist/server/index.js'))) throw new Error('Run `npm run build` first: the benchmark measures the built server.');

async function startHelpdesk(dataDir: string) {
  const child = spawnBuiltServer(root, dataDir);
  const m = await waitForLine(child, /Inbound email \(SMTP\) on port (\d+)/);
  return { child, port: Number(m[1]) };
}

async function startRawSink() {
  const child = spawn(process.execPath, ['bench/raw-smtp-sink.mjs'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const m = await waitForLine(child, /port (\d+)/);
  return { child, port: Number(m[1]) };
}

const message = (i: number, run: string) => ({
  from: `Kunde ${i} <kunde${i}@bench.example>`,
  to: 'support@demo.local',
  subject: `Bestellung A-${100000 + i}: Lieferung fehlt`,
  messageId: `<${run}-${i}@bench.example>`,
  text: `Guten Tag,\n\nmeine Bestellung A-${100000 + i} ist noch nicht angekommen. Können Sie bitte nachsehen?\n\nMit freundlichen Grüßen\nKunde ${i}\n`.repeat(
    3,
  ),
});

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Sends the numbered messages over `concurrency` connections; returns the numbers that were answered 250. */
async function blast(port: number, ids: number[], run: string, onAck?: (i: number) => void, pool = true) {
  // Without a pool every message gets its own connection: a pool whose server was killed can leave
  // queued messages unsettled, which the kill run must not do.
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    pool,
    maxConnections: C,
    maxMessages: Infinity,
    connectionTimeout: 5000,
  });
  const acked = new Set<number>();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: C }, async () => {
      while (next < ids.length) {
        const i = ids[next++]!;
        try {
          await transport.sendMail(message(i, run));
          acked.add(i);
          onAck?.(i);
        } catch {
          // refused or connection lost (the kill run): not acknowledged
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  return { acked, seconds };
}

const stop = (child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });

// --- 1. throughput, at each concurrency level, raw sink and helpdesk measured in the same run ---
console.log(`\nSMTP ingest, ${N} messages per run`);
for (const level of LEVELS) {
  C = level;
  const raw = await startRawSink();
  await blast(raw.port, range(200), 'warm');
  const rawRun = await blast(raw.port, range(N), 'raw');
  await stop(raw.child);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-smtp-bench-'));
  const ours = await startHelpdesk(dataDir);
  await blast(ours.port, range(200), 'warm');
  const ourRun = await blast(ours.port, range(N), 'ours');
  await stop(ours.child);
  fs.rmSync(dataDir, { recursive: true, force: true });

  const rawRate = rawRun.acked.size / rawRun.seconds;
  const ourRate = ourRun.acked.size / ourRun.seconds;
  console.log(
    `  ${String(C).padStart(2)} connections: raw smtp-server + parser sink ${rawRate.toFixed(0).padStart(5)} msg/s, helpdesk (parse, store, acknowledge) ${ourRate.toFixed(0).padStart(5)} msg/s, ratio ${(ourRate / rawRate).toFixed(2)}`,
  );
}
console.log('  targets: ≥ 200 msg/s and ratio ≥ 0.5');
C = LEVELS[0]!;

// --- 2. SIGKILL in the middle of a run ---
const killDir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-smtp-kill-'));
let server = await startHelpdesk(killDir);
let killed = false;
const first = await blast(
  server.port,
  range(KILL_N),
  'kill',
  (i) => {
    if (!killed && i >= KILL_N * 0.4) {
      killed = true;
      server.child.kill('SIGKILL');
    }
  },
  false,
);
await stop(server.child, 'SIGKILL');
server = await startHelpdesk(killDir);
// A real MTA retries what was not acknowledged; the Message-ID keeps a retried message from doubling.
const retry = Array.from({ length: KILL_N }, (_, i) => i).filter((i) => !first.acked.has(i));
const retried = await blast(server.port, retry, 'kill');
await stop(server.child);

const db = new Database(path.join(killDir, 'helpdesk.db'), { readonly: true });
const counts = new Map<string, number>();
for (const row of db
  .prepare("select channel_message_id id, count(*) n from messages where channel_message_id like '<kill-%' group by channel_message_id")
  .all() as { id: string; n: number }[])
  counts.set(row.id, row.n);
db.close();
const ackedIds = [...first.acked].map((i) => `<kill-${i}@bench.example>`);
const missing = ackedIds.filter((id) => !counts.has(id)).length;
const doubled = [...counts.values()].filter((n) => n > 1).length;
console.log(
  `\nSIGKILL during ${KILL_N} messages: ${first.acked.size} acknowledged before the kill, ${retry.length} retried after restart (${retried.acked.size} acknowledged)`,
);
console.log(
  `  acknowledged and stored: ${ackedIds.length - missing}/${ackedIds.length}, missing ${missing}, stored twice ${doubled}, total stored ${counts.size}/${KILL_N}`,
);
fs.rmSync(killDir, { recursive: true, force: true });
if (missing || doubled || counts.size !== KILL_N) process.exitCode = 1;
