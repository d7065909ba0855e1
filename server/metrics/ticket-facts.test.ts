import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { tickets } from '@/db/schema';
import { listChannelsOfKind } from '@/db/queries/inbound';
import { listTicketSurveys } from '@/db/queries/surveys';
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
let db: Db;
let close: () => void;
let agents: Viewer[];
let emailChannelId: number;
const MIN = 60_000;
let clock = Date.UTC(2026, 10, 2, 8, 0);

beforeAll(() => {
  ({ db, close } = openTestDatabase());
  setConfig(loadConfig({ DATA_DIR: path.join(os.tmpdir(), 'helpdesk-facts'), PUBLIC_URL: 'https://help.example.de' }));
  agents = ['jana@demo.local', 'tom@demo.local', 'lena@demo.local'].map((e) => viewerOf(db, e));
  emailChannelId = listChannelsOfKind(db, 'email')[0]!.id;
  registerSlaJobs();
  registerSurveyJobs();
  savePolicy(db, null, {
    name: 'Kurz',
    calendarId: null,
    targets: { normal: { first_response: { minutes: 30, clock: 'calendar', warning: { percent: 50 } }, resolution: { minutes: 120, clock: 'calendar' } } },
  });
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
    } else if (ticket === undefined) return;
    else if (o.kind === 'customer') customerMail(ticket);
    else if (o.kind === 'reply')
      await replyToTicket(db, jana, { ticketId: ticket, body: 'Antwort', internal: false, status: o.status ?? undefined }, { now: clock });
    else if (o.kind === 'note') await replyToTicket(db, jana, { ticketId: ticket, body: 'Notiz', internal: true }, { now: clock });
    else if (o.kind === 'status') updateTicket(db, jana, ticket, { status: o.to }, clock);
    else if (o.kind === 'assign') updateTicket(db, jana, ticket, { assigneeId: o.agent === null ? null : agents[o.agent]!.id }, clock);
    else if (o.kind === 'priority') updateTicket(db, jana, ticket, { priority: o.to }, clock);
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
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 40 }), async (ops) => {
        const mine: number[] = [];
        for (const o of ops) await apply(o, mine);
        expect(factsDifferingFromHistory(db, mine)).toEqual([]);
      }),
      { numRuns: 60, seed: 20261201 },
    );
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
