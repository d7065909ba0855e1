import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { insertEvents } from '@/db/queries/tickets';
import { cohortSummary, slaAttainment, slaCountsFromFacts, surveyCountsFromFacts, surveyFigures } from '@/db/queries/metrics';
import { surveyCountsFromRollups } from '@/db/queries/metrics-rollup-reads';
import { countFigure, figureTickets, type TicketFigure } from '@/db/queries/metrics-figures';
import { surveyAnswerRows } from '@/db/queries/metrics-drill';
import { upsertTicketSlaTarget } from '@/db/queries/sla';
import { insertSurveyAnswer, insertSurveyRequest } from '@/db/queries/surveys';
import { defaultSurveyPolicy, type SurveyType } from '@/lib/surveys/survey-policy';
import { ticketEvent, type Duration } from '@/lib/ticket-events';
import { createTestTicket } from '@/server/testing/fixtures';
import { openTestDatabase } from '@/server/testing/test-database';

// The figures on hand-built histories with known answers: every ticket is built here, event by event.
let db: Db;
let close: () => void;
const MIN = 60_000;
const DAY = 24 * 3600_000;
const WEEK_START = Date.UTC(2026, 10, 2, 0, 0);
const agent = { kind: 'agent', agentId: null } as const;
const cal = (ms: number): Duration => ({ calendarMs: ms, businessMs: null, calendarId: null, policyId: null });

/** A ticket that got `replies` public replies (the first after `frtMin` minutes), then was solved, maybe reopened `reopenAfterDays` later. */
function history(o: { replies: number; frtMin?: number; solvedAfterMin?: number; reopenAfterDays?: number; spam?: boolean; day?: number }) {
  const at = WEEK_START + (o.day ?? 1) * DAY;
  const { ticket } = createTestTicket(db, { channel: 'email', at, spam: o.spam });
  // Held back on arrival: the history says so (facts read the history, not the column).
  const events = o.spam ? [ticketEvent(ticket.id, 'marked_spam', { reason: 'spam' }, agent, at)] : [];
  for (let i = 0; i < o.replies; i++) {
    const replyAt = at + ((o.frtMin ?? 10) + i) * MIN;
    events.push(ticketEvent(ticket.id, 'public_reply', { messageId: 1, ...(i === 0 ? { firstResponse: cal(replyAt - at) } : {}) }, agent, replyAt));
  }
  const solvedAt = at + (o.solvedAfterMin ?? 60) * MIN;
  events.push(ticketEvent(ticket.id, 'internal_note', { messageId: 2 }, agent, at + MIN));
  events.push(ticketEvent(ticket.id, 'status_changed', { from: 'open', to: 'solved', resolution: cal(solvedAt - at) }, agent, solvedAt));
  if (o.reopenAfterDays !== undefined)
    events.push(ticketEvent(ticket.id, 'status_changed', { from: 'solved', to: 'open' }, agent, solvedAt + o.reopenAfterDays * DAY));
  insertEvents(db, events);
  return ticket.id;
}

const ids: Record<string, number> = {};
beforeAll(() => {
  ({ db, close } = openTestDatabase());
  ids.first = history({ replies: 1, frtMin: 10 }); // first contact
  ids.reopened = history({ replies: 1, frtMin: 20, reopenAfterDays: 3 }); // reopened within 7 days: not first contact
  ids.lateReopen = history({ replies: 1, frtMin: 30, reopenAfterDays: 8 }); // reopened after the window: first contact
  ids.second = history({ replies: 2, frtMin: 40 }); // second contact
  ids.third = history({ replies: 3, frtMin: 50 }); // third contact
  history({ replies: 0 }); // solved without a reply: not counted
  history({ replies: 1, frtMin: 5, day: 10 }); // solved after the window
  history({ replies: 1, frtMin: 5, spam: true }); // spam
});
afterAll(() => close());

const week = { from: WEEK_START, to: WEEK_START + 7 * DAY };

