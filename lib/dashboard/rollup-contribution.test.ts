import { describe, expect, it } from 'vitest';
import {
  COUNTERS,
  REOPEN_WINDOW_MS,
  addCounters,
  contributionsOf,
  countersAt,
  countersOf,
  spanStart,
  zeroCounters,
  surveyCountersOf,
  type RollupSource,
  type SurveySource,
} from './rollup-contribution';

const H = 3600_000;
const MIN = 60_000;
/** A ticket created at 10:00 on day 0, first answered and solved later; each test changes what it is about. */
const source = (o: Partial<RollupSource> = {}): RollupSource => ({
  channel: 'email',
  teamId: 2,
  assigneeId: 7,
  priority: 'normal',
  createdAt: 10 * H,
  firstCustomerMessageAt: 10 * H + 5 * MIN,
  firstResponseCalendarMs: 30 * MIN,
  firstResponseBusinessMs: 20 * MIN,
  repliesBeforeFirstSolve: 1,
  firstSolvedAt: 13 * H,
  resolutionCalendarMs: 3 * H,
  resolutionBusinessMs: 2 * H,
  solvedTeamId: 3,
  solvedAssigneeId: 8,
  firstReopenAt: null,
  isSpam: 0,
  csatScore: null,
  csatMin: null,
  csatMax: null,
  tagIds: [],
  slaTargets: [],
  surveys: [],
  ...o,
});
/** A survey sent at 14:00 on day 0 for team 3 and agent 8 on WhatsApp, answered as given. */
const survey = (o: Partial<SurveySource> = {}): SurveySource => ({
  type: 'csat',
  sentAt: 14 * H,
  teamId: 3,
  agentId: 8,
  channel: 'whatsapp',
  answerType: null,
  score: null,
  scaleMin: null,
  scaleMax: null,
  ...o,
});
const answered = (type: string, score: number, scaleMin: number, scaleMax: number) => survey({ type, answerType: type, score, scaleMin, scaleMax });

describe('a ticket’s counts', () => {
  it('make a first-contact resolution of one public reply without a reopen', () => {
    expect(countersOf(source())).toEqual({ ...zeroCounters(), n: 1, contacted: 1, first: 1, oneTouch: 1 });
  });

  it('count second and third contact, and one-touch only below two replies', () => {
    expect(countersOf(source({ repliesBeforeFirstSolve: 2 }))).toMatchObject({ contacted: 1, first: 0, second: 1, third: 0, oneTouch: 0 });
    expect(countersOf(source({ repliesBeforeFirstSolve: 3 }))).toMatchObject({ contacted: 1, first: 0, second: 0, third: 1, oneTouch: 0 });
    expect(countersOf(source({ repliesBeforeFirstSolve: 4 }))).toMatchObject({ contacted: 1, first: 0, second: 0, third: 0 });
  });

  it('do not count a ticket solved without a reply, or not solved, as contacted', () => {
    expect(countersOf(source({ repliesBeforeFirstSolve: 0 }))).toMatchObject({ contacted: 0, first: 0, oneTouch: 0 });
    expect(countersOf(source({ firstSolvedAt: null }))).toMatchObject({ contacted: 0, first: 0, oneTouch: 0 });
  });

  it('take the resolution back for a reopen within the window, not after it', () => {
    const within = source({ firstReopenAt: 13 * H + REOPEN_WINDOW_MS });
    const after = source({ firstReopenAt: 13 * H + REOPEN_WINDOW_MS + 1 });
    expect(countersOf(within)).toMatchObject({ first: 0, reopened: 1, contacted: 1 });
    expect(countersOf(after)).toMatchObject({ first: 1, reopened: 1 });
  });

  it('count a CSAT answer on its own scale, satisfied from three quarters up', () => {
    expect(countersOf(source({ csatScore: 4, csatMin: 1, csatMax: 5 }))).toMatchObject({ csatAnswers: 1, csatSatisfied: 1 });
    expect(countersOf(source({ csatScore: 3, csatMin: 1, csatMax: 5 }))).toMatchObject({ csatAnswers: 1, csatSatisfied: 0 });
    expect(countersOf(source({ csatScore: 8, csatMin: 0, csatMax: 10 }))).toMatchObject({ csatAnswers: 1, csatSatisfied: 1 });
    expect(countersOf(source({ csatScore: 7, csatMin: 0, csatMax: 10 }))).toMatchObject({ csatAnswers: 1, csatSatisfied: 0 });
    // No score, or a scale with an end missing (SQL's null comparison is false), reads as no answer.
    expect(countersOf(source({ csatScore: null, csatMin: 1, csatMax: 5 }))).toMatchObject({ csatAnswers: 0, csatSatisfied: 0 });
    expect(countersOf(source({ csatScore: 4, csatMin: null, csatMax: 5 }))).toMatchObject({ csatAnswers: 0, csatSatisfied: 0 });
    // A scale without a range reads as no answer.
    expect(countersOf(source({ csatScore: 3, csatMin: 3, csatMax: 3 }))).toMatchObject({ csatAnswers: 0, csatSatisfied: 0 });
  });
});

