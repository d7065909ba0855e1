import { READINGS } from '../surveys/survey-scoring';
import { SURVEY_TYPES, type SurveyType } from '../surveys/survey-policy';

/**
 * What one ticket adds to the dashboard's hourly rollups (db/schema/metric-rollups.ts): for each cohort
 * whose time it has (created, first solved, first customer message), one entry per group it belongs to
 * (all tickets, its team, agent, channel, priority and each tag; for the solved cohort the team and
 * agent it was solved by), holding its counts and its duration values. Besides the ticket itself, each
 * of its SLA targets counts in the hour it came due (cohort `sla`) and each survey sent about it in the
 * hour it was sent (cohorts `csat`, `nps`, `ces`, with the team, agent and channel the survey was sent
 * for). The counts follow DESIGN.md §5 exactly as db/queries/metrics*.ts write them in SQL, so a figure
 * read from rollups equals the same figure read from the facts. Spam adds nothing. Universal: a pure
 * function of the ticket's facts, targets and surveys.
 */
export const TICKET_COHORTS = ['created', 'solved', 'incoming'] as const;
export const ROLLUP_COHORTS = [...TICKET_COHORTS, 'sla', ...SURVEY_TYPES] as const;
export type RollupCohort = (typeof ROLLUP_COHORTS)[number];
export const ROLLUP_DIMENSIONS = ['all', 'team', 'agent', 'channel', 'priority', 'tag'] as const;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];
export const MEASURES = ['frtCal', 'frtBus', 'resCal', 'resBus'] as const;
export type Measure = (typeof MEASURES)[number];
/**
 * For the ticket cohorts, `n` counts tickets and the next eight what DESIGN.md §5 counts of them; for
 * `sla`, `n` counts the targets that came due and `slaMet` those met on time; for a survey cohort, `n`
 * counts the surveys sent, the last five their latest answers.
 */
export const COUNTERS = [
  'n',
  'contacted',
  'first',
  'second',
  'third',
  'oneTouch',
  'reopened',
  'csatAnswers',
  'csatSatisfied',
  'slaMet',
  'answered',
  'satisfied',
  'promoters',
  'detractors',
  'scoreSum',
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counters = Record<Counter, number>;

// Written out counter by counter, not looped over COUNTERS: the fold adds counts tens of times per
// ticket, and V8 runs these about 40× faster than keyed access by name (a test checks they cover COUNTERS).
export const zeroCounters = (): Counters => ({
  n: 0,
  contacted: 0,
  first: 0,
  second: 0,
  third: 0,
  oneTouch: 0,
  reopened: 0,
  csatAnswers: 0,
  csatSatisfied: 0,
  slaMet: 0,
  answered: 0,
  satisfied: 0,
  promoters: 0,
  detractors: 0,
  scoreSum: 0,
});

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
  sum.slaMet += sign * row.slaMet;
  sum.answered += sign * row.answered;
  sum.satisfied += sign * row.satisfied;
  sum.promoters += sign * row.promoters;
  sum.detractors += sign * row.detractors;
  sum.scoreSum += sign * row.scoreSum;
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
  slaMet: row[at + 9] as number,
  answered: row[at + 10] as number,
  satisfied: row[at + 11] as number,
  promoters: row[at + 12] as number,
  detractors: row[at + 13] as number,
  scoreSum: row[at + 14] as number,
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
  /** Its SLA targets that were not stopped and have a due time: when, and whether met on time (1) or not (0). */
  slaTargets: { dueAt: number; met: number }[];
  /** The surveys sent about it: the question's type, when, for whom, and the latest answer (its fields null when none). */
  surveys: SurveySource[];
};