describe('first-contact resolution', () => {
  it('of tickets solved in the window with a public reply: once and not reopened within 7 days; then second, third and one-touch', () => {
    expect(cohortSummary(db, { ...week, cohort: 'solved', clock: 'calendar' }).contact).toEqual({ n: 5, first: 2, second: 1, third: 1, oneTouch: 3 });
  });
  it('links to exactly the tickets it counted, in each bucket', () => {
    const listed = (figure: TicketFigure, limit = 100) =>
      figureTickets(db, figure, { ...week, cohort: 'solved', clock: 'calendar' }, { limit }).map((t) => t.ticketId);
    expect(listed('contacted').sort()).toEqual([ids.first, ids.reopened, ids.lateReopen, ids.second, ids.third].sort());
    expect(listed('fcr').sort()).toEqual([ids.first, ids.lateReopen].sort());
    expect(listed('second_contact')).toEqual([ids.second]);
    expect(listed('third_contact')).toEqual([ids.third]);
    expect(listed('one_touch').sort()).toEqual([ids.first, ids.reopened, ids.lateReopen].sort());
    expect(listed('contacted', 2)).toHaveLength(2);
    for (const figure of ['contacted', 'fcr', 'second_contact', 'third_contact', 'one_touch'] as const)
      expect(countFigure(db, figure, { ...week, cohort: 'solved', clock: 'calendar' })).toBe(listed(figure).length);
  });

  it('is empty, not a division by zero, for a window without tickets', () => {
    expect(cohortSummary(db, { from: 0, to: 1, cohort: 'solved', clock: 'calendar' }).contact).toEqual({ n: 0, first: 0, second: 0, third: 0, oneTouch: 0 });
  });
});

describe('durations', () => {
  it('first response median and p90 (interpolated, as spreadsheets do) over the tickets that got one, mean labelled apart', () => {
    // Created this week with a first response: 10, 20, 30, 40, 50 minutes (the unanswered one has none, spam is out).
    // p90: 90 % of the way from the first value to the last, 3.6 steps: 40 + 0.6 × (50 − 40).
    expect(cohortSummary(db, { ...week, cohort: 'created', clock: 'calendar' }).firstResponse).toEqual({
      n: 5,
      median: 30 * MIN,
      p90: 46 * MIN,
      mean: 30 * MIN,
    });
    expect(cohortSummary(db, { ...week, cohort: 'created', clock: 'business' }).firstResponse).toEqual({ n: 0, median: null, p90: null, mean: null });
  });
  it('resolution over the tickets solved in the window', () => {
    expect(cohortSummary(db, { ...week, cohort: 'solved', clock: 'calendar' }).resolution).toMatchObject({ n: 6, median: 60 * MIN, p90: 60 * MIN });
  });
});

describe('survey figures', () => {
  let key = 0;
  /** A survey sent on day `day` of the week, answered with these scores in turn (the last counts). */
  function survey(type: SurveyType, scores: number[], o: { day?: number; teamId?: number } = {}) {
    const at = WEEK_START + (o.day ?? 2) * DAY;
    const { ticket, customer } = createTestTicket(db, { channel: 'email', at });
    const question = defaultSurveyPolicy(type, 'x').question;
    const request = insertSurveyRequest(db, {
      ticketId: ticket.id,
      cycle: 1,
      policyId: null,
      customerId: customer.id,
      channelId: ticket.channelId,
      channelKind: 'email',
      question,
      locale: 'de',
      agentId: null,
      teamId: o.teamId ?? 1,
      sentAt: at,
      answerableUntil: at + 7 * DAY,
    });
    scores.forEach((score, i) =>
      insertSurveyAnswer(db, {
        requestId: request.id,
        type,
        score,
        scaleMin: question.scale.min,
        scaleMax: question.scale.max,
        reason: null,
        comment: null,
        source: 'page',
        submissionKey: `fig-${++key}`,
        createdAt: at + (i + 1) * MIN,
      }),
    );
  }

  it('CSAT satisfied share, NPS promoters minus detractors, CES mean, each on the latest answer, with the response rate', () => {
    survey('csat', [5]);
    survey('csat', [1, 4]); // changed: the 4 counts
    survey('csat', [2]);
    survey('csat', []); // sent, not answered
    survey('csat', [5], { teamId: 2 });
    survey('csat', [1], { day: 9 }); // outside the week
    for (const s of [10, 10, 9, 9, 7, 3, 0]) survey('nps', [s]);
    survey('ces', [6]);
    survey('ces', [2, 4]);
    const team1 = surveyFigures(db, { ...week, teamId: 1 });
    expect(team1.csat).toEqual({ n: 3, sent: 4, responseRate: 0.75, value: 2 / 3 });
    expect(team1.nps).toEqual({ n: 7, sent: 7, responseRate: 1, value: (100 * (4 - 2)) / 7 });
    expect(team1.ces).toEqual({ n: 2, sent: 2, responseRate: 1, value: 5 });
    expect(surveyFigures(db, week).csat).toEqual({ n: 4, sent: 5, responseRate: 0.8, value: 3 / 4 });
    expect(surveyFigures(db, { from: 0, to: 1 }).csat).toEqual({ n: 0, sent: 0, responseRate: null, value: null });
    // Read from the rollups (whole hours) or from the survey tables (a window a minute short of them): the same counts.
    for (const f of [week, { ...week, teamId: 1 }, { ...week, channel: 'email' as const }]) {
      const fromTables = surveyCountsFromFacts(db, f);
      expect(surveyCountsFromRollups(db, f)).toEqual(fromTables);
      expect(surveyCountsFromRollups(db, { ...f, from: f.from + MIN })).toBeNull();
      expect(surveyFigures(db, { ...f, from: f.from + MIN })).toEqual(surveyFigures(db, f));
      expect([fromTables.csat.sent, fromTables.nps.sent, fromTables.ces.sent].every((n) => n > 0)).toBe(true);
    }
  });

  it('lists exactly the answered surveys it counted, latest answer each', () => {
    const f = { ...week };
    for (const type of ['csat', 'nps', 'ces'] as const) {
      const listed = surveyAnswerRows(db, f, type, { offset: 0, limit: 100 });
      expect(listed.total).toBe(surveyFigures(db, f)[type].n);
      expect(listed.rows).toHaveLength(listed.total);
    }
    // The changed answer shows as its latest score.
    expect(
      surveyAnswerRows(db, f, 'csat', { offset: 0, limit: 100 })
        .rows.map((r) => r.score)
        .sort(),
    ).toEqual([2, 4, 5, 5]);
    expect(surveyAnswerRows(db, { ...f, teamId: 2 }, 'csat', { offset: 0, limit: 100 }).rows.map((r) => r.score)).toEqual([5]);
  });
});

