import { and, asc, eq, sql } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import { transact, type Db, type Queryable } from '../client';
import { metricRollupParts, metricRollups, rollupPending, rollupRebuild, tickets } from '../schema';
import { limitRows, p, preparedPerConnection } from '../prepared';
import {
  COUNTERS,
  MEASURES,
  SPANS,
  addCounters,
  contributionsOf,
  countersAt,
  zeroCounters,
  spanStart,
  type Counters,
  type Measure,
  type RollupCohort,
  type RollupDimension,
  type RollupEntry,
  type RollupSource,
  type Span,
} from '../../lib/dashboard/rollup-contribution';
import {
  RollupsOutOfStep,
  StoredList,
  encodeList,
  merged,
  partValues,
  removeRowParts,
  storedParts,
  valuesOf,
  writeParts,
  type StoredColumn,
} from './metric-rollup-lists';

/**
 * Keeps `metric_rollups` equal to the sum of every ticket's contribution (lib/dashboard/rollup-contribution.ts).
 * The writers of facts, tags, SLA targets and surveys only note, before they change a ticket, what it contributed until then
 * (`markRollupPending`: one small insert, once per ticket between folds); `foldPendingRollups` later
 * takes the old contributions out and puts the current ones in, a batch at a time, each touched row
 * rewritten once. The dashboard folds before it reads, so its figures are never behind the facts; the
 * server also folds every few seconds. A rebuild is the same fold from nothing.
 */

/** A ticket's rollup source as JSON, from its facts and tags now (null without facts). */
const SOURCE_OF = `(select json_object(
    'channel', f.channel, 'teamId', f.team_id, 'assigneeId', f.assignee_id, 'priority', f.priority,
    'createdAt', f.created_at, 'firstCustomerMessageAt', f.first_customer_message_at,
    'firstResponseCalendarMs', f.first_response_calendar_ms, 'firstResponseBusinessMs', f.first_response_business_ms,
    'repliesBeforeFirstSolve', f.replies_before_first_solve, 'firstSolvedAt', f.first_solved_at,
    'resolutionCalendarMs', f.resolution_calendar_ms, 'resolutionBusinessMs', f.resolution_business_ms,
    'solvedTeamId', f.solved_team_id, 'solvedAssigneeId', f.solved_assignee_id, 'firstReopenAt', f.first_reopen_at,
    'isSpam', f.is_spam, 'csatScore', f.csat_score, 'csatMin', f.csat_min, 'csatMax', f.csat_max,
    'tagIds', json((select json_group_array(tt.tag_id) from ticket_tags tt where tt.ticket_id = f.ticket_id)),
    'slaTargets', json((select json_group_array(json_object('dueAt', st.due_at, 'met', st.state = 'met' and st.breached_at is null))
      from ticket_sla_targets st where st.ticket_id = f.ticket_id and st.state <> 'stopped' and st.due_at is not null)),
    'surveys', json((select json_group_array(json_object(
        'type', json_extract(r.question, '$.type'), 'sentAt', r.sent_at, 'teamId', r.team_id, 'agentId', r.agent_id, 'channel', r.channel_kind,
        'answerType', a.type, 'score', a.score, 'scaleMin', a.scale_min, 'scaleMax', a.scale_max))
      from survey_requests r left join survey_answers a on a.id = (select max(a2.id) from survey_answers a2 where a2.request_id = r.id)
      where r.ticket_id = f.ticket_id)))
  from ticket_facts f where f.ticket_id = :ticketId)`;

// The row's identity, its counters, the part size and each measure's list, count and sum.
const UPSERT_COLUMNS = (['dim', 'cohort', 'key', 'span', 'hour', ...COUNTERS, 'stride', ...MEASURES.flatMap((m) => [m, `${m}Count`, `${m}Sum`])] as const).map(
  (param) => ({ param, name: metricRollups[param as keyof typeof metricRollups.$inferSelect].name }),
);

