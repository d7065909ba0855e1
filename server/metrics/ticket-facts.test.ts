import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { tickets } from '@/db/schema';
import { listChannelsOfKind } from '@/db/queries/inbound';
import { listTicketSurveys } from '@/db/queries/surveys';
import { allRollupRows, foldPendingRollups, rebuildRollups, rollupsRebuilding } from '@/db/queries/metric-rollups';
import { listTeams } from '@/db/queries/agents';
import { createTeam, deleteUnusedTeam } from '@/server/admin/team-admin';
import { countFigure } from '@/db/queries/metrics-figures';
import {
  backlogFromRollups,
  breakdownFromRollups,
  slaCountsFromRollups,
  surveyCountsFromRollups,
  cohortSummaryFromRollups,
  contactResolutionByDayFromRollups,
  incomingByFromRollups,
  volumeByDayFromRollups,
} from '@/db/queries/metrics-rollup-reads';
import { cohortSummary, cohortSummaryFromFacts, slaCountsFromFacts, surveyCountsFromFacts } from '@/db/queries/metrics';
import { contactResolutionByDayFromFacts, incomingByFromFacts, volumeByDayFromFacts } from '@/db/queries/metrics-series';
import { BREAKDOWN_LIMIT, DIMENSIONS, breakdownFromFacts } from '@/db/queries/metrics-breakdowns';
import { offsetPieces } from '@/lib/time/zone-offsets';
import { markSpam } from '@/server/tickets/mark-spam';
import { factsDifferingFromHistory, findTicketFacts, rebuildAllTicketFacts } from '@/db/queries/ticket-facts';
import { DomainError } from '@/server/errors/domain-error';
import { ingest } from '@/server/channels/ingest';
import { runDueJobs } from '@/server/jobs/durable-jobs';
import { replyToTicket } from '@/server/tickets/reply-to-ticket';
import { updateTicket } from '@/server/tickets/update-ticket';
import { savePolicy } from '@/server/sla/sla-policies';
import { registerSlaJobs } from '@/server/sla/replan';
import { registerSurveyJobs } from '@/server/surveys/send-survey';
import { recordSurveyAnswer } from '@/server/surveys/record-answer';
import { saveSurveyPolicy } from '@/server/surveys/survey-policies';
import { openTestDatabase, viewerOf } from '@/server/testing/test-database';
import { loadConfig } from '@/server/config';
import { setConfig } from '@/server/runtime-config';
import type { Viewer } from '@/server/auth/sessions';
import { defaultSurveyPolicy } from '@/lib/surveys/survey-policy';
import type { TicketStatus } from '@/lib/domain';

// The dashboard's facts are kept current by the event writer; they must always equal a fold of the
// ticket's history from scratch, whatever happened in whatever order (SLA moments caught up late,
// reopens, surveys answered and changed).
// Parts of three values: the rollups' lists of a few dozen tickets are then cut into parts, as a busy day's are.
process.env.ROLLUP_PART_VALUES = '3';
let db: Db;
let close: () => void;
let agents: Viewer[];
let emailChannelId: number;
const MIN = 60_000;
let clock = Date.UTC(2026, 10, 2, 8, 0);
let policyId: number;
const shortPolicy = (firstResponseMinutes: number) => ({
  name: 'Kurz',
  calendarId: null,
  targets: {
    normal: {
      first_response: { minutes: firstResponseMinutes, clock: 'calendar' as const, warning: { percent: 50 } },
      resolution: { minutes: 120, clock: 'calendar' as const },
    },
  },
});

beforeAll(() => {
  ({ db, close } = openTestDatabase());
  setConfig(loadConfig({ DATA_DIR: path.join(os.tmpdir(), 'helpdesk-facts'), PUBLIC_URL: 'https://help.example.de' }));
  agents = ['jana@demo.local', 'tom@demo.local', 'lena@demo.local'].map((e) => viewerOf(db, e));
  emailChannelId = listChannelsOfKind(db, 'email')[0]!.id;
  registerSlaJobs();
  registerSurveyJobs();
  policyId = savePolicy(db, null, shortPolicy(30)).id;
  saveSurveyPolicy(db, null, { ...defaultSurveyPolicy('csat', 'Sofort'), delayMinutes: 0, businessHours: false, quietDays: 0 });
});
afterAll(() => close());

