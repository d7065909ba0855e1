import type { Db } from '../client';
import { foldPendingRollups, rollupsRebuilding, rollupCounts, rollupLists, rollupTotals, type RollupSlice } from './metric-rollups';
import { DAY_MS, type MetricsFilter, type Scope } from './metrics-filter';
import {
  HOUR_MS,
  addCounters,
  zeroCounters,
  type Counters,
  type Measure,
  type RollupCohort,
  type RollupDimension,
} from '../../lib/dashboard/rollup-contribution';
import { summarize, type SortedList } from '../../lib/dashboard/order-statistics';
import type { OffsetPiece } from '../../lib/time/zone-offsets';
import type { Dimension } from '../../lib/dashboard/figure-kinds';
import { SURVEY_TYPES, type SurveyType } from '../../lib/surveys/survey-policy';
import type { SurveyCounts } from './metrics';

/**
 * The dashboard's figures read from the hourly and daily rollups instead of scanning the facts: the same numbers
 * (tests hold the two side by side), at a cost that grows with the hours in the window rather than with
 * the tickets. A rollup holds one group, so a query qualifies when it filters by at most one of team,
 * agent, channel, priority and tag, and its window and zone fall on whole hours (every zone the
 * dashboard offers but a few half-hour ones), and while the rollups are not being rebuilt; otherwise
 * each caller reads the facts. Each read first folds what the writers left pending, so the figures are
 * never behind the facts.
 */
type Window = Pick<MetricsFilter, 'from' | 'to'>;
type Group = { dim: RollupDimension; key: string };

/** The one group the filter keeps, or null when it keeps the intersection of two or more. */
export function rollupGroupOf(f: Scope): Group | null {
  const set: Group[] = [];
  if (f.teamId != null) set.push({ dim: 'team', key: String(f.teamId) });
  if (f.agentId != null) set.push({ dim: 'agent', key: String(f.agentId) });
  if (f.channel) set.push({ dim: 'channel', key: f.channel });
  if (f.priority) set.push({ dim: 'priority', key: f.priority });
  if (f.tagId != null) set.push({ dim: 'tag', key: String(f.tagId) });
  return set.length > 1 ? null : (set[0] ?? { dim: 'all', key: '' });
}

const wholeHours = (w: Window, pieces: readonly OffsetPiece[] = []) =>
  w.from % HOUR_MS === 0 && w.to % HOUR_MS === 0 && pieces.every((p) => p.offsetMs % HOUR_MS === 0);

/** The slice of a filter's group and window, or null when the rollups cannot answer it. */
function sliceOf(db: Db, f: Window & Scope & { cohort: RollupCohort }, pieces?: readonly OffsetPiece[]): RollupSlice | null {
  const group = rollupGroupOf(f);
  if (!group || !wholeHours(f, pieces) || rollupsRebuilding(db)) return null;
  foldPendingRollups(db);
  return { ...group, cohort: f.cohort, fromHour: f.from / HOUR_MS, toHour: f.to / HOUR_MS };
}

const round = (v: number | null) => (v === null ? null : Math.round(v));
function durationStats(lists: SortedList[]) {
  const { n, mean, percentiles } = summarize(lists, [50, 90]);
  return { n, median: round(percentiles[0] ?? null), p90: round(percentiles[1] ?? null), mean: round(mean) };
}
const measureOf = (kind: 'frt' | 'res', clock: 'calendar' | 'business'): Measure => `${kind}${clock === 'calendar' ? 'Cal' : 'Bus'}`;

/**
 * cohortSummary (db/queries/metrics.ts) from the rollups, or null. The durations read every value in the
 * window, the counts only one row per hour: `durations: false` leaves them out (null) where unused.
 */
export function cohortSummaryFromRollups(db: Db, f: MetricsFilter & { clock: 'calendar' | 'business' }, durations = true) {
  const slice = sliceOf(db, f);
  if (!slice) return null;
  const t = rollupTotals(db, slice).get(slice.key!) ?? zeroCounters();
  const stats = (m: Measure) => (durations ? durationStats(rollupLists(db, slice, m).map((r) => r.list)) : null);
  return {
    n: t.n,
    firstResponse: stats(measureOf('frt', f.clock)),
    resolution: stats(measureOf('res', f.clock)),
    contact: { n: t.contacted, first: t.first, second: t.second, third: t.third, oneTouch: t.oneTouch },
    reopened: t.reopened,
  };
}

