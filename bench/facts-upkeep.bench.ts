// What keeping the dashboard's facts current costs the two hot writes: an inbound message (ingest) and
// an agent's reply. Usage: npm run bench:facts -- [--tickets 20000] [--writes 3000]
// Prints: per write, the whole write (ingest or reply, in its transaction, facts included) next to the
// facts upkeep alone for the same events (db/queries/ticket-facts.ts updateTicketFacts, which also notes
// the ticket for the rollups), both measured in this run on the same SQLite file, and the share the upkeep
// takes; then the rollup fold that runs after the write (batched, outside its transaction) per ticket
// written, and the share of both together. The demo's SLA policy and survey history are seeded, as
// `npm start` does. Target (issue #17): ≤ 10 %.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { openDatabase, transact } from '../db/client';
import { generateDemoData } from '../db/seed/generate';
import { listChannelsOfKind } from '../db/queries/inbound';
import { findAgentByEmail } from '../db/queries/agents';
import { updateTicketFacts } from '../db/queries/ticket-facts';
import { foldPendingRollups } from '../db/queries/metric-rollups';
import { ticketEvent } from '../lib/ticket-events';
import { ingest } from '../server/channels/ingest';
import { replyToTicket } from '../server/tickets/reply-to-ticket';
import { loadConfig } from '../server/config';
import { setConfig } from '../server/runtime-config';
import { seedDemoPolicies } from '../server/prepare-database';

const { values } = parseArgs({ options: { tickets: { type: 'string', default: '20000' }, writes: { type: 'string', default: '3000' } } });
const TICKETS = Number(values.tickets);
const WRITES = Number(values.writes);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-facts-bench-'));
setConfig(loadConfig({ DATA_DIR: dir }));
const db = openDatabase(path.join(dir, 'bench.db'));
generateDemoData(db, { tickets: TICKETS, passwordHash: 'x', seed: 11 });
// As `npm start` seeds it: the SLA policy plans every write's targets, and the surveys count in the rollups too.
seedDemoPolicies(db, Date.now());
const channelId = listChannelsOfKind(db, 'email')[0]!.id;
const agent = findAgentByEmail(db, 'jana@demo.local')!;
const viewer = { id: agent.id, name: agent.name, email: agent.email, role: agent.role, locale: null, sessionId: 'bench' };

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { mean: s.reduce((a, b) => a + b, 0) / s.length, p50: at(0.5), p99: at(0.99) };
};
const fmt = (x: { mean: number; p50: number; p99: number }) =>
  `mean ${(x.mean * 1000).toFixed(0)} µs, p50 ${(x.p50 * 1000).toFixed(0)} µs, p99 ${(x.p99 * 1000).toFixed(0)} µs`;

// Inbound: one new ticket per write (created and customer_message events).
foldPendingRollups(db);
const ingestMs: number[] = [];
const ticketIds: number[] = [];
for (let i = 0; i < WRITES; i++) {
  const at = Date.now();
  const t0 = performance.now();
  const { ticketId } = ingest(
    db,
    {
      channelId,
      from: { externalId: `bench-${i}@example.de`, name: 'Bench', email: `bench-${i}@example.de`, emailProven: true },
      channelMessageId: `<bench-${i}@example.de>`,
      subject: 'Lieferung',
      text: 'Wo ist mein Paket?',
      html: null,
      receivedAt: at,
      autoSubmitted: false,
    },
    { resolveThread: () => ({ kind: 'new' }) },
  );
  ingestMs.push(performance.now() - t0);
  ticketIds.push(ticketId);
}
/** The fold of what the writes left pending, per ticket: the dashboard's rollups brought up to date. */
const foldPerTicket = () => {
  const t0 = performance.now();
  const n = foldPendingRollups(db);
  return (performance.now() - t0) / n;
};
const ingestFold = foldPerTicket();
// Replies: each ticket answered once (public_reply with its first response; new → open).
const replyMs: number[] = [];
for (const ticketId of ticketIds) {
  const t0 = performance.now();
  await replyToTicket(db, viewer, { ticketId, body: 'Ist unterwegs.', internal: false });
  replyMs.push(performance.now() - t0);
}
const replyFold = foldPerTicket();
// The upkeep alone, for the same kinds of events on the same tickets' rows. Inside a write it shares the
// write's transaction (no commit of its own), so it is timed inside one transaction here too.
const upkeep = (make: (ticketId: number, at: number) => Parameters<typeof updateTicketFacts>[1]) => {
  // Folded first: each ticket's note for the rollups is then its first since a fold, the dearer case.
  foldPendingRollups(db);
  return transact(db, (tx) =>
    ticketIds.map((ticketId) => {
      const events = make(ticketId, Date.now());
      const t0 = performance.now();
      updateTicketFacts(tx, events);
      return performance.now() - t0;
    }),
  );
};
const actor = { kind: 'customer' } as const;
const inboundUpkeep = upkeep((id, at) => [ticketEvent(id, 'customer_message', { messageId: 1 }, actor, at)]);
const replyUpkeep = upkeep((id, at) => [
  ticketEvent(id, 'public_reply', { messageId: 1 }, { kind: 'agent', agentId: agent.id }, at),
  ticketEvent(id, 'status_changed', { from: 'new', to: 'open' }, { kind: 'agent', agentId: agent.id }, at),
]);

const report = (name: string, whole: number[], part: number[], fold: number) => {
  const w = stats(whole);
  const p = stats(part);
  console.log(
    `${name}: whole write ${fmt(w)} | facts upkeep ${fmt(p)} | upkeep share of the mean ${((p.mean / w.mean) * 100).toFixed(1)} %` +
      ` | rollup fold afterwards ${(fold * 1000).toFixed(0)} µs per ticket | upkeep and fold ${(((p.mean + fold) / w.mean) * 100).toFixed(1)} %`,
  );
};
console.log(`Facts upkeep on ${TICKETS} demo tickets plus ${WRITES} new ones (${WRITES} writes each):`);
report('inbound message (ingest)', ingestMs, inboundUpkeep, ingestFold);
report('agent reply', replyMs, replyUpkeep, replyFold);
db.$client.close();
fs.rmSync(dir, { recursive: true, force: true });
