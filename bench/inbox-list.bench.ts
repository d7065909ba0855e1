// Inbox list and full-text search at scale: the tRPC caller next to the same SQL run raw on better-sqlite3.
// Usage: npm run bench -- [--tickets 1000000] [--db /path/to/existing.db] [--runs 300]
// Prints p50/p99 per query and the ratio tRPC/raw. Targets (issue #2): list p50 ≤ 10 ms, ratio ≤ 2; search p50 ≤ 30 ms.
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import type { Statement } from 'better-sqlite3';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { setDb } from '@/db/client';
import { openSeededDatabase } from './seeded-database';
import { countTickets, selectTicketKeys, selectTicketRows, type TicketListWhere } from '@/db/queries/ticket-list';
import { searchTicketIdsSql, SEARCH_CANDIDATES } from '@/db/queries/search';
import { findAgentByEmail } from '@/db/queries/agents';
import { DEFAULT_VIEW, VIEWS, ticketFilterSchema, type TicketFilter } from '@/lib/ticket-filter';
import { VIEW_COUNT_CAP } from '@/lib/saved-views';
import { toFtsQuery } from '@/server/search/fts-query';
import { indexAllRows } from '@/db/queries/search-index';
import { createCaller } from '@/server/trpc/root';
import type { Viewer } from '@/server/auth/sessions';

const { values } = parseArgs({
  options: { tickets: { type: 'string', default: '1000000' }, db: { type: 'string' }, runs: { type: 'string', default: '300' } },
});
const runs = Number(values.runs);
const dialect = new SQLiteSyncDialect();

