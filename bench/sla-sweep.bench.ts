// The SLA re-plan sweep and the due-job worker on a real SQLite file with many open tickets.
// Usage: npm run bench:sla -- [--tickets 100000]   (this file runs after the clock benchmark)
// Prints: one full re-plan sweep over the open tickets (what a policy or calendar change costs), next to
// a baseline read of the same tickets' rows and history measured in the same run; and the worker's
// latency from a breach's due time to its recorded event while a sweep keeps the database busy.
// Targets (issue #14): the sweep ≤ 10 % of its interval; worker latency p99 ≤ 1 s.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { openDatabase, transact } from '../db/client';
import { generateDemoData } from '../db/seed/generate';
import { listCalendars } from '../db/queries/calendars';
import { listSlaTimelineEvents, listTicketIdsAfter } from '../db/queries/sla';
import { findTicketWithChannel } from '../db/queries/tickets';
import { savePolicy } from '../server/sla/sla-policies';
import { replanBatch, registerSlaJobs, REPLAN_BATCH } from '../server/sla/replan';
import { applySla } from '../server/sla/apply-sla';
import { runDueJobs } from '../server/jobs/durable-jobs';

const { values } = parseArgs({ options: { tickets: { type: 'string', default: '100000' }, fast: { type: 'string', default: '1000' } } });
const N = Number(values.tickets);
const FAST = Number(values.fast);
const MIN = 60_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-sla-bench-'));
const db = openDatabase(path.join(dir, 'bench.db'));
const sqlite = db.$client;
generateDemoData(db, { tickets: 0, passwordHash: 'x', seed: 7, now: Date.UTC(2026, 10, 1) });
registerSlaJobs();

