// The team dashboard at scale: each panel through the tRPC caller next to a raw aggregate over
// `ticket_events` computing the same figure in the same run, and the ratio.
// Usage: npm run bench:dashboard -- [--tickets 1000000] [--db /path/to/existing.db] [--runs 30] [--raw-runs 5]
// Targets (issue #17): whole page ≤ 200 ms p95, each panel ≥ 10× faster than its raw aggregate.
import { parseArgs } from 'node:util';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { performance } from 'node:perf_hooks';
import { setDb } from '@/db/client';
import { openSeededDatabase } from './seeded-database';
import { findAgentByEmail } from '@/db/queries/agents';
import { createCaller } from '@/server/trpc/root';
import { dashboardScope } from '@/server/dashboard/dashboard-scope';
import { dashboardFiltersSchema, type DashboardFiltersInput } from '@/lib/dashboard/dashboard-filters';
import type { Viewer } from '@/server/auth/sessions';

const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '1000000' },
    db: { type: 'string' },
    runs: { type: 'string', default: '30' },
    'raw-runs': { type: 'string', default: '5' },
  },
});
const runs = Number(values.runs);
const rawRuns = Number(values['raw-runs']);

const { db, cleanup } = openSeededDatabase({ file: values.db, tickets: Number(values.tickets), policies: true });
setDb(db);
const sqlite = db.$client;
const counts = sqlite
  .prepare('select (select count(*) from tickets) t, (select count(*) from ticket_events) e, (select max(created_at) from tickets) last')
  .get() as {
  t: number;
  e: number;
  last: number;
};
console.log(`Database: ${counts.t.toLocaleString('en')} tickets, ${counts.e.toLocaleString('en')} events\n`);