describe('a ticket’s rollup entries', () => {
  it('go to the hour of each cohort’s time, under all tickets and each of its groups, with the solving team and agent for the solved', () => {
    const entries = contributionsOf(source({ tagIds: [5, 4, 5] }));
    const where = entries.map((e) => `${e.cohort} ${e.hour} ${e.dim}:${e.key}`);
    expect(where).toEqual([
      'created 10 all:',
      'created 10 team:2',
      'created 10 agent:7',
      'created 10 channel:email',
      'created 10 priority:normal',
      'created 10 tag:5',
      'created 10 tag:4',
      'solved 13 all:',
      'solved 13 team:3',
      'solved 13 agent:8',
      'solved 13 channel:email',
      'solved 13 priority:normal',
      'solved 13 tag:5',
      'solved 13 tag:4',
      'incoming 10 all:',
      'incoming 10 team:2',
      'incoming 10 agent:7',
      'incoming 10 channel:email',
      'incoming 10 priority:normal',
      'incoming 10 tag:5',
      'incoming 10 tag:4',
    ]);
  });

  it('carry the durations: all four for created and solved, the calendar first response for incoming', () => {
    const entries = contributionsOf(source());
    const all = { frtCal: 30 * MIN, frtBus: 20 * MIN, resCal: 3 * H, resBus: 2 * H };
    expect(entries.find((e) => e.cohort === 'created')!.values).toEqual(all);
    expect(entries.find((e) => e.cohort === 'solved')!.values).toEqual(all);
    expect(entries.find((e) => e.cohort === 'incoming')!.values).toEqual({ frtCal: 30 * MIN });
    // No value where the ticket has none (unanswered, unsolved).
    const open = contributionsOf(
      source({ firstResponseCalendarMs: null, firstResponseBusinessMs: null, firstSolvedAt: null, resolutionCalendarMs: null, resolutionBusinessMs: null }),
    );
    expect(open.map((e) => e.cohort)).not.toContain('solved');
    expect(open.find((e) => e.cohort === 'created')!.values).toEqual({});
  });

  it('name a missing group by the empty key, and give spam and a missing ticket nothing', () => {
    const entries = contributionsOf(source({ teamId: null, assigneeId: null, priority: null, channel: null, firstSolvedAt: null }));
    expect(entries.filter((e) => e.cohort === 'created').map((e) => `${e.dim}:${e.key}`)).toEqual(['all:', 'team:', 'agent:', 'channel:', 'priority:']);
    expect(contributionsOf(source({ isSpam: 1 }))).toEqual([]);
    expect(contributionsOf(source({ isSpam: true }))).toEqual([]);
    expect(contributionsOf(null)).toEqual([]);
  });

  it('leave out a cohort whose time the ticket lacks', () => {
    expect(new Set(contributionsOf(source({ firstCustomerMessageAt: null })).map((e) => e.cohort))).toEqual(new Set(['created', 'solved']));
    expect(new Set(contributionsOf(source({ createdAt: null })).map((e) => e.cohort))).toEqual(new Set(['solved', 'incoming']));
  });

  it('place hours in their UTC day', () => {
    expect([spanStart(0, 24), spanStart(23, 24), spanStart(24, 24), spanStart(49, 24), spanStart(49, 1)]).toEqual([0, 0, 24, 48, 49]);
    expect(contributionsOf(source({ createdAt: 10 * H + 59 * MIN }))[0]!.hour).toBe(10);
  });
});