/** The summed counts of one cohort of the filter's group in the window, or null. */
function countsOf(db: Db, f: Window & Scope, cohort: RollupCohort): Counters | null {
  const slice = sliceOf(db, { ...f, cohort });
  return slice ? (rollupTotals(db, slice).get(slice.key!) ?? zeroCounters()) : null;
}

/** The SLA targets that came due in the window and those met on time (slaCountsFromFacts in metrics.ts), or null. */
export function slaCountsFromRollups(db: Db, f: Window & Scope) {
  const c = countsOf(db, f, 'sla');
  return c && { n: c.n, met: c.slaMet };
}

/** surveyCountsFromFacts (metrics.ts) from the rollups, or null. */
export function surveyCountsFromRollups(db: Db, f: Window & Scope): Record<SurveyType, SurveyCounts> | null {
  const counts = SURVEY_TYPES.map((type) => countsOf(db, f, type));
  if (counts.some((c) => c === null)) return null;
  const [csat, nps, ces] = counts.map((c) => ({
    sent: c!.n,
    answered: c!.answered,
    satisfied: c!.satisfied,
    promoters: c!.promoters,
    detractors: c!.detractors,
    scoreSum: c!.scoreSum,
  }));
  return { csat: csat!, nps: nps!, ces: ces! };
}

/**
 * The backlog at the end of the window (created before it ended, not first solved by then) as every
 * ticket created before the end less every ticket first solved before it: a ticket is solved after it
 * was created. The team and agent of a backlog are the current ones, the solved rollups' the solving
 * ones: with a team or agent filter this returns null.
 */
export function backlogFromRollups(db: Db, f: Window & Scope): number | null {
  const group = rollupGroupOf(f);
  if (!group || group.dim === 'team' || group.dim === 'agent') return null;
  const total = (cohort: 'created' | 'solved') => {
    const slice = sliceOf(db, { ...f, from: 0, cohort });
    return slice ? (rollupTotals(db, slice).get(slice.key!)?.n ?? 0) : null;
  };
  const created = total('created');
  const solved = total('solved');
  return created === null || solved === null ? null : created - solved;
}

const offsetAt = (pieces: readonly OffsetPiece[], at: number) => (pieces.find((p) => at < p.until) ?? pieces.at(-1)!).offsetMs;
/** Local whole days since 1970-01-01 and local hours, as localMs (metrics-filter.ts) computes them in SQL. */
const localDayOf = (pieces: readonly OffsetPiece[], hour: number) => Math.floor((hour * HOUR_MS + offsetAt(pieces, hour * HOUR_MS)) / DAY_MS);
const localHourOf = (pieces: readonly OffsetPiece[], hour: number) => hour + offsetAt(pieces, hour * HOUR_MS) / HOUR_MS;

function sumBy<K>(rows: (Counters & { hour: number })[], keyOf: (hour: number) => K) {
  const sums = new Map<K, Counters>();
  for (const r of rows) {
    const k = keyOf(r.hour);
    sums.set(k, addCounters(sums.get(k) ?? zeroCounters(), r));
  }
  return sums;
}

/** volumeByDay (metrics-series.ts) from the rollups, or null. */
export function volumeByDayFromRollups(db: Db, f: Window & Scope, pieces: readonly OffsetPiece[]) {
  const per = (cohort: 'created' | 'solved') => {
    const slice = sliceOf(db, { ...f, cohort }, pieces);
    if (!slice) return null;
    return [...sumBy(rollupCounts(db, slice), (h) => localDayOf(pieces, h))].map(([day, c]) => ({ day, n: c.n }));
  };
  const created = per('created');
  const solved = per('solved');
  return created && solved ? { created, solved } : null;
}