describe('SLA attainment', () => {
  it('of the targets that came due in the window, the share met on time', () => {
    // Half past the hour: the rollups hold whole hours, the half hour since is read from the targets.
    const now = WEEK_START + 5 * DAY + 30 * MIN;
    const target = (o: { target?: 'first_response' | 'resolution'; state: 'met' | 'running' | 'paused' | 'stopped'; dueDay: number; breached?: boolean }) => {
      const { ticket } = createTestTicket(db, { channel: 'chat', at: WEEK_START });
      const dueAt = WEEK_START + o.dueDay * DAY;
      upsertTicketSlaTarget(db, {
        ticketId: ticket.id,
        target: o.target ?? 'first_response',
        cycle: 1,
        policyId: 1,
        policyName: 'Standard',
        calendarId: null,
        calendarName: null,
        clock: 'calendar',
        targetMs: DAY,
        warningLeadMs: null,
        startedAt: WEEK_START,
        pauses: [],
        state: o.state,
        dueAt,
        warnAt: null,
        warnedAt: null,
        breachedAt: o.breached ? dueAt : null,
        endedAt: o.state === 'met' ? dueAt - 1 : null,
        calendarMs: null,
        businessMs: null,
      });
    };
    target({ state: 'met', dueDay: 1 }); // on time
    target({ state: 'met', dueDay: 2, breached: true }); // late
    target({ state: 'running', dueDay: 3, breached: true }); // overdue, still open
    target({ state: 'running', dueDay: 6 }); // not due yet (after now)
    target({ state: 'stopped', dueDay: 2 }); // never came due
    target({ state: 'met', dueDay: 8 }); // after the window
    target({ target: 'resolution', state: 'met', dueDay: 4 });
    target({ state: 'running', dueDay: 5 + 10 / 1440, breached: true }); // due ten minutes past, in the hour now is in
    target({ state: 'running', dueDay: 5 + 40 / 1440 }); // due in ten minutes
    const figures = slaAttainment(db, { ...week, channel: 'chat', now });
    expect(figures).toEqual({ n: 5, met: 2, value: 0.4 });
    expect(slaCountsFromFacts(db, { ...week, channel: 'chat', now })).toEqual({ n: 5, met: 2 });
    // A window that ends before now, and one not on whole hours (read from the targets alone).
    expect(slaAttainment(db, { from: WEEK_START, to: WEEK_START + 3 * DAY, channel: 'chat', now })).toEqual({ n: 2, met: 1, value: 0.5 });
    expect(slaAttainment(db, { from: WEEK_START + DAY + MIN, to: WEEK_START + 7 * DAY, channel: 'chat', now })).toEqual({ n: 4, met: 1, value: 0.25 });
    expect(slaAttainment(db, { ...week, channel: 'telegram', now })).toEqual({ n: 0, met: 0, value: null });
    // The ticket's current team counts (these tickets were never solved, so they have no solving team).
    const team = createTestTicket(db, { channel: 'chat', at: WEEK_START }).ticket.teamId!;
    expect(slaAttainment(db, { ...week, channel: 'chat', teamId: team, now })).toEqual({ n: 5, met: 2, value: 0.4 });
    expect(slaCountsFromFacts(db, { ...week, teamId: team, channel: 'chat', now })).toEqual({ n: 5, met: 2 });
  });
});