// Open tickets of the last week as ingest leaves them: created, a customer message, some answered,
// some waiting on the customer; mixed priorities and channels.
const now = Date.now();
const channels = sqlite.prepare('select id, kind from channels').all() as { id: number; kind: string }[];
const insertCustomer = sqlite.prepare("insert into customers (name, created_at) values ('Bench', ?)");
const insertTicket = sqlite.prepare(
  'insert into tickets (number, subject, status, priority, channel_id, customer_id, created_at, updated_at, last_activity_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
);
const insertEvent = sqlite.prepare('insert into ticket_events (ticket_id, type, actor_kind, data, created_at) values (?, ?, ?, ?, ?)');
const tag = sqlite.prepare("insert into tags (name) values ('fast') returning id").get() as { id: number };
const tagTicket = sqlite.prepare('insert into ticket_tags (ticket_id, tag_id) values (?, ?)');
let seed = 11;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const PRIORITIES = ['low', 'normal', 'normal', 'normal', 'high', 'urgent'];
function addTicket(n: number, createdAt: number, fast: boolean) {
  const ch = channels[n % channels.length]!;
  const customer = insertCustomer.run(createdAt).lastInsertRowid as number;
  const answered = !fast && rnd() < 0.6;
  const waiting = answered && rnd() < 0.3;
  const status = waiting ? 'pending' : answered ? 'open' : 'new';
  const priority = fast ? 'normal' : PRIORITIES[n % PRIORITIES.length];
  const id = insertTicket.run(n, `Bench ${n}`, status, priority, ch.id, customer, createdAt, createdAt, createdAt).lastInsertRowid as number;
  insertEvent.run(
    id,
    'created',
    'customer',
    JSON.stringify({ channelId: ch.id, channel: ch.kind, teamId: null, priority: 'normal', assigneeId: null, formId: null }),
    createdAt,
  );
  insertEvent.run(id, 'customer_message', 'customer', JSON.stringify({ messageId: 1 }), createdAt);
  if (answered) {
    insertEvent.run(id, 'public_reply', 'agent', JSON.stringify({ messageId: 1 }), createdAt + 30 * MIN);
    insertEvent.run(id, 'status_changed', 'agent', JSON.stringify({ from: 'new', to: waiting ? 'pending' : 'open' }), createdAt + 30 * MIN);
  }
  if (fast) tagTicket.run(id, tag.id);
  return id;
}
const t0 = performance.now();
sqlite.transaction(() => {
  for (let i = 1; i <= N; i++) addTicket(i, now - Math.floor(rnd() * 7 * 24 * 60) * MIN, false);
})();
console.log(`SLA sweep and worker, ${N.toLocaleString('en')} open tickets (built in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);

const calendar = listCalendars(db)[0]!;
const hours = (h: number) => ({ minutes: h * 60, clock: 'business' as const });
savePolicy(db, null, {
  name: 'Standard',
  calendarId: calendar.id,
  targets: Object.fromEntries(
    ['urgent', 'high', 'normal', 'low'].map((p, i) => [p, { first_response: hours(2 ** i), next_response: hours(2 ** i), resolution: hours(8 * 2 ** i) }]),
  ),
});

function sweep(plan: (id: number) => void) {
  let afterId = 0;
  const started = performance.now();
  for (;;) {
    const ids = listTicketIdsAfter(db, afterId, REPLAN_BATCH, { openOnly: true });
    if (!ids.length) return (performance.now() - started) / 1000;
    transact(db, () => ids.forEach(plan));
    afterId = ids.at(-1)!;
  }
}
// Baseline: what any sweep must read (each ticket's row and clock history), without planning.
const readSeconds = sweep((id) => {
  findTicketWithChannel(db, id);
  listSlaTimelineEvents(db, id);
});
const firstSeconds = sweep((id) => applySla(db, id, now));
const againSeconds = sweep((id) => applySla(db, id, now));
const targets = (sqlite.prepare("select count(*) n from ticket_sla_targets where state in ('running', 'paused')").get() as { n: number }).n;
const HOUR_S = 3600;
console.log(`  read only (baseline)     ${readSeconds.toFixed(2).padStart(7)} s`);
console.log(
  `  first plan               ${firstSeconds.toFixed(2).padStart(7)} s   ${((firstSeconds / N) * 1e6).toFixed(0)} µs/ticket, ${targets.toLocaleString('en')} running targets`,
);
console.log(
  `  re-plan sweep            ${againSeconds.toFixed(2).padStart(7)} s   ratio ${(againSeconds / readSeconds).toFixed(1)}× the read; ${((againSeconds / HOUR_S) * 100).toFixed(2)} % of an hour`,
);

// The worker under load: tickets whose one-minute first response falls due over the next ten seconds,
// while a re-plan sweep (a policy change) runs in batches between the worker's ticks.
savePolicy(db, null, {
  name: 'Fast',
  conditions: { tags: ['fast'] },
  targets: { normal: { first_response: { minutes: 1, clock: 'calendar', warning: null } } },
});
sqlite.prepare("update sla_policies set position = -1 where name = 'Fast'").run();
const start = Date.now();
const fastIds: number[] = [];
sqlite.transaction(() => {
  for (let i = 0; i < FAST; i++) fastIds.push(addTicket(N + 1 + i, start - MIN + 2000 + Math.floor((i * 10_000) / FAST), true));
})();
transact(db, (tx) => fastIds.forEach((id) => applySla(tx, id, start)));

await new Promise<void>((resolve) => {
  let afterId = 0;
  const load = () => {
    const { next } = transact(db, (tx) => replanBatch(tx, afterId, Date.now()));
    afterId = next ?? 0;
    if (Date.now() < start + 14_000) setImmediate(load);
  };
  setImmediate(load);
  const tick = setInterval(() => runDueJobs(db), 250);
  setTimeout(() => (clearInterval(tick), resolve()), 14_000);
});
const latencies = (
  sqlite.prepare(`select updated_at - run_at ms from jobs where state = 'done' and id in (${fastIds.map((id) => `'sla:${id}'`).join(',')})`).all() as {
    ms: number;
  }[]
)
  .map((r) => r.ms)
  .sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
const breaches = (
  sqlite.prepare(`select count(*) n from ticket_events where type = 'sla_breached' and ticket_id in (${fastIds.join(',')})`).get() as { n: number }
).n;
console.log(
  `  worker latency           p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${latencies.at(-1)} ms over ${latencies.length} breach jobs (${breaches} breach events); targets: sweep ≤ 10 % of its interval, p99 ≤ 1,000 ms`,
);
db.$client.close();
fs.rmSync(dir, { recursive: true, force: true });