/** contactResolutionByDay (metrics-series.ts) from the rollups, or null. */
export function contactResolutionByDayFromRollups(db: Db, f: Window & Scope, pieces: readonly OffsetPiece[]) {
  const slice = sliceOf(db, { ...f, cohort: 'solved' }, pieces);
  if (!slice) return null;
  return [...sumBy(rollupCounts(db, slice), (h) => localDayOf(pieces, h))]
    .filter(([, c]) => c.contacted > 0)
    .map(([day, c]) => ({ day, n: c.contacted, first: c.first, second: c.second, third: c.third, oneTouch: c.oneTouch }));
}

/**
 * incomingBy (metrics-series.ts) from the rollups for both units at once (one read of the window's
 * hours), or null; they keep the waits in calendar time only.
 */
export function incomingByFromRollups(db: Db, f: Window & Scope, pieces: readonly OffsetPiece[], clock: 'calendar' | 'business') {
  if (clock !== 'calendar') return null;
  const slice = sliceOf(db, { ...f, cohort: 'incoming' }, pieces);
  if (!slice) return null;
  // 1970-01-01 was a Thursday: Monday-first hours of the week start 72 hours earlier.
  const hourOfWeek = (hour: number) => (((localHourOf(pieces, hour) + 72) % 168) + 168) % 168;
  const counts = rollupCounts(db, slice);
  const values = rollupLists(db, slice, 'frtCal', { perHour: true });
  const per = (keyOf: (hour: number) => number) => {
    const lists = groupLists(values, (r) => keyOf(r.hour));
    return [...sumBy(counts, keyOf)].map(([key, c]) => {
      const d = summarize(lists.get(key) ?? [], [50]);
      return { key, n: c.n, answered: d.n, medianMs: d.percentiles[0] ?? null, meanMs: d.mean };
    });
  };
  return { hourOfWeek: per(hourOfWeek), weekday: per((h) => Math.floor(hourOfWeek(h) / 24)) };
}

/** The rows' value lists by group. */
function groupLists<K, R extends { list: SortedList }>(rows: R[], keyOf: (r: R) => K): Map<K, SortedList[]> {
  const lists = new Map<K, SortedList[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = lists.get(k);
    if (list) list.push(r.list);
    else lists.set(k, [r.list]);
  }
  return lists;
}

const KEY_TYPE: Record<Exclude<Dimension, 'form_answer'>, 'id' | 'text'> = { team: 'id', agent: 'id', tag: 'id', channel: 'text', priority: 'text' };

/** SQL's order of group keys: null first, then ascending. */
function compareKeys(a: string | number | null, b: string | number | null) {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** breakdown (metrics-breakdowns.ts) from the rollups, or null: the filter may keep only one group, of the same dimension; without `durations` the medians are null. */
export function breakdownFromRollups(db: Db, f: MetricsFilter & { clock: 'calendar' | 'business' }, dimension: Dimension, limit: number, durations = true) {
  if (dimension === 'form_answer') return null;
  const group = rollupGroupOf(f);
  // A ticket has one team, agent, channel and priority, but many tags: the tags of the tickets tagged T are more than T.
  if (!group || (group.dim !== 'all' && (group.dim !== dimension || dimension === 'tag'))) return null;
  const slice = sliceOf(db, f);
  if (!slice) return null;
  const byDim: RollupSlice = { ...slice, dim: dimension, key: group.dim === 'all' ? null : group.key };
  const counts = rollupTotals(db, byDim);
  const median = (m: Measure) => {
    if (!durations) return () => null;
    const lists = groupLists(rollupLists(db, byDim, m), (r) => r.key);
    return (key: string) => summarize(lists.get(key) ?? [], [50]).percentiles[0] ?? null;
  };
  const frt = median(measureOf('frt', f.clock));
  const res = median(measureOf('res', f.clock));
  const keyOf = (k: string) => (k === '' ? null : KEY_TYPE[dimension] === 'id' ? Number(k) : k);
  return [...counts]
    .map(([k, c]) => ({
      key: keyOf(k),
      formId: null,
      field: null,
      n: c.n,
      contacted: c.contacted,
      fcr: c.first,
      reopened: c.reopened,
      frtMedianMs: frt(k),
      resolutionMedianMs: res(k),
      csatAnswers: c.csatAnswers,
      csatSatisfied: c.csatSatisfied,
    }))
    .sort((a, b) => b.n - a.n || compareKeys(a.key, b.key))
    .slice(0, limit);
}