const statements = preparedPerConnection((db) => {
  const sqlite = (db as unknown as { session: { client: Database.Database } }).session.client;
  return {
    isPending: sqlite.prepare(`select 1 from rollup_pending where ticket_id = ?`).pluck(),
    mark: sqlite.prepare(`insert into rollup_pending (ticket_id, old) values (:ticketId, ${SOURCE_OF})`),
    pending: sqlite.prepare(`select ticket_id as ticketId, old from rollup_pending order by ticket_id limit :limit`),
    source: sqlite.prepare(`select ${SOURCE_OF} as source`).pluck(),
    unmark: sqlite.prepare(`delete from rollup_pending where ticket_id = :ticketId`),
    rebuilding: sqlite.prepare(`select 1 from rollup_rebuild`).pluck(),
    row: db
      .select()
      .from(metricRollups)
      .where(
        and(
          eq(metricRollups.dim, p('dim')),
          eq(metricRollups.cohort, p('cohort')),
          eq(metricRollups.key, p('key')),
          eq(metricRollups.span, p('span')),
          eq(metricRollups.hour, p('hour')),
        ),
      )
      .prepare(),
    upsert: sqlite.prepare(
      `insert into metric_rollups (${UPSERT_COLUMNS.map((c) => c.name).join(', ')}) values (${UPSERT_COLUMNS.map((c) => `:${c.param}`).join(', ')})
       on conflict (dim, cohort, key, span, hour) do update set ${UPSERT_COLUMNS.slice(5)
         .map((c) => `${c.name} = excluded.${c.name}`)
         .join(', ')}
       returning id`,
    ),
    remove: sqlite.prepare(`delete from metric_rollups where id = ?`),
  };
});

/** Call before changing a ticket's facts, tags, SLA targets or surveys (in the same transaction). */
export function markRollupPending(db: Queryable, ticketId: number) {
  const s = statements(db);
  // Only the first change since the last fold records the old source: later ones keep it.
  if (!s.isPending.get(ticketId)) s.mark.run({ ticketId });
}

type Delta = Pick<RollupEntry, 'dim' | 'cohort' | 'key' | 'hour'> & {
  span: Span;
  counters: Counters;
  add: Record<Measure, number[]>;
  remove: Record<Measure, number[]>;
};

function collect(deltas: Map<string, Delta>, entries: RollupEntry[], sign: 1 | -1) {
  for (const e of entries) for (const span of SPANS) collectInto(deltas, e, span, sign);
}

function collectInto(deltas: Map<string, Delta>, e: RollupEntry, span: Span, sign: 1 | -1) {
  const hour = spanStart(e.hour, span);
  const id = `${e.dim}\u0000${e.cohort}\u0000${e.key}\u0000${span}\u0000${hour}`;
  let d = deltas.get(id);
  if (!d) {
    d = {
      dim: e.dim,
      cohort: e.cohort,
      key: e.key,
      span,
      hour,
      counters: zeroCounters(),
      add: { frtCal: [], frtBus: [], resCal: [], resBus: [] },
      remove: { frtCal: [], frtBus: [], resCal: [], resBus: [] },
    };
    deltas.set(id, d);
  }
  addCounters(d.counters, e.counters, sign);
  for (const m of MEASURES) if (e.values[m] !== undefined) (sign === 1 ? d.add : d.remove)[m].push(e.values[m]);
}

const sortNumbers = (a: number[]) => a.sort((x, y) => x - y);

/** A value taken out and put back (a ticket whose duration did not change) leaves the list alone. */
function cancelOut(add: number[], remove: number[]) {
  for (let i = remove.length - 1; i >= 0; i--) {
    const j = add.indexOf(remove[i]!);
    if (j >= 0) {
      add.splice(j, 1);
      remove.splice(i, 1);
    }
  }
}

type Row = typeof metricRollups.$inferSelect;
const columnOf = (row: Row, m: Measure): StoredColumn => ({ rowId: row.id, measure: m, head: row[m], count: row[`${m}Count`], stride: row.stride });

