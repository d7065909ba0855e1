// Chat widget latency and memory.
// Usage: npm run bench:widget -- [--visitors 1000] [--agents 20] [--messages 2000] [--rate 200]
// N widget visitors and 20 agent sockets on loopback. Each visitor opens a conversation (setup), each
// agent watches its share of them. Then, paced at --rate messages per second: visitor → agent (visitor
// emits message:send, the agent's socket receives it) and agent → visitor (the agent replies over its
// socket, the visitor's widget receives it). Printed next to a bare socket.io relay with the same shape
// measured in the same run, with the ratio; server RSS per connected visitor and server CPU time per
// message (all threads; what the ratio comes from); loader and chat bundle sizes.
// Targets (issue #4): p99 ≤ 50 ms and ≤ 3× the relay at 1,000 visitors; widget.js ≤ 6 KB gzip, chat
// iframe JS ≤ 100 KB gzip.
import { parseArgs } from 'node:util';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { spawnBuiltServer, waitForLine } from './support';

const { values } = parseArgs({
  options: {
    visitors: { type: 'string', default: '1000' },
    agents: { type: 'string', default: '20' },
    messages: { type: 'string', default: '2000' },
    rate: { type: 'string', default: '200' },
  },
});
const VISITORS = Number(values.visitors);
const AGENTS = Number(values.agents);
const MESSAGES = Number(values.messages);
const RATE = Number(values.rate);
const WARMUP = 200;
const root = path.resolve(import.meta.dirname, '..');
if (!fs.existsSync(path.join(root, 'dist/server/index.js'))) throw new Error('Run `npm run build` first: the benchmark measures the built server.');

const DEMO_AGENTS = ['jana', 'tom', 'sam', 'mehmet', 'nils', 'lena', 'claire', 'admin'].map((n) => `${n}@demo.local`);

/** CPU time the process has used (user + system, all threads), in ms, from /proc. */
const cpuMs = (pid: number) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime in clock ticks (USER_HZ 100)
};
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

type Target = {
  url: string;
  pid: number;
  visitorAuth: (i: number) => Record<string, unknown>;
  agentHeaders: (i: number) => Promise<Record<string, string>>;
  /** Visitor i's conversation id after its first message (the relay knows it from the handshake). */
  firstMessage: (v: Socket, i: number) => Promise<number>;
};

function connect(url: string, opts: { auth?: Record<string, unknown>; headers?: Record<string, string> }): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = io(url, { auth: opts.auth, extraHeaders: opts.headers, transports: ['websocket'], reconnection: false, forceNew: true });
    s.once('session', () => resolve(s));
    s.once('connect', () => !opts.auth && resolve(s));
    s.once('connect_error', reject);
  });
}

async function run(name: string, t: Target) {
  const agents: Socket[] = [];
  for (let i = 0; i < AGENTS; i++) agents.push(await connect(`${t.url}/agent`, { headers: await t.agentHeaders(i) }));
  await sleep(300);
  const rssBefore = rssMb(t.pid);
  const visitors: Socket[] = [];
  for (let i = 0; i < VISITORS; i += 50) {
    visitors.push(
      ...(await Promise.all(Array.from({ length: Math.min(50, VISITORS - i) }, (_, j) => connect(`${t.url}/widget`, { auth: t.visitorAuth(i + j) })))),
    );
  }
  await sleep(500);
  const rssAfter = rssMb(t.pid);
  const tickets: number[] = [];
  for (let i = 0; i < VISITORS; i += 50) tickets.push(...(await Promise.all(visitors.slice(i, i + 50).map((v, j) => t.firstMessage(v, i + j)))));
  tickets.forEach((ticketId, i) => agents[i % AGENTS]!.emit('ticket:view', ticketId));
  await sleep(500);

  const waiting = new Map<string, number>();
  const toAgent: number[] = [];
  const toVisitor: number[] = [];
  const received = (list: number[]) => (p: { text?: string; authorKind?: string; author?: string }) => {
    const started = p.text ? waiting.get(p.text) : undefined;
    if (started === undefined) return;
    waiting.delete(p.text!);
    list.push(performance.now() - started);
  };
  for (const a of agents) a.on('ticket:message', received(toAgent));
  for (const v of visitors) v.on('message', received(toVisitor));

  const pace = 1000 / RATE;
  let cpuAtStart = 0;
  const begin = performance.now();
  // The first WARMUP messages each way warm both servers up (JIT, caches) and are not counted.
  for (let m = -WARMUP; m < MESSAGES; m++) {
    if (m === 0) {
      toAgent.length = 0;
      toVisitor.length = 0;
      cpuAtStart = cpuMs(t.pid);
    }
    const i = (m + WARMUP) % VISITORS;
    const text = `${name}-v2a-${m}-${Math.random().toString(36).slice(2)}`;
    waiting.set(text, performance.now());
    visitors[i]!.emit('message:send', { clientId: `bench-${m}-${Math.random().toString(36).slice(2, 10)}`, text }, () => {});
    const reply = `${name}-a2v-${m}-${Math.random().toString(36).slice(2)}`;
    waiting.set(reply, performance.now());
    agents[i % AGENTS]!.emit('reply', { ticketId: tickets[i], body: reply, internal: false }, () => {});
    const due = begin + (m + WARMUP + 1) * pace;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
  }
  for (let i = 0; i < 100 && waiting.size; i++) await sleep(50);
  const cpuPerMessage = (cpuMs(t.pid) - cpuAtStart) / (2 * MESSAGES);
  for (const s of [...visitors, ...agents]) s.close();
  return { toAgent, toVisitor, lost: waiting.size, rssPerVisitorKb: ((rssAfter - rssBefore) * 1024) / VISITORS, cpuPerMessage };
}