type Op =
  | { kind: 'new' }
  | { kind: 'customer' | 'note' | 'answer'; t: number; n: number }
  | { kind: 'reply'; t: number; status: TicketStatus | null }
  | { kind: 'status'; t: number; to: TicketStatus }
  | { kind: 'assign'; t: number; agent: number | null }
  | { kind: 'priority'; t: number; to: 'low' | 'normal' | 'high' }
  | { kind: 'team'; t: number; team: number | null }
  | { kind: 'tags'; t: number; tags: string[] }
  | { kind: 'spam'; t: number; spam: boolean }
  | { kind: 'fold' }
  | { kind: 'policy'; firstResponseMinutes: number }
  | { kind: 'wait'; minutes: number };

const statuses = fc.constantFrom<TicketStatus>('open', 'pending', 'on_hold', 'solved', 'closed');
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.constant({ kind: 'new' as const }),
  fc.record({ kind: fc.constantFrom('customer' as const, 'note' as const, 'answer' as const), t: fc.nat(), n: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('reply' as const), t: fc.nat(), status: fc.option(statuses, { nil: null }) }),
  fc.record({ kind: fc.constant('status' as const), t: fc.nat(), to: statuses }),
  fc.record({ kind: fc.constant('assign' as const), t: fc.nat(), agent: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }) }),
  fc.record({ kind: fc.constant('priority' as const), t: fc.nat(), to: fc.constantFrom('low' as const, 'normal' as const, 'high' as const) }),
  fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 240 }) }),
  fc.record({ kind: fc.constant('team' as const), t: fc.nat(), team: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }) }),
  fc.record({ kind: fc.constant('tags' as const), t: fc.nat(), tags: fc.subarray(['rechnung', 'versand', 'reklamation']) }),
  fc.record({ kind: fc.constant('spam' as const), t: fc.nat(), spam: fc.boolean() }),
  fc.constant({ kind: 'fold' as const }),
);

let serial = 0;
async function apply(o: Op, mine: number[]) {
  clock += MIN;
  const ticket = 't' in o ? mine[o.t % Math.max(1, mine.length)] : undefined;
  const jana = agents[0]!;
  const customerMail = (ticketId?: number) => {
    const from = ticketId ? `kunde-${ticketId}@example.de` : `kunde-new-${++serial}@example.de`;
    return ingest(
      db,
      {
        channelId: emailChannelId,
        from: { externalId: from, name: 'Kunde', email: from, emailProven: true },
        channelMessageId: `<facts-${++serial}@example.de>`,
        subject: 'Frage',
        text: 'Hallo',
        html: null,
        receivedAt: clock,
        autoSubmitted: false,
      },
      {
        resolveThread: () =>
          ticketId
            ? {
                kind: 'join',
                ticket: db
                  .select()
                  .from(tickets)
                  .all()
                  .find((t) => t.id === ticketId)!,
              }
            : { kind: 'new' },
      },
    ).ticketId;
  };
  try {
    if (o.kind === 'new') {
      const id = customerMail();
      mine.push(id);
      // Its customer writes from the same address later: keyed by the ticket for the test.
      db.$client.prepare('update customers set email = ? where id = (select customer_id from tickets where id = ?)').run(`kunde-${id}@example.de`, id);
    } else if (o.kind === 'wait') {
      clock += o.minutes * MIN;
      runDueJobs(db, clock);
      runDueJobs(db, clock);
    } else if (o.kind === 'fold') foldPendingRollups(db);
    else if (o.kind === 'policy') savePolicy(db, policyId, shortPolicy(o.firstResponseMinutes), clock);
    else if (ticket === undefined) return;
    else if (o.kind === 'customer') customerMail(ticket);
    else if (o.kind === 'reply')
      await replyToTicket(db, jana, { ticketId: ticket, body: 'Antwort', internal: false, status: o.status ?? undefined }, { now: clock });
    else if (o.kind === 'note') await replyToTicket(db, jana, { ticketId: ticket, body: 'Notiz', internal: true }, { now: clock });
    else if (o.kind === 'status') updateTicket(db, jana, ticket, { status: o.to }, clock);
    else if (o.kind === 'assign') updateTicket(db, jana, ticket, { assigneeId: o.agent === null ? null : agents[o.agent]!.id }, clock);
    else if (o.kind === 'priority') updateTicket(db, jana, ticket, { priority: o.to }, clock);
    else if (o.kind === 'team') updateTicket(db, jana, ticket, { teamId: o.team === null ? null : listTeams(db)[o.team]!.id }, clock);
    else if (o.kind === 'tags') updateTicket(db, jana, ticket, { tags: o.tags }, clock);
    else if (o.kind === 'spam') await markSpam(db, jana, ticket, o.spam);
    else if (o.kind === 'answer') {
      const request = listTicketSurveys(db, ticket).at(-1);
      if (request) recordSurveyAnswer(db, { requestId: request.id, score: o.n, source: 'page', submissionKey: `k${++serial}` }, clock);
    }
  } catch (err) {
    // Refusals are part of a random walk (a closed ticket, a survey that closed); anything else is a bug.
    if (!(err instanceof DomainError)) throw err;
  }
}