function apply(db: Queryable, d: Delta) {
  const s = statements(db);
  for (const m of MEASURES) cancelOut(d.add[m], d.remove[m]);
  const changed = COUNTERS.some((c) => d.counters[c] !== 0) || MEASURES.some((m) => d.add[m].length || d.remove[m].length);
  if (!changed) return;
  const at = { dim: d.dim, cohort: d.cohort, key: d.key, span: d.span, hour: d.hour };
  const stored = s.row.get(at) as Row | undefined;
  const where = `${d.dim}/${d.cohort}/${d.key || '-'}/${d.span}h/${d.hour}`;
  const counters = addCounters(stored ? addCounters(zeroCounters(), stored) : zeroCounters(), d.counters);
  if (COUNTERS.some((c) => counters[c] < 0)) throw new RollupsOutOfStep(`${where} would count below zero`);
  const stride = partValues();
  // A list whose values did not change keeps its bytes and parts, unless the part size changed.
  const lists = MEASURES.map((m) => {
    const column = stored ? columnOf(stored, m) : null;
    if (column && column.stride === stride && !d.add[m].length && !d.remove[m].length)
      return { m, list: { head: column.head, count: column.count, sum: stored![`${m}Sum`], parts: null }, old: [] };
    const old = column ? storedParts(db, column) : [];
    return { m, list: encodeList(merged(valuesOf(column, old), sortNumbers(d.add[m]), d.remove[m], where), stride, where), old };
  });
  if (counters.n === 0) {
    if (lists.some((l) => l.list.count > 0)) throw new RollupsOutOfStep(`${where} holds values of no ticket`);
    if (stored) {
      s.remove.run(stored.id);
      removeRowParts(db, stored.id);
    }
    return;
  }
  const columns = Object.fromEntries(
    lists.flatMap(({ m, list }) => [
      [m, list.head],
      [`${m}Count`, list.count],
      [`${m}Sum`, list.sum],
    ]),
  );
  const id = (s.upsert.get({ ...at, ...counters, stride, ...columns }) as { id: number }).id;
  for (const { m, list, old } of lists) if (list.parts) writeParts(db, id, m, list.parts, old, stored?.stride === stride);
}

/**
 * Folds the pending tickets, `batch` per transaction (at most `maxBatches` of them); returns how many were
 * folded. A batch that finds the rollups out of step with the facts is rolled back and the rollups start
 * over from nothing (`startRollupRebuild`): the next folds rebuild them while the dashboard reads the facts.
 */
export function foldPendingRollups(db: Db, batch = 2000, maxBatches = Infinity): number {
  let folded = 0;
  for (let b = 0; b < maxBatches; b++) {
    let n: number;
    try {
      n = transact(db, (tx) => foldBatch(tx, batch));
    } catch (err) {
      if (!(err instanceof RollupsOutOfStep)) throw err;
      startRollupRebuild(db, err.message);
      return folded;
    }
    folded += n;
    if (n < batch) {
      // Nothing left pending: a rebuild under way is complete.
      if (rollupsRebuilding(db)) db.delete(rollupRebuild).where(eq(rollupRebuild.id, REBUILD_ROW)).run();
      break;
    }
  }
  return folded;
}

function foldBatch(tx: Queryable, batch: number): number {
  const s = statements(tx);
  const rows = s.pending.all({ limit: batch }) as { ticketId: number; old: string | null }[];
  const deltas = new Map<string, Delta>();
  for (const r of rows) {
    const now = s.source.get({ ticketId: r.ticketId }) as string | null;
    if (now === r.old) continue;
    collect(deltas, contributionsOf(parse(r.old)), -1);
    collect(deltas, contributionsOf(parse(now)), 1);
  }
  for (const d of deltas.values()) apply(tx, d);
  for (const r of rows) s.unmark.run({ ticketId: r.ticketId });
  return rows.length;
}