export type SurveySource = {
  type: string | null;
  sentAt: number;
  teamId: number | null;
  agentId: number | null;
  channel: string | null;
  answerType: string | null;
  score: number | null;
  scaleMin: number | null;
  scaleMax: number | null;
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
const MEASURES_OF: Record<(typeof TICKET_COHORTS)[number], readonly Measure[]> = { created: MEASURES, solved: MEASURES, incoming: ['frtCal'] };

const keyOf = (v: string | number | null) => (v === null ? '' : String(v));

export function countersOf(s: RollupSource): Counters {
  const contacted = s.firstSolvedAt !== null && s.repliesBeforeFirstSolve >= 1;
  const notReopenedSoon = s.firstReopenAt === null || s.firstReopenAt - s.firstSolvedAt! > REOPEN_WINDOW_MS;
  const after = (n: number) => (contacted && s.repliesBeforeFirstSolve === n && notReopenedSoon ? 1 : 0);
  const csatAnswered = s.csatScore !== null && s.csatMin !== null && s.csatMax !== null && s.csatMax > s.csatMin;
  return {
    ...zeroCounters(),
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

/**
 * A survey's counts as surveyFigures (db/queries/metrics.ts) takes them: sent; its latest answer, if
 * any; satisfied when a CSAT answer sits in the top two fifths of its scale (a scale of one point has no
 * top), promoter 9–10 and detractor 0–6 on an NPS answer; and the score, for CES's mean.
 */
export function surveyCountersOf(r: SurveySource): Counters {
  const c = { ...zeroCounters(), n: 1 };
  if (r.score === null) return c;
  const position = r.scaleMax! > r.scaleMin! ? (r.score - r.scaleMin!) / (r.scaleMax! - r.scaleMin!) : null;
  c.answered = 1;
  c.satisfied = r.answerType === 'csat' && position !== null && position >= READINGS.csat.happyFrom ? 1 : 0;
  c.promoters = r.answerType === 'nps' && r.score >= READINGS.nps.promoterFrom ? 1 : 0;
  c.detractors = r.answerType === 'nps' && r.score <= READINGS.nps.detractorUpTo ? 1 : 0;
  c.scoreSum = r.score;
  return c;
}

const SLA_DUE: Counters = { ...zeroCounters(), n: 1 };
const SLA_MET: Counters = { ...SLA_DUE, slaMet: 1 };
const isSurveyType = (t: string | null): t is SurveyType => (SURVEY_TYPES as readonly (string | null)[]).includes(t);

export function contributionsOf(s: RollupSource | null): RollupEntry[] {
  if (!s || s.isSpam) return [];
  const tags = [...new Set(s.tagIds)].map((id): [RollupDimension, string] => ['tag', String(id)]);
  const groups = (team: number | null, agent: number | null, channel: string | null): [RollupDimension, string][] => [
    ['all', ''],
    ['team', keyOf(team)],
    ['agent', keyOf(agent)],
    ['channel', keyOf(channel)],
    ['priority', keyOf(s.priority)],
    ...tags,
  ];
  const entries: RollupEntry[] = [];
  const add = (cohort: RollupCohort, at: number, of: [RollupDimension, string][], counters: Counters, values: RollupEntry['values'] = {}) => {
    const hour = Math.floor(at / HOUR_MS);
    for (const [dim, key] of of) entries.push({ dim, cohort, key, hour, counters, values });
  };

  const counters = countersOf(s);
  const all: Record<Measure, number | null> = {
    frtCal: s.firstResponseCalendarMs,
    frtBus: s.firstResponseBusinessMs,
    resCal: s.resolutionCalendarMs,
    resBus: s.resolutionBusinessMs,
  };
  const current = groups(s.teamId, s.assigneeId, s.channel);
  for (const cohort of TICKET_COHORTS) {
    const at = cohort === 'created' ? s.createdAt : cohort === 'solved' ? s.firstSolvedAt : s.firstCustomerMessageAt;
    if (at === null) continue;
    const values: Partial<Record<Measure, number>> = {};
    for (const m of MEASURES_OF[cohort]) if (all[m] !== null) values[m] = all[m];
    add(cohort, at, cohort === 'solved' ? groups(s.solvedTeamId, s.solvedAssigneeId, s.channel) : current, counters, values);
  }
  // Targets: the ticket's current team and agent, as slaTargetsDue filters them.
  for (const t of s.slaTargets) add('sla', t.dueAt, current, t.met ? SLA_MET : SLA_DUE);
  for (const r of s.surveys) if (isSurveyType(r.type)) add(r.type, r.sentAt, groups(r.teamId, r.agentId, r.channel), surveyCountersOf(r));
  return entries;
}

/** Each entry counts in its hour's row and in its UTC day's. */
export const SPANS = [1, 24] as const;
export type Span = (typeof SPANS)[number];
export const spanStart = (hour: number, span: Span) => Math.floor(hour / span) * span;
