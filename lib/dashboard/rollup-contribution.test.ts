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
  type RollupSource,
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
  ...o,
});

describe('a ticket’s counts', () => {
  it('make a first-contact resolution of one public reply without a reopen', () => {
    expect(countersOf(source())).toEqual({ n: 1, contacted: 1, first: 1, second: 0, third: 0, oneTouch: 1, reopened: 0, csatAnswers: 0, csatSatisfied: 0 });
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