/** The one row of `rollup_rebuild`. */
const REBUILD_ROW = 1;

/** Empties the rollups and notes every ticket as contributing nothing yet, so that folds put each one in again. */
function startOver(tx: Queryable) {
  // Emptied on purpose: a rebuild starts from nothing.
  tx.run(sql`delete from ${metricRollups}`);
  tx.run(sql`delete from ${metricRollupParts}`);
  tx.run(sql`delete from ${rollupPending}`);
  tx.run(sql`insert into ${rollupPending} (ticket_id, old) select ${tickets.id}, null from ${tickets}`);
}

/**
 * Starts the rollups over after a fold found them out of step, and says so on the server's log. The
 * background fold (2,000 tickets every 2 s) rebuilds them; until it is done the dashboard reads the facts
 * (right, only slower), and folds no more inside a request.
 */
export function startRollupRebuild(db: Db, reason: string) {
  console.warn(`${reason}; rebuilding the dashboard rollups from the facts, the dashboard reads the facts until then`);
  transact(db, (tx) => {
    startOver(tx);
    tx.insert(rollupRebuild).values({ id: REBUILD_ROW, startedAt: Date.now(), reason }).onConflictDoUpdate({ target: rollupRebuild.id, set: { reason } }).run();
  });
}

/** Whether a rebuild is under way (the rollups hold only part of the tickets). */
export function rollupsRebuilding(db: Queryable): boolean {
  return statements(db).rebuilding.get() !== undefined;
}

function parse(json: string | null): RollupSource | null {
  if (json === null) return null;
  const s = JSON.parse(json) as RollupSource;
  // Sources noted before targets and surveys were part of them have neither.
  return { ...s, tagIds: [...s.tagIds].sort((a, b) => a - b), slaTargets: s.slaTargets ?? [], surveys: s.surveys ?? [] };
}

/** Every ticket's contribution again, from its facts, tags, SLA targets and surveys alone: empties the rollups and folds every ticket. */
export function rebuildRollups(db: Db): number {
  transact(db, startOver);
  // Larger batches than the everyday fold's: fewer rewrites of each day's lists.
  return foldPendingRollups(db, 20_000);
}

export type RollupSlice = { dim: RollupDimension; key: string | null; cohort: RollupCohort; fromHour: number; toHour: number };

// Read past drizzle's row mapping, which costs more than the read: a month of one dimension is thousands of rows.
const countStatements = preparedPerConnection((db) => {
  const sqlite = (db as unknown as { session: { client: Database.Database } }).session.client;
  const columns = COUNTERS.map((c) => metricRollups[c].name);
  const where = (oneKey: boolean) =>
    `dim = :dim and cohort = :cohort ${oneKey ? 'and key = :key' : ''} and span = :span and hour >= :fromHour and hour < :toHour`;
  const rows = (oneKey: boolean) => sqlite.prepare(`select key, hour, ${columns.join(', ')} from metric_rollups where ${where(oneKey)}`).raw();
  const totals = (oneKey: boolean) =>
    sqlite.prepare(`select key, ${columns.map((c) => `sum(${c})`).join(', ')} from metric_rollups where ${where(oneKey)} group by key`).raw();
  return { rows: [rows(false), rows(true)], totals: [totals(false), totals(true)] };
});

type Part = { span: Span; fromHour: number; toHour: number };
const paramsOf = (s: RollupSlice, part: Part) => ({ dim: s.dim, cohort: s.cohort, ...part, ...(s.key === null ? {} : { key: s.key }) });
const hourly = (s: RollupSlice): Part[] => [{ span: 1, fromHour: s.fromHour, toHour: s.toHour }];

