// Messenger webhook intake: throughput and latency.
// Usage: npm run bench:webhooks -- [--deliveries 5000] [--concurrency 32] [--customers 500] [--rate 200] [--seconds 10]
// Throughput: signed WhatsApp Cloud API deliveries (one text message each, from --customers numbers) sent
// with --concurrency requests in flight; counted are 200 answers, each of which means the event is stored
// (committed) before the answer. Printed next to a bare HTTP server that only verifies the signature,
// measured in the same run with the same client, with the ratio, and how long the worker then took to turn
// every stored event into a ticket message. Latency: at --rate deliveries per second for --seconds, the
// time from sending the webhook to the agent's socket receiving the message (the agent watches the
// conversations), p50/p99.
// Targets (issue #15): ratio ≥ 0.3; p99 receipt → agent socket ≤ 50 ms at 200 events/s.
import { parseArgs } from 'node:util';
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { io, type Socket } from 'socket.io-client';
import { spawnBuiltServer, waitForLine } from './support';

const { values } = parseArgs({
  options: {
    deliveries: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '32' },
    customers: { type: 'string', default: '500' },
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '10' },
  },
});
const DELIVERIES = Number(values.deliveries);
const CONCURRENCY = Number(values.concurrency);
const CUSTOMERS = Number(values.customers);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const PHONE_NUMBER_ID = '106540352242922';
const APP_SECRET = 'bench-app-secret';
const root = path.resolve(import.meta.dirname, '..');
if (!fs.existsSync(path.join(root, 'dist/server/index.js'))) throw new Error('Run `npm run build` first: the benchmark measures the built server.');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const sign = (body: string) => `sha256=${crypto.createHmac('sha256', APP_SECRET).update(body).digest('hex')}`;
let serial = 0;

/** One Cloud API delivery of a text message from customer `c`, as Meta sends it. */
function delivery(c: number, text: string) {
  const from = String(4915000000000 + c);
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '4930123456', phone_number_id: PHONE_NUMBER_ID },
              contacts: [{ profile: { name: `Kunde ${c}` }, wa_id: from }],
              messages: [
                { from, id: `wamid.BENCH${++serial}.${Date.now()}`, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: text } },
              ],
            },
          },
        ],
      },
    ],
  });
}

const post = (url: string, body: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body) }, body }).then(async (r) => {
    await r.arrayBuffer();
    return r.status;
  });

/** --deliveries signed deliveries with --concurrency in flight; deliveries per second answered 200. */
async function throughput(url: string) {
  const bodies = Array.from({ length: DELIVERIES }, (_, i) => delivery(i % CUSTOMERS, `Nachricht ${i}`));
  let next = 0;
  let ok = 0;
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < bodies.length) if ((await post(url, bodies[next++]!)) === 200) ok++;
    }),
  );
  const seconds = (performance.now() - begin) / 1000;
  return { perSecond: ok / seconds, ok, seconds };
}

async function helpdesk() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-bench-webhooks-'));
  const child = spawnBuiltServer(root, dataDir);
  const m = await waitForLine(child, /(http:\/\/\S+)[\s\S]*Inbound email/);
  const url = m[1]!.replace(/\/$/, '').replace('localhost', '127.0.0.1');
  const login = await fetch(`${url}/api/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.local', password: 'demo-password' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const saved = await fetch(`${url}/api/trpc/whatsapp.save`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      id: null,
      name: 'Bench',
      defaultTeamId: null,
      phoneNumberId: PHONE_NUMBER_ID,
      apiBaseUrl: 'http://127.0.0.1:9',
      accessToken: 'bench-token',
      appSecret: APP_SECRET,
      verifyToken: 'bench-verify',
    }),
  });
  const channelId = ((await saved.json()) as { result: { data: { id: number } } }).result.data.id;
  return { child, dataDir, url, cookie, hook: `${url}/hooks/whatsapp/${channelId}`, db: path.join(dataDir, 'helpdesk.db') };
}

async function bare(): Promise<{ child: ChildProcess; hook: string }> {
  const child = spawn(process.execPath, ['bench/raw-webhook-verify.mjs', APP_SECRET], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const m = await waitForLine(child, /port (\d+)/);
  return { child, hook: `http://127.0.0.1:${m[1]}/` };
}