const { db, cleanup } = openSeededDatabase({ file: values.db, tickets: Number(values.tickets) });
setDb(db);
const counts = db.$client.prepare('select (select count(*) from tickets) t, (select count(*) from messages) m').get() as { t: number; m: number };
console.log(`Database: ${counts.t.toLocaleString('en')} tickets, ${counts.m.toLocaleString('en')} messages`);
// A database made before a change of the index's word forms has its full-text tables emptied by the
// migration; the server would fill them at start, the benchmark does it here and says what it cost.
const t0 = performance.now();
const indexed = indexAllRows(db);
if (indexed) console.log(`Indexed ${indexed.toLocaleString('en')} rows (words and stems) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const ftsBytes = db.$client.prepare(`select sum(pgsize) b from dbstat where name like '%\\_fts\\_%' escape '\\'`).get() as { b: number };
console.log(`Full-text index: ${(ftsBytes.b / 2 ** 20).toFixed(0)} MiB\n`);

const agent = findAgentByEmail(db, 'jana@demo.local')!;
const viewer: Viewer = { id: agent.id, name: agent.name, email: agent.email, role: agent.role, locale: null, sessionId: 'bench' };
const caller = createCaller({ db, viewer, ip: '127.0.0.1', originOk: true });

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

async function measure(fn: () => unknown | Promise<unknown>) {
  for (let i = 0; i < 20; i++) await fn(); // warm the page cache and JIT
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

/** The raw side: the exact SQL drizzle generates, prepared once on better-sqlite3, merged the same way. */
function rawList(where: TicketListWhere, ftsQuery?: string) {
  const statuses = where.status?.length ? where.status : [undefined];
  const search = ftsQuery ? dialect.sqlToQuery(searchTicketIdsSql(ftsQuery, SEARCH_CANDIDATES)) : null;
  const searchStmt = search ? db.$client.prepare(search.sql) : null;
  const keyStmts = new Map<string, Statement>();
  let rowsStmt: Statement | null = null;
  return () => {
    const ids = searchStmt ? (searchStmt.all(...search!.params) as { id: number }[]).map((r) => r.id) : undefined;
    const w = { ...where, ids };
    const keys = statuses
      .flatMap((s) => {
        const q = selectTicketKeys(db, w, s, undefined, 51).toSQL();
        let stmt = keyStmts.get(`${s}:${q.params.length}`);
        if (!stmt) keyStmts.set(`${s}:${q.params.length}`, (stmt = db.$client.prepare(q.sql)));
        return stmt.all(...q.params) as { id: number; at: number }[];
      })
      .sort((a, b) => b.at - a.at || b.id - a.id)
      .slice(0, 51);
    if (!keys.length) return [];
    const q = selectTicketRows(
      db,
      where.viewerId,
      keys.map((k) => k.id),
    ).toSQL();
    if (!rowsStmt || keys.length !== 51) rowsStmt = db.$client.prepare(q.sql);
    return rowsStmt.all(...q.params);
  };
}

const rows: { name: string; trpc: { p50: number; p99: number }; raw: { p50: number; p99: number } }[] = [];

const defaultFilter = ticketFilterSchema.parse(DEFAULT_VIEW);
rows.push({
  name: 'inbox default (unsolved, me/unassigned)',
  trpc: await measure(() => caller.tickets.list({ filter: DEFAULT_VIEW, limit: 50 })),
  raw: await measure(rawList({ ...defaultFilter, viewerId: viewer.id, now: Date.now() })),
});

// Filters the views combine with: a team's queue, one channel, and one customer's tickets (the last has no
// activity index of its own: a customer's few tickets are read by tickets_customer_channel and sorted).
const busiest = db.$client.prepare('select customer_id id from tickets group by customer_id order by count(*) desc limit 1').get() as { id: number };
const filters: [string, TicketFilter][] = [
  ['team filter (unsolved, one team)', { status: DEFAULT_VIEW.status, assignee: 'any', teamId: 1 }],
  ['channel filter (all, chat)', { assignee: 'any', channel: ['chat'] }],
  ['customer filter (all, busiest customer)', { assignee: 'any', customerId: busiest.id }],
];
for (const [name, filter] of filters) {
  rows.push({
    name,
    trpc: await measure(() => caller.tickets.list({ filter, limit: 50 })),
    raw: await measure(rawList({ ...ticketFilterSchema.parse(filter), viewerId: viewer.id, now: Date.now() })),
  });
}

// The sidebar's counts: every built-in view counted up to VIEW_COUNT_CAP (views.counts), beside the same
// counts without the cap (what an exact count of "All tickets" or "Solved" costs at this size).
rows.push({
  name: `sidebar counts (${VIEWS.length} views, capped at ${VIEW_COUNT_CAP})`,
  trpc: await measure(() => caller.views.counts()),
  raw: await measure(() => {
    for (const v of VIEWS) countTickets(db, { ...ticketFilterSchema.parse(v.filter), viewerId: viewer.id, now: Date.now() }, Number.MAX_SAFE_INTEGER);
  }),
});

// Words, German inflections and umlaut spellings of words the data holds as "Rechnung", "Lieferung" and
// "verspätet", a word being typed, a surname, an email prefix, an order number being typed, a short term
// that is no prefix, a ticket number and a phone number as typed (both looked up exactly beside the
// words; the raw side runs the words only).
const middle = (db.$client.prepare('select number from tickets order by id limit 1 offset ?').get(Math.floor(counts.t / 2)) as { number: number }).number;
for (const term of [
  'Rechnung',
  'Rechnungen',
  'verspaetet',
  'Lieferu',
  'refund',
  'Müller',
  'anna.muel',
  'A-59',
  'A-593412',
  'a',
  `#${middle}`,
  '+49 1500 002545',
]) {
  const fts = toFtsQuery(term)!;
  rows.push({
    name: `search "${term}"`,
    trpc: await measure(() => caller.tickets.list({ filter: { q: term }, limit: 50 })),
    raw: await measure(rawList({ viewerId: viewer.id, assignee: 'any', now: Date.now() }, fts)),
  });
}

const f = (n: number) => n.toFixed(2).padStart(7);
console.log(`${'query'.padEnd(42)} ${'tRPC p50'.padStart(9)} ${'p99'.padStart(7)}  ${'raw p50'.padStart(8)} ${'p99'.padStart(7)}  ratio(p50)`);
for (const r of rows) {
  console.log(`${r.name.padEnd(42)} ${f(r.trpc.p50)}ms ${f(r.trpc.p99)}ms ${f(r.raw.p50)}ms ${f(r.raw.p99)}ms  ${(r.trpc.p50 / r.raw.p50).toFixed(2)}`);
}
const list = rows[0]!;
const searchP50 = Math.max(...rows.filter((r) => r.name.startsWith('search')).map((r) => r.trpc.p50));
console.log(
  `\nTargets: list p50 ${list.trpc.p50.toFixed(2)} ms (≤ 10), ratio ${(list.trpc.p50 / list.raw.p50).toFixed(2)} (≤ 2), worst search p50 ${searchP50.toFixed(2)} ms (≤ 30)`,
);
db.$client.close();
cleanup();