/** The slice's hours as the whole UTC days inside it (day rows) and the hours left at either end (hour rows). */
function partsOf(s: RollupSlice): Part[] {
  const firstDay = spanStart(s.fromHour + 23, 24);
  const lastDay = spanStart(s.toHour, 24);
  if (firstDay >= lastDay) return hourly(s);
  const parts: Part[] = [
    { span: 1, fromHour: s.fromHour, toHour: firstDay },
    { span: 24, fromHour: firstDay, toHour: lastDay },
    { span: 1, fromHour: lastDay, toHour: s.toHour },
  ];
  return parts.filter((p) => p.fromHour < p.toHour);
}

/** The counts of each hour and group in the slice: one group, or every group of the dimension when `key` is null. */
export function rollupCounts(db: Queryable, s: RollupSlice): (Counters & { key: string; hour: number })[] {
  return (countStatements(db).rows[Number(s.key !== null)]!.all(paramsOf(s, hourly(s)[0]!)) as unknown[][]).map((r) => ({
    key: r[0] as string,
    hour: r[1] as number,
    ...countersAt(r, 2),
  }));
}

/** The counts of the slice summed per group. */
export function rollupTotals(db: Queryable, s: RollupSlice): Map<string, Counters> {
  const totals = new Map<string, Counters>();
  for (const part of partsOf(s))
    for (const r of countStatements(db).totals[Number(s.key !== null)]!.all(paramsOf(s, part)) as unknown[][]) {
      const sum = totals.get(r[0] as string);
      if (sum) addCounters(sum, countersAt(r, 1));
      else totals.set(r[0] as string, countersAt(r, 1));
    }
  return totals;
}

// A measure's lists with their counts and sums, past drizzle's row mapping.
const listStatements = preparedPerConnection((db) => {
  const sqlite = (db as unknown as { session: { client: Database.Database } }).session.client;
  const of = (m: Measure, oneKey: boolean) => {
    const [list, count, sum] = [metricRollups[m].name, metricRollups[`${m}Count`].name, metricRollups[`${m}Sum`].name];
    return sqlite
      .prepare(
        `select id, key, hour, ${list}, ${count}, ${sum}, stride from metric_rollups where dim = :dim and cohort = :cohort ${oneKey ? 'and key = :key' : ''}
         and span = :span and hour >= :fromHour and hour < :toHour and ${count} > 0`,
      )
      .raw();
  };
  return new Map(MEASURES.flatMap((m) => [[`${m}1`, of(m, true)] as const, [`${m}*`, of(m, false)] as const]));
});

/** One measure's lists in the slice, per group: from day rows where whole days allow, or (`perHour`) from each hour's row. */
export function rollupLists(db: Queryable, s: RollupSlice, measure: Measure, o: { perHour?: boolean } = {}) {
  const statement = listStatements(db).get(`${measure}${s.key === null ? '*' : '1'}`)!;
  return (o.perHour ? hourly(s) : partsOf(s)).flatMap((part) =>
    (statement.all(paramsOf(s, part)) as [number, string, number, Buffer, number, number, number][]).map(([rowId, key, hour, head, count, sum, stride]) => ({
      key,
      hour,
      list: new StoredList(db, { rowId, measure, head, count, stride }, sum),
    })),
  );
}

/**
 * Every rollup row as stored, in key order, with each list's values in place of its column, and how many
 * parts there are (the rebuild-equals-incremental check compares two of these: ids may differ).
 */
export function allRollupRows(db: Queryable) {
  const rows = db
    .select()
    .from(metricRollups)
    .orderBy(asc(metricRollups.dim), asc(metricRollups.cohort), asc(metricRollups.key), asc(metricRollups.span), asc(metricRollups.hour))
    .limit(limitRows(10_000_000))
    .all()
    .map(({ id, ...row }) => ({
      ...row,
      ...Object.fromEntries(MEASURES.map((m) => [m, [...valuesOf(columnOf({ id, ...row }, m), storedParts(db, columnOf({ id, ...row }, m)))]])),
    }));
  const parts = db
    .select({ n: sql<number>`count(*)` })
    .from(metricRollupParts)
    .get()!.n;
  return { rows, parts };
}