async function helpdesk(): Promise<Target & { child: ChildProcess; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-bench-widget-'));
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server there.
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawnBuiltServer(
    root,
    dataDir,
    {
      // One address sends for every simulated visitor here; the per-address limits would stop it.
      WIDGET_IP_MESSAGES_PER_MINUTE: '10000000',
      WIDGET_IP_CONVERSATIONS_PER_HOUR: '10000000',
      WIDGET_VISITOR_MESSAGES_PER_MINUTE: '100000',
    },
    prof,
  );
  // Both lines may arrive in one chunk: wait for the later one and read the address from the same text.
  const m = await waitForLine(child, /(http:\/\/\S+)[\s\S]*Inbound email/);
  const url = m[1]!.replace(/\/$/, '').replace('localhost', '127.0.0.1');
  const cookies: string[] = [];
  for (const email of DEMO_AGENTS) {
    const res = await fetch(`${url}/api/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'demo-password' }),
    });
    cookies.push(res.headers.get('set-cookie')!.split(';')[0]!);
  }
  return {
    child,
    dataDir,
    url,
    pid: child.pid!,
    visitorAuth: () => ({ channel: 'demo-website-chat' }),
    agentHeaders: async (i) => ({ cookie: cookies[i % cookies.length]! }),
    firstMessage: async (v, i) => {
      const res = await v.emitWithAck('message:send', {
        clientId: `first-${i}-${Date.now()}`,
        text: `Hallo, ich bin Besucher ${i}`,
        prechat: { name: `Besucher ${i}` },
      });
      if (!res.ok) throw new Error(res.error.message);
      return res.message.ticketId;
    },
  };
}

async function relay(): Promise<Target & { child: ChildProcess }> {
  const child = spawn(process.execPath, ['bench/raw-socketio-relay.mjs'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const m = await waitForLine(child, /port (\d+)/);
  return {
    child,
    url: `http://127.0.0.1:${m[1]}`,
    pid: child.pid!,
    visitorAuth: (i) => ({ ticketId: i + 1 }),
    agentHeaders: async () => ({}),
    firstMessage: async (v, i) => {
      await v.emitWithAck('message:send', { text: 'hi' });
      return i + 1;
    },
  };
}

const gz = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(root, file)), { level: 9 }).length / 1024;
console.log(
  `Widget bundles: widget.js ${gz('dist/widget/widget.js').toFixed(1)} KB gzip (target ≤ 6), chat iframe JS ${gz('dist/widget/chat.js').toFixed(1)} KB gzip (target ≤ 100), chat CSS ${gz('dist/widget/chat.css').toFixed(1)} KB gzip`,
);
console.log(`${VISITORS} visitors, ${AGENTS} agent sockets, ${MESSAGES} messages each way at ${RATE}/s\n`);

const raw = await relay();
const base = await run('relay', raw);
raw.child.kill();
const hd = await helpdesk();
const ours = await run('helpdesk', hd);
hd.child.kill('SIGINT');
await new Promise((r) => hd.child.once('exit', r));
fs.rmSync(hd.dataDir, { recursive: true, force: true });

const row = (label: string, r: typeof ours) =>
  `${label.padEnd(34)} v→a p50 ${pct(r.toAgent, 50).toFixed(2).padStart(6)} ms  p99 ${pct(r.toAgent, 99).toFixed(2).padStart(6)} ms   a→v p50 ${pct(r.toVisitor, 50).toFixed(2).padStart(6)} ms  p99 ${pct(r.toVisitor, 99).toFixed(2).padStart(6)} ms   lost ${r.lost}   RSS ${r.rssPerVisitorKb.toFixed(1)} KB/visitor   server CPU ${r.cpuPerMessage.toFixed(3)} ms/message`;
console.log(row('raw socket.io relay (no database)', base));
console.log(row('helpdesk (store, route, deliver)', ours));
const ratio = (a: number[], b: number[], p: number) => (pct(a, p) / pct(b, p)).toFixed(2);
for (const p of [50, 90, 99]) {
  console.log(
    `${p === 50 ? '\n' : ''}ratio p${p} helpdesk/relay: visitor → agent ${ratio(ours.toAgent, base.toAgent, p)}, agent → visitor ${ratio(ours.toVisitor, base.toVisitor, p)}`,
  );
}
console.log(`Targets: p99 ≤ 50 ms (v→a ${pct(ours.toAgent, 99).toFixed(1)} ms, a→v ${pct(ours.toVisitor, 99).toFixed(1)} ms), ratio ≤ 3`);