describe('a survey’s counts', () => {
  it('count a survey sent without an answer as sent only', () => {
    expect(surveyCountersOf(survey())).toEqual({ ...zeroCounters(), n: 1 });
  });

  it('count CSAT satisfied from the top two fifths of its scale, on any scale', () => {
    expect(surveyCountersOf(answered('csat', 4, 1, 5))).toEqual({ ...zeroCounters(), n: 1, answered: 1, satisfied: 1, scoreSum: 4 });
    expect(surveyCountersOf(answered('csat', 3, 1, 5))).toMatchObject({ answered: 1, satisfied: 0, scoreSum: 3 });
    expect(surveyCountersOf(answered('csat', 8, 0, 10))).toMatchObject({ satisfied: 1 });
    expect(surveyCountersOf(answered('csat', 7, 0, 10))).toMatchObject({ satisfied: 0 });
    // A scale of one point has no top (SQL divides by zero into null).
    expect(surveyCountersOf(answered('csat', 3, 3, 3))).toMatchObject({ answered: 1, satisfied: 0 });
    expect(surveyCountersOf(answered('csat', 4, 3, 3))).toMatchObject({ answered: 1, satisfied: 0 });
  });

  it('count NPS promoters from 9 and detractors up to 6, the passives as neither', () => {
    expect(surveyCountersOf(answered('nps', 9, 0, 10))).toMatchObject({ answered: 1, promoters: 1, detractors: 0, satisfied: 0 });
    expect(surveyCountersOf(answered('nps', 8, 0, 10))).toMatchObject({ promoters: 0, detractors: 0 });
    expect(surveyCountersOf(answered('nps', 7, 0, 10))).toMatchObject({ promoters: 0, detractors: 0 });
    expect(surveyCountersOf(answered('nps', 6, 0, 10))).toMatchObject({ promoters: 0, detractors: 1, scoreSum: 6 });
    expect(surveyCountersOf(answered('nps', 0, 0, 10))).toMatchObject({ promoters: 0, detractors: 1, scoreSum: 0, answered: 1 });
  });

  it('read an answer by its own type: a high CES score is neither satisfied nor a promoter', () => {
    expect(surveyCountersOf(answered('ces', 7, 1, 7))).toEqual({ ...zeroCounters(), n: 1, answered: 1, scoreSum: 7 });
    expect(surveyCountersOf(answered('csat', 9, 0, 10))).toEqual({ ...zeroCounters(), n: 1, answered: 1, satisfied: 1, scoreSum: 9 });
    expect(surveyCountersOf(answered('ces', 1, 1, 7))).toEqual({ ...zeroCounters(), n: 1, answered: 1, scoreSum: 1 });
  });
});

describe('a ticket’s SLA targets and surveys in the rollups', () => {
  it('count each target that came due in its due hour, under the ticket’s current groups, met on time or not', () => {
    const entries = contributionsOf(
      source({
        tagIds: [4],
        slaTargets: [
          { dueAt: 11 * H + 30 * MIN, met: 1 },
          { dueAt: 20 * H, met: 0 },
        ],
      }),
    );
    const sla = entries.filter((e) => e.cohort === 'sla');
    expect(sla.map((e) => `${e.hour} ${e.dim}:${e.key} ${e.counters.n}/${e.counters.slaMet}`)).toEqual([
      '11 all: 1/1',
      '11 team:2 1/1',
      '11 agent:7 1/1',
      '11 channel:email 1/1',
      '11 priority:normal 1/1',
      '11 tag:4 1/1',
      '20 all: 1/0',
      '20 team:2 1/0',
      '20 agent:7 1/0',
      '20 channel:email 1/0',
      '20 priority:normal 1/0',
      '20 tag:4 1/0',
    ]);
    // A target counts nothing else, and carries no durations.
    expect(sla.every((e) => e.counters.contacted === 0 && e.counters.answered === 0 && Object.keys(e.values).length === 0)).toBe(true);
  });

  it('count each survey in its type’s cohort at the hour it was sent, under the team, agent and channel it was sent for', () => {
    const entries = contributionsOf(source({ tagIds: [4], surveys: [answered('nps', 10, 0, 10), survey({ type: 'ces', sentAt: 30 * H, teamId: null })] }));
    expect(entries.filter((e) => e.cohort === 'nps').map((e) => `${e.hour} ${e.dim}:${e.key} ${e.counters.promoters}`)).toEqual([
      '14 all: 1',
      '14 team:3 1',
      '14 agent:8 1',
      '14 channel:whatsapp 1',
      '14 priority:normal 1',
      '14 tag:4 1',
    ]);
    expect(entries.filter((e) => e.cohort === 'ces' && e.dim === 'team').map((e) => `${e.hour} ${e.key} ${e.counters.n}/${e.counters.answered}`)).toEqual([
      '30  1/0',
    ]);
    expect(entries.some((e) => e.cohort === 'csat')).toBe(false);
  });

  it('leave out a survey whose question has no known type, and everything of a spam ticket', () => {
    expect(
      contributionsOf(source({ surveys: [survey({ type: null }), survey({ type: 'stars' })] })).filter(
        (e) => !['created', 'solved', 'incoming'].includes(e.cohort),
      ),
    ).toEqual([]);
    expect(contributionsOf(source({ isSpam: 1, slaTargets: [{ dueAt: H, met: 1 }], surveys: [survey()] }))).toEqual([]);
  });
});

describe('counter arithmetic', () => {
  it('covers every counter: zero, added with a sign, and read from a raw row in COUNTERS order', () => {
    expect(Object.keys(zeroCounters()).sort()).toEqual([...COUNTERS].sort());
    COUNTERS.forEach((c, i) => {
      const one = { ...zeroCounters(), [c]: 1 };
      const sum = addCounters(zeroCounters(), one, -3);
      expect(sum).toEqual({ ...zeroCounters(), [c]: -3 });
      expect(addCounters(sum, one)).toEqual({ ...zeroCounters(), [c]: -2 });
      const row = ['key', ...COUNTERS.map((_, j) => (j === i ? 7 : 0))];
      expect(countersAt(row, 1)).toEqual({ ...zeroCounters(), [c]: 7 });
    });
  });
});