describe('ticket facts', () => {
  it('kept current by every write equal a fold of each ticket’s history, after any sequence of operations', async () => {
    let partsSeen = 0;
    await fc.assert(
      // Folding after every operation makes each writer's note the first since a fold (what it records then matters).
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 40 }), fc.boolean(), async (ops, foldEach) => {
        const mine: number[] = [];
        for (const o of ops) {
          await apply(o, mine);
          if (foldEach) foldPendingRollups(db);
        }
        expect(factsDifferingFromHistory(db, mine)).toEqual([]);
        // The rollups folded bit by bit equal a fold of every ticket from nothing.
        foldPendingRollups(db);
        const incremental = allRollupRows(db);
        partsSeen += incremental.parts;
        rebuildRollups(db);
        expect(allRollupRows(db)).toEqual(incremental);
      }),
      { numRuns: 60, seed: 20261201 },
    );
    // The walks' lists were long enough to be cut into parts.
    expect(partsSeen).toBeGreaterThan(0);
  });

  it('found out of step with the facts, start over from them while the dashboard reads the facts', async () => {
    const mine: number[] = [];
    await apply({ kind: 'new' }, mine);
    await apply({ kind: 'reply', t: 0, status: 'solved' }, mine);
    foldPendingRollups(db);
    const expected = allRollupRows(db);
    // A write that changed the rollups behind the fold's back: the ticket's solved hour counts nobody.
    const solvedAt = findTicketFacts(db, mine[0]!)!.firstSolvedAt!;
    db.$client
      .prepare(`update metric_rollups set n = 0 where cohort = 'solved' and dim = 'all' and span = 1 and hour = ?`)
      .run(Math.floor(solvedAt / 3600_000));
    await apply({ kind: 'customer', t: 0, n: 1 }, mine);
    const warned: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warned.push(args.join(' '));
    try {
      expect(foldPendingRollups(db)).toBe(0);
    } finally {
      console.warn = warn;
    }
    expect(warned).toEqual([expect.stringMatching(/^metric rollups out of step: all\/solved\/-\/1h\/\d+ holds values of no ticket; rebuilding/)]);
    expect(rollupsRebuilding(db)).toBe(true);
    // Meanwhile the figures come from the facts, and a read folds nothing.
    const day = Date.UTC(2026, 10, 2);
    const f = { from: day, to: day + 60 * 86_400_000, cohort: 'solved' as const, clock: 'calendar' as const };
    expect(cohortSummaryFromRollups(db, f)).toBeNull();
    expect(cohortSummary(db, f)).toEqual(cohortSummaryFromFacts(db, f));
    expect(db.$client.prepare('select count(*) from rollup_pending').pluck().get()).toBe(db.$client.prepare('select count(*) from tickets').pluck().get());
    // The background fold, a batch at a time, puts every ticket back; then the rollups answer again.
    const tickets = db.$client.prepare('select count(*) from tickets').pluck().get() as number;
    expect(tickets).toBeGreaterThan(30);
    expect(foldPendingRollups(db, 10, 1)).toBe(10);
    expect(rollupsRebuilding(db)).toBe(true);
    expect(foldPendingRollups(db, 10)).toBe(tickets - 10);
    expect(rollupsRebuilding(db)).toBe(false);
    const rebuilt = allRollupRows(db);
    rebuildRollups(db);
    expect(rebuilt).toEqual(allRollupRows(db));
    expect(rebuilt).not.toEqual(expected);
    expect(cohortSummaryFromRollups(db, f)).toEqual(cohortSummaryFromFacts(db, f));
  });

  it('fold each survey answer and SLA target change into the rollups as it happens', async () => {
    const mine: number[] = [];
    const steps: Op[] = [
      { kind: 'new' },
      { kind: 'policy', firstResponseMinutes: 150 },
      { kind: 'wait', minutes: 1 }, // the open tickets are planned again: the target comes due two hours later
      { kind: 'policy', firstResponseMinutes: 30 },
      { kind: 'wait', minutes: 40 }, // planned back, and the first response target breaches
      { kind: 'reply', t: 0, status: 'solved' },
      { kind: 'wait', minutes: 1 }, // the survey goes out
      { kind: 'answer', t: 0, n: 2 },
      { kind: 'answer', t: 0, n: 5 }, // changed: the latest counts
      { kind: 'customer', t: 0, n: 1 },
      { kind: 'wait', minutes: 200 },
    ];
    for (const o of steps) {
      await apply(o, mine);
      foldPendingRollups(db);
      const incremental = allRollupRows(db);
      rebuildRollups(db);
      expect(allRollupRows(db), o.kind).toEqual(incremental);
    }
    const [survey] = listTicketSurveys(db, mine[0]!);
    // The clock only moves on: this hour holds no other ticket's survey.
    const from = survey!.sentAt - (survey!.sentAt % 3600_000);
    const window = { from, to: from + 3600_000 };
    expect(surveyCountsFromRollups(db, window)!.csat).toMatchObject({ sent: 1, answered: 1, satisfied: 1, scoreSum: 5 });
  });

  it('count a deleted team’s surveys under no team, as the surveys then say', async () => {
    const team = createTeam(db, { name: 'Aushilfe', timeZone: 'Europe/Berlin' });
    const mine: number[] = [];
    await apply({ kind: 'new' }, mine);
    updateTicket(db, agents[0]!, mine[0]!, { teamId: team.id }, clock);
    await apply({ kind: 'reply', t: 0, status: 'solved' }, mine);
    await apply({ kind: 'wait', minutes: 1 }, mine);
    expect(listTicketSurveys(db, mine[0]!).map((r) => r.teamId)).toEqual([team.id]);
    // The ticket moves on to another team; the team it was solved by goes.
    updateTicket(db, agents[0]!, mine[0]!, { teamId: listTeams(db).find((t) => t.id !== team.id)!.id }, clock);
    foldPendingRollups(db);
    deleteUnusedTeam(db, team.id);
    expect(listTicketSurveys(db, mine[0]!).map((r) => r.teamId)).toEqual([null]);
    foldPendingRollups(db);
    const incremental = allRollupRows(db);
    rebuildRollups(db);
    expect(allRollupRows(db)).toEqual(incremental);
  });

  it('count what the dashboard needs from a known history', async () => {
    const start = clock;
    const mine: number[] = [];
    await apply({ kind: 'new' }, mine);
    const id = mine[0]!;
    await apply({ kind: 'note', t: 0, n: 1 }, mine);
    await apply({ kind: 'reply', t: 0, status: 'solved' }, mine);
    await apply({ kind: 'wait', minutes: 10 }, mine);
    await apply({ kind: 'answer', t: 0, n: 2 }, mine);
    await apply({ kind: 'answer', t: 0, n: 5 }, mine);
    await apply({ kind: 'customer', t: 0, n: 1 }, mine);
    await apply({ kind: 'reply', t: 0, status: 'solved' }, mine);
    expect(findTicketFacts(db, id)).toMatchObject({
      channel: 'email',
      createdAt: start + MIN,
      firstCustomerMessageAt: start + MIN,
      firstResponseAt: start + 3 * MIN,
      firstResponseCalendarMs: 2 * MIN,
      // The note is no reply: the first solve came after exactly one public reply.
      repliesBeforeFirstSolve: 1,
      publicReplies: 2,
      firstSolvedAt: start + 3 * MIN,
      resolutionCalendarMs: 2 * MIN,
      firstReopenAt: start + 17 * MIN,
      reopenCount: 1,
      firstResponseMet: true,
      resolutionMet: true,
      // The latest answer counts.
      csatScore: 5,
      csatMax: 5,
      isSpam: false,
    });
  });

  it('read from the rollups equal the same figures read from the facts, for every filter the rollups answer', async () => {
    // Besides the walk's tickets, 150 answered and mostly solved ones with spread-out waits, so medians have values to pick from.
    for (let i = 0; i < 150; i++) {
      const mine: number[] = [];
      await apply({ kind: 'new' }, mine);
      await apply({ kind: 'tags', t: 0, tags: i % 3 ? ['rechnung'] : ['versand', 'rechnung'] }, mine);
      await apply({ kind: 'wait', minutes: 1 + ((i * 37) % 200) }, mine);
      await apply({ kind: 'reply', t: 0, status: i % 4 ? 'solved' : null }, mine);
      // The survey goes out a minute after the solve; most are answered, on every point of the scale.
      await apply({ kind: 'wait', minutes: 1 }, mine);
      if (i % 6) await apply({ kind: 'answer', t: 0, n: 1 + (i % 5) }, mine);
      if (i % 5 === 0) await apply({ kind: 'customer', t: 0, n: 1 }, mine);
      if (i % 2) await apply({ kind: 'priority', t: 0, to: 'high' }, mine);
    }
    foldPendingRollups(db);
    const tag = db.$client.prepare(`select id from tags where name = 'rechnung'`).pluck().get() as number | undefined;
    expect(tag).toBeDefined();
    const scopes = [
      {},
      { teamId: listTeams(db)[0]!.id },
      { agentId: agents[0]!.id },
      { channel: 'email' as const },
      { priority: 'high' as const },
      { tagId: tag },
    ];
    // Local (Berlin) midnights: the data begins on 2 November 2026.
    const day = (n: number) => Date.UTC(2026, 10, 1 + n) - 3600_000;
    let compared = 0;
    let withDurations = 0;
    let surveysCompared = 0;
    let targetsCompared = 0;
    for (const [from, to] of [
      [day(1), day(2)],
      [day(1), day(4)],
      [day(2), day(40)],
    ] as const) {
      const pieces = offsetPieces('Europe/Berlin', from, to);
      for (const scope of scopes)
        for (const cohort of ['created', 'solved'] as const)
          for (const clock of ['calendar', 'business'] as const) {
            const f = { from, to, cohort, clock, ...scope };
            const summary = cohortSummaryFromRollups(db, f);
            expect(summary).toEqual(cohortSummaryFromFacts(db, f));
            compared += summary!.n;
            withDurations += Math.min(summary!.firstResponse!.n, summary!.resolution!.n);
            for (const dimension of DIMENSIONS.filter((d) => d !== 'form_answer')) {
              const rows = breakdownFromRollups(db, f, dimension, BREAKDOWN_LIMIT);
              if (Object.keys(scope).length === 0) expect(rows).not.toBeNull();
              if (rows) expect(rows).toEqual(breakdownFromFacts(db, f, dimension));
              // Counts only (a trend's period before): the same rows without their medians.
              if (rows)
                expect(breakdownFromRollups(db, f, dimension, BREAKDOWN_LIMIT, false)).toEqual(
                  rows.map((r) => ({ ...r, frtMedianMs: null, resolutionMedianMs: null })),
                );
            }
          }
      for (const scope of scopes) {
        const f = { from, to, ...scope };
        const surveys = surveyCountsFromRollups(db, f)!;
        expect(surveys).toEqual(surveyCountsFromFacts(db, f));
        surveysCompared += surveys.csat.answered;
        const sla = slaCountsFromRollups(db, f)!;
        expect(sla).toEqual(slaCountsFromFacts(db, { ...f, now: Infinity }));
        targetsCompared += sla.n;
        const backlog = backlogFromRollups(db, f);
        if ('teamId' in scope || 'agentId' in scope) expect(backlog).toBeNull();
        else expect(backlog).toBe(countFigure(db, 'backlog', { ...f, cohort: 'created', clock: 'calendar' }));
        const byDay = <T extends { day: number }>(rows: T[]) => [...rows].sort((a, b) => a.day - b.day);
        const volume = volumeByDayFromRollups(db, f, pieces)!;
        const facts = volumeByDayFromFacts(db, f, pieces);
        expect([byDay(volume.created), byDay(volume.solved)]).toEqual([byDay(facts.created), byDay(facts.solved)]);
        expect(byDay(contactResolutionByDayFromRollups(db, f, pieces)!)).toEqual(byDay(contactResolutionByDayFromFacts(db, f, pieces)));
        for (const unit of ['hourOfWeek', 'weekday'] as const) {
          const byKey = <T extends { key: number }>(rows: T[]) => [...rows].sort((a, b) => a.key - b.key);
          expect(byKey(incomingByFromRollups(db, f, pieces, 'calendar')![unit])).toEqual(byKey(incomingByFromFacts(db, f, pieces, 'calendar', unit)));
        }
      }
    }
    // The walk above made enough tickets for the comparison to mean something.
    expect(compared).toBeGreaterThan(200);
    expect(withDurations).toBeGreaterThan(500);
    expect(surveysCompared).toBeGreaterThan(100);
    expect(targetsCompared).toBeGreaterThan(300);
  });

  it('are rebuilt from the history alone', () => {
    const before = db
      .select()
      .from(tickets)
      .all()
      .map((t) => findTicketFacts(db, t.id));
    db.$client.exec('delete from ticket_facts');
    expect(rebuildAllTicketFacts(db, 7)).toBe(before.length);
    expect(
      db
        .select()
        .from(tickets)
        .all()
        .map((t) => findTicketFacts(db, t.id)),
    ).toEqual(before);
  });
});
