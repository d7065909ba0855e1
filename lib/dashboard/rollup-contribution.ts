import { READINGS } from '../surveys/survey-scoring';

/**
 * What one ticket adds to the dashboard's hourly rollups (db/schema/metric-rollups.ts): for each cohort
 * whose time it has (created, first solved, first customer message), one entry per group it belongs to
 * (all tickets, its team, agent, channel, priority and each tag; for the solved cohort the team and
 * agent it was solved by), holding its counts and its duration values. The counts follow DESIGN.md §5
 * exactly as db/queries/metrics-figures.ts writes them in SQL, so a figure read from rollups equals the
 * same figure read from the facts. Spam adds nothing. Universal: a pure function of the ticket's facts.
 */
export const ROLLUP_COHORTS = ['created', 'solved', 'incoming'] as const;
export type RollupCohort = (typeof ROLLUP_COHORTS)[number];
export const ROLLUP_DIMENSIONS = ['all', 'team', 'agent', 'channel', 'priority', 'tag'] as const;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];
export const MEASURES = ['frtCal', 'frtBus', 'resCal', 'resBus'] as const;
export type Measure = (typeof MEASURES)[number];
export const COUNTERS = ['n', 'contacted', 'first', 'second', 'third', 'oneTouch', 'reopened', 'csatAnswers', 'csatSatisfied'] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counters = Record<Counter, number>;

// Written out counter by counter, not looped over COUNTERS: the fold adds counts tens of times per
// ticket, and V8 runs these about 40× faster than keyed access by name (a test checks they cover COUNTERS).
export const zeroCounters = (): Counters => ({ n: 0, contacted: 0, first: 0, second: 0, third: 0, oneTouch: 0, reopened: 0, csatAnswers: 0, csatSatisfied: 0 });

/** Adds `sign` times `row`'s counts to `sum` (changed in place) and returns it. */
export function addCounters(sum: Counters, row: Counters, sign = 1): Counters {
  sum.n += sign * row.n;
  sum.contacted += sign * row.contacted;
  sum.first += sign * row.first;
  sum.second += sign * row.second;
  sum.third += sign * row.third;
  sum.oneTouch += sign * row.oneTouch;
  sum.reopened += sign * row.reopened;
  sum.csatAnswers += sign * row.csatAnswers;
  sum.csatSatisfied += sign * row.csatSatisfied;
  return sum;
}

/** The counts in a raw row's columns from `at` on, in COUNTERS order. */
export const countersAt = (row: readonly unknown[], at: number): Counters => ({
  n: row[at] as number,
  contacted: row[at + 1] as number,
  first: row[at + 2] as number,
  second: row[at + 3] as number,
  third: row[at + 4] as number,
  oneTouch: row[at + 5] as number,
  reopened: row[at + 6] as number,
  csatAnswers: row[at + 7] as number,
  csatSatisfied: row[at + 8] as number,
});

/** A solve followed by a reopen within this long is no resolution (FCR). */
export const REOPEN_WINDOW_MS = 7 * 24 * 3600_000;
export const HOUR_MS = 3600_000;

/** The facts a ticket's contribution is made of (the columns of ticket_facts it reads, and its tag ids). */
export type RollupSource = {
  channel: string | null;
  teamId: number | null;
  assigneeId: number | null;
  priority: string | null;
  createdAt: number | null;
  firstCustomerMessageAt: number | null;
  firstResponseCalendarMs: number | null;
  firstResponseBusinessMs: number | null;
  repliesBeforeFirstSolve: number;
  firstSolvedAt: number | null;
  resolutionCalendarMs: number | null;
  resolutionBusinessMs: number | null;
  solvedTeamId: number | null;
  solvedAssigneeId: number | null;
  firstReopenAt: number | null;
  isSpam: boolean | number;
  csatScore: number | null;
  csatMin: number | null;
  csatMax: number | null;
  tagIds: number[];
};

export type RollupEntry = {
  dim: RollupDimension;
  cohort: RollupCohort;
  key: string;
  hour: number;
  counters: Counters;
  values: Partial<Record<Measure, number>>;
};

/** The staffing view reads only how long the customer waited for the first answer, in calendar time. */
const MEASURES_OF: Record<RollupCohort, readonly Measure[]> = { created: MEASURES, solved: MEASURES, incoming: ['frtCal'] };

const keyOf = (v: string | number | null) => (v === null ? '' : String(v));

export function countersOf(s: RollupSource): Counters {
  const contacted = s.firstSolvedAt !== null && s.repliesBeforeFirstSolve >= 1;
  const notReopenedSoon = s.firstReopenAt === null || s.firstReopenAt - s.firstSolvedAt! > REOPEN_WINDOW_MS;
  const after = (n: number) => (contacted && s.repliesBeforeFirstSolve === n && notReopenedSoon ? 1 : 0);
  const csatAnswered = s.csatScore !== null && s.csatMin !== null && s.csatMax !== null && s.csatMax > s.csatMin;
  return {
    n: 1,
    contacted: contacted ? 1 : 0,
    first: after(1),
    second: after(2),
    third: after(3),
    oneTouch: contacted && s.repliesBeforeFirstSolve < 2 ? 1 : 0,
    reopened: s.firstReopenAt !== null ? 1 : 0,
    csatAnswers: csatAnswered ? 1 : 0,
    csatSatisfied: csatAnswered && (s.csatScore! - s.csatMin!) / (s.csatMax! - s.csatMin!) >= READINGS.csat.happyFrom ? 1 : 0,
  };
}

export function contributionsOf(s: RollupSource | null): RollupEntry[] {
  if (!s || s.isSpam) return [];
  const counters = countersOf(s);
  const all: Record<Measure, number | null> = {
    frtCal: s.firstResponseCalendarMs,
    frtBus: s.firstResponseBusinessMs,
    resCal: s.resolutionCalendarMs,
    resBus: s.resolutionBusinessMs,
  };
  const entries: RollupEntry[] = [];
  for (const cohort of ROLLUP_COHORTS) {
    const at = cohort === 'created' ? s.createdAt : cohort === 'solved' ? s.firstSolvedAt : s.firstCustomerMessageAt;
    if (at === null) continue;
    const hour = Math.floor(at / HOUR_MS);
    const values: Partial<Record<Measure, number>> = {};
    for (const m of MEASURES_OF[cohort]) if (all[m] !== null) values[m] = all[m];
    const solvedBy = cohort === 'solved';
    const groups: [RollupDimension, string][] = [
      ['all', ''],
      ['team', keyOf(solvedBy ? s.solvedTeamId : s.teamId)],
      ['agent', keyOf(solvedBy ? s.solvedAssigneeId : s.assigneeId)],
      ['channel', keyOf(s.channel)],
      ['priority', keyOf(s.priority)],
      ...[...new Set(s.tagIds)].map((id): [RollupDimension, string] => ['tag', String(id)]),
    ];
    for (const [dim, key] of groups) entries.push({ dim, cohort, key, hour, counters, values });
  }
  return entries;
}

/** Each entry counts in its hour's row and in its UTC day's. */
export const SPANS = [1, 24] as const;
export type Span = (typeof SPANS)[number];
export const spanStart = (hour: number, span: Span) => Math.floor(hour / span) * span;