console.log(
  `${DELIVERIES} signed deliveries from ${CUSTOMERS} customers, ${CONCURRENCY} in flight; then ${RATE}/s for ${SECONDS} s to watched conversations\n`,
);

// Warm both up first (JIT, connection pool), then measure.
const raw = await bare();
await throughput(raw.hook);
const base = await throughput(raw.hook);
raw.child.kill();

const hd = await helpdesk();
const file = new Database(hd.db, { readonly: true });
const handled = () => (file.prepare("select count(*) n from webhook_events where state = 'done'").get() as { n: number }).n;
const ours = await throughput(hd.hook);
const drainStart = performance.now();
while (handled() < ours.ok) await sleep(20);
const drained = (performance.now() - drainStart) / 1000;
const totalHandled = handled();
const messages = (
  file
    .prepare("select count(*) n from messages m join tickets t on t.id = m.ticket_id join channels c on c.id = t.channel_id where c.kind = 'whatsapp'")
    .get() as { n: number }
).n;

// Latency: an agent watches the first 50 conversations; each delivery's text is unique.
const watched = file
  .prepare(
    "select t.id, i.external_id e from tickets t join customer_identities i on i.customer_id = t.customer_id and i.kind = 'whatsapp' order by t.id limit 50",
  )
  .all() as { id: number; e: string }[];
const agent: Socket = await new Promise((resolve, reject) => {
  const s = io(`${hd.url}/agent`, { extraHeaders: { cookie: hd.cookie }, transports: ['websocket'], reconnection: false, forceNew: true });
  s.once('connect', () => resolve(s));
  s.once('connect_error', reject);
});
for (const w of watched) agent.emit('ticket:view', w.id);
await sleep(300);
const waiting = new Map<string, number>();
const latencies: number[] = [];
agent.on('ticket:message', (p: { text?: string }) => {
  const started = p.text ? waiting.get(p.text) : undefined;
  if (started === undefined) return;
  waiting.delete(p.text!);
  latencies.push(performance.now() - started);
});
const total = RATE * SECONDS;
const begin = performance.now();
for (let i = 0; i < total; i++) {
  const w = watched[i % watched.length]!;
  const text = `Latenz ${i} ${Math.random().toString(36).slice(2)}`;
  const body = delivery(Number(w.e) - 4915000000000, text);
  waiting.set(text, performance.now());
  void post(hd.hook, body);
  const wait = begin + ((i + 1) * 1000) / RATE - performance.now();
  if (wait > 0) await sleep(wait);
}
for (let i = 0; i < 100 && waiting.size; i++) await sleep(50);
agent.close();
file.close();
hd.child.kill('SIGINT');
await new Promise((r) => hd.child.once('exit', r));
fs.rmSync(hd.dataDir, { recursive: true, force: true });

const line = (label: string, r: typeof base) =>
  `${label.padEnd(44)} ${r.perSecond.toFixed(0).padStart(6)} deliveries/s (${r.ok} × 200 in ${r.seconds.toFixed(2)} s)`;
console.log(line('bare server (verify signature, answer 200)', base));
console.log(line('helpdesk (verify, store, answer 200)', ours));
console.log(`ratio helpdesk/bare: ${(ours.perSecond / base.perSecond).toFixed(2)} (target ≥ 0.3)`);
console.log(`worker: all ${totalHandled} stored events turned into ${messages} ticket messages ${drained.toFixed(2)} s after the last 200`);
console.log(
  `\nreceipt → agent socket at ${RATE}/s: p50 ${pct(latencies, 50).toFixed(1)} ms, p90 ${pct(latencies, 90).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms, lost ${waiting.size} of ${total} (target p99 ≤ 50 ms)`,
);