// One lead asking for thousands of panels a minute: lift the per-agent limit that protects the inbox
// from such a loop (server/dashboard/dashboard-limits.ts), or the run stops at the 300th request.
(globalThis as { __helpdeskDashboardLimits?: unknown }).__helpdeskDashboardLimits = {
  reads: new RateLimiterMemory({ points: Number.MAX_SAFE_INTEGER, duration: 60 }),
  exports: new RateLimiterMemory({ points: Number.MAX_SAFE_INTEGER, duration: 60 }),
};
const lead = findAgentByEmail(db, 'lena@demo.local')!;
const viewer: Viewer = { id: lead.id, name: lead.name, email: lead.email, role: lead.role, locale: null, sessionId: 'bench' };
const caller = createCaller({ db, viewer, ip: '127.0.0.1', originOk: true });
// The data's own "now" (its newest ticket), so the ranges hold data whenever the database was made.
const lastDay = new Date(counts.last).toISOString().slice(0, 10);
const daysBefore = (n: number) => new Date(counts.last - (n - 1) * 86_400_000).toISOString().slice(0, 10);

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95) };
}
async function measure(fn: () => unknown, n: number) {
  await fn(); // warm the page cache and JIT
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

/** The raw side: the same figures folded from the events at query time, the way a helpdesk without facts computes them. */
function rawQueries(filters: DashboardFiltersInput) {
  const scope = dashboardScope(db, viewer, dashboardFiltersSchema.parse(filters), counts.last);
  const { from, to } = scope.window;
  const pieces = scope.pieces;
  const local = (col: string) =>
    pieces.length === 1
      ? `(${col} + ${pieces[0]!.offsetMs})`
      : `(${col} + case ${pieces
          .slice(0, -1)
          .map((p) => `when ${col} < ${p.until} then ${p.offsetMs}`)
          .join(' ')} else ${pieces.at(-1)!.offsetMs} end)`;
  // Per first-solved ticket: its public replies before the solve and its first reopen after it.
  const contact = `with fs as (
      select ticket_id, min(created_at) solved_at from ticket_events
      where type = 'status_changed' and json_extract(data, '$.to') = 'solved' group by ticket_id
    ), c as (
      select fs.ticket_id, fs.solved_at,
        (select count(*) from ticket_events e where e.ticket_id = fs.ticket_id and e.type = 'public_reply' and e.created_at <= fs.solved_at) replies,
        (select min(e.created_at) from ticket_events e where e.ticket_id = fs.ticket_id and e.type = 'status_changed'
           and json_extract(e.data, '$.from') in ('solved', 'closed') and json_extract(e.data, '$.to') not in ('solved', 'closed') and e.created_at > fs.solved_at) reopen_at
      from fs where fs.solved_at >= ${from} and fs.solved_at < ${to}
    )`;
  const fcrCase = (n: number) => `sum(case when replies = ${n} and (reopen_at is null or reopen_at - solved_at > 604800000) then 1 else 0 end)`;
  const createdIn = `select ticket_id from ticket_events where type = 'created' and created_at >= ${from} and created_at < ${to}`;
  const frt = `select json_extract(data, '$.firstResponse.calendarMs') ms, ticket_id from ticket_events where type = 'public_reply' and json_extract(data, '$.firstResponse') is not null`;
  const firstMessage = `select ticket_id, min(created_at) at from ticket_events where type = 'customer_message' group by ticket_id`;
  const q = (sql: string) => sqlite.prepare(sql);
  const headline = [
    q(`select count(*) n from ticket_events where type = 'created' and created_at >= ${from} and created_at < ${to}`),
    q(`${contact} select count(*) n, ${fcrCase(1)} first from c where replies >= 1`),
    q(`select count(*) n, median(ms) median from (${frt}) where ticket_id in (${createdIn})`),
    q(`select count(*) n, median(json_extract(data, '$.resolution.calendarMs')) median from ticket_events e
       where type = 'status_changed' and json_extract(data, '$.to') = 'solved' and ticket_id in (${createdIn})
       and created_at = (select min(created_at) from ticket_events s where s.ticket_id = e.ticket_id and s.type = 'status_changed' and json_extract(s.data, '$.to') = 'solved')`),
  ];
  const trend = q(
    `${contact} select cast(${local('solved_at')} / 86400000 as integer) day, count(*) n, ${fcrCase(1)} first, ${fcrCase(2)} second, ${fcrCase(3)} third from c where replies >= 1 group by day`,
  );
  const staffing = q(`select ((cast(${local('m.at')} / 3600000 as integer) + 72) % 168) slot, count(*) n, median(f.ms) median
    from (${firstMessage}) m left join (${frt}) f on f.ticket_id = m.ticket_id where m.at >= ${from} and m.at < ${to} group by slot`);
  const byChannel = q(`select json_extract(c.data, '$.channel') channel, count(*) n, median(f.ms) median from ticket_events c
    left join (${frt}) f on f.ticket_id = c.ticket_id where c.type = 'created' and c.created_at >= ${from} and c.created_at < ${to} group by channel`);
  return {
    headline: () => headline.map((s) => s.get()),
    trend: () => trend.all(),
    staffing: () => staffing.all(),
    byChannel: () => byChannel.all(),
  };
}

type Row = { name: string; trpc: { p50: number; p95: number }; raw: { p50: number; p95: number } | null };
for (const [label, filters] of [
  ['90 days (all)', { range: 'custom', from: daysBefore(90), to: lastDay, clock: 'calendar' }],
  ['30 days', { range: 'custom', from: daysBefore(30), to: lastDay, clock: 'calendar' }],
] as const) {
  const input = { filters: filters as DashboardFiltersInput } as { filters: ReturnType<typeof dashboardFiltersSchema.parse> };
  const raw = rawQueries(filters);
  const panels: [string, () => unknown, (() => unknown) | null][] = [
    ['headline (11 figures, 2 periods)', () => caller.dashboard.headline(input), raw.headline],
    ['trend (FCR per week)', () => caller.dashboard.trend(input), raw.trend],
    ['staffing (weekday × hour)', () => caller.dashboard.staffing(input), raw.staffing],
    ['breakdown by channel', () => caller.dashboard.breakdown({ ...input, dimension: 'channel' }), raw.byChannel],
    ['breakdown by team', () => caller.dashboard.breakdown({ ...input, dimension: 'team' }), null],
    ['reasons by tag, with trend', () => caller.dashboard.breakdown({ ...input, dimension: 'tag', compare: true }), null],
    ['breakdown by form answer', () => caller.dashboard.breakdown({ ...input, dimension: 'form_answer' }), null],
    ['live strip', () => caller.dashboard.live(input), null],
  ];
  const rows: Row[] = [];
  for (const [name, trpc, rawFn] of panels) rows.push({ name, trpc: await measure(trpc, runs), raw: rawFn ? await measure(rawFn, rawRuns) : null });
  // The whole page: the requests the browser makes when it opens the page (app/(agent)/dashboard/_components/dashboard-app.tsx),
  // one after the other (the server runs them on one thread): the live strip, the headline, the trend, the staffing view, the
  // breakdown (its first dimension, team) and the complaint reasons (tags, with the period before for their trend).
  const page = await measure(async () => {
    await caller.dashboard.live(input);
    await caller.dashboard.headline(input);
    await caller.dashboard.trend(input);
    await caller.dashboard.staffing(input);
    await caller.dashboard.breakdown({ ...input, dimension: 'team' });
    await caller.dashboard.breakdown({ ...input, dimension: 'tag', compare: true });
  }, runs);

  const f = (n: number) => n.toFixed(1).padStart(8);
  console.log(`${label}`);
  console.log(`${'panel'.padEnd(34)} ${'tRPC p50'.padStart(10)} ${'p95'.padStart(9)}  ${'raw p50'.padStart(10)} ${'p95'.padStart(9)}  raw/tRPC (p50)`);
  for (const r of rows)
    console.log(
      `${r.name.padEnd(34)} ${f(r.trpc.p50)}ms ${f(r.trpc.p95)}ms  ${r.raw ? `${f(r.raw.p50)}ms ${f(r.raw.p95)}ms  ${(r.raw.p50 / r.trpc.p50).toFixed(1)}×` : '        (no event aggregate: reads facts or live tickets only)'}`,
    );
  console.log(`${'whole page (all panels)'.padEnd(34)} ${f(page.p50)}ms ${f(page.p95)}ms   target p95 ≤ 200 ms\n`);
}
cleanup();
