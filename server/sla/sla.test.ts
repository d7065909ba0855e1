import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, type Db } from '@/db/client';
import { jobs, slaPolicies, ticketSlaTargets } from '@/db/schema';
import { listChannelsOfKind } from '@/db/queries/inbound';
import { findTicket, listEvents } from '@/db/queries/tickets';
import { listTicketSlaTargets } from '@/db/queries/sla';
import { listTeams } from '@/db/queries/agents';
import { runDueJobs } from '@/server/jobs/durable-jobs';
import { ingest } from '@/server/channels/ingest';
import { replyToTicket } from '@/server/tickets/reply-to-ticket';
import { updateTicket } from '@/server/tickets/update-ticket';
import { deleteCalendar, saveCalendar } from '@/server/calendars/calendar-admin';
import { openTestDatabase, viewerOf } from '@/server/testing/test-database';
import type { Viewer } from '@/server/auth/sessions';
import { deletePolicy, listPolicies, savePolicy } from './sla-policies';
import { registerSlaJobs } from './replan';
import { getBus } from '@/server/realtime/bus';
import { currentSlaTargets } from './ticket-sla-view';
import { remainingMs } from '@/lib/sla-clock';
import { countUnreadNotifications, listNotifications, markNotificationsRead } from '@/db/queries/notifications';

// SLA targets on a real SQLite file: policies as an admin saves them, tickets as ingest opens them, replies
// and status changes as agents make them, and the due jobs run by the worker at chosen instants.
let db: Db;
let close: () => void;
let jana: Viewer;
let calendarId: number;
const MIN = 60_000;
const HOUR = 3600_000;
// Europe/Berlin in winter is UTC+1: Friday 27 November 2026, 16:30 local.
const FRIDAY_1630 = Date.UTC(2026, 10, 27, 15, 30);
const MONDAY_0900 = Date.UTC(2026, 10, 30, 8, 0);
const WEEKDAYS_9_TO_17 = [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '17:00' }));

beforeAll(() => {
  ({ db, close } = openTestDatabase());
  jana = viewerOf(db, 'jana@demo.local');
  calendarId = saveCalendar(db, { name: 'Büro Berlin', timeZone: 'Europe/Berlin', periods: WEEKDAYS_9_TO_17, holidays: [] }).id;
  registerSlaJobs();
});
afterAll(() => close());
beforeEach(() => {
  for (const p of listPolicies(db)) deletePolicy(db, p.id);
  db.delete(jobs)
    .where(sql`1 = 1`)
    .run();
});

const standard = (extra: Record<string, unknown> = {}) => ({
  name: 'Standard',
  calendarId,
  targets: {
    normal: {
      first_response: { minutes: 60, clock: 'business', warning: { percent: 80 } },
      next_response: { minutes: 120, clock: 'business', warning: null },
      resolution: { minutes: 8 * 60, clock: 'business', warning: { minutesBefore: 60 } },
    },
    urgent: { first_response: { minutes: 30, clock: 'calendar', warning: null } },
  },
  ...extra,
});
let n = 0;
const customerWrites = (at: number, ticketId?: number) => {
  const from = { externalId: `sla-${ticketId ?? ++n}@example.de`, name: 'Kundin', email: null, emailProven: false };
  return ingest(
    db,
    {
      channelId: listChannelsOfKind(db, 'email')[0]!.id,
      from,
      channelMessageId: null,
      subject: 'Frage',
      text: 'Hallo',
      html: null,
      receivedAt: at,
      autoSubmitted: false,
    },
    { resolveThread: (tx) => (ticketId ? { kind: 'join', ticket: findTicket(tx, ticketId)! } : { kind: 'new' }) },
  ).ticketId;
};
const reply = (ticketId: number, at: number, status?: 'pending' | 'solved') =>
  replyToTicket(db, jana, { ticketId, body: 'Antwort', internal: false, status }, { now: at });
const targets = (ticketId: number) =>
  listTicketSlaTargets(db, ticketId).map((r) => ({
    target: r.target,
    cycle: r.cycle,
    state: r.state,
    dueAt: r.dueAt,
    warnAt: r.warnAt,
    breachedAt: r.breachedAt,
  }));
const slaEvents = (ticketId: number) =>
  listEvents(db, ticketId)
    .filter((e) => e.type.startsWith('sla_'))
    .map((e) => ({ type: e.type, at: e.createdAt, data: e.data }));

describe('an SLA policy on a new ticket', () => {
  it('counts business time: Friday 16:30 plus one business hour is due Monday 09:30, warned at 80 %', () => {
    savePolicy(db, null, standard());
    const id = customerWrites(FRIDAY_1630);
    expect(targets(id)).toEqual([
      { target: 'first_response', cycle: 1, state: 'running', dueAt: MONDAY_0900 + 30 * MIN, warnAt: MONDAY_0900 + 18 * MIN, breachedAt: null },
      // Eight business hours: 30 minutes on Friday, the rest of Monday until 16:30.
      { target: 'resolution', cycle: 1, state: 'running', dueAt: MONDAY_0900 + 7.5 * HOUR, warnAt: MONDAY_0900 + 6.5 * HOUR, breachedAt: null },
    ]);
    expect(findTicket(db, id)).toMatchObject({ slaDueAt: MONDAY_0900 + 30 * MIN, slaTarget: 'first_response', slaWarnAt: MONDAY_0900 + 18 * MIN });
    // Starting to count is the targets' rows; the history has nothing to say yet.
    expect(slaEvents(id)).toEqual([]);
  });

  it('records the warning and the breach once each, at their moment, when the jobs come due, and the late reply by how much', async () => {
    savePolicy(db, null, standard());
    const id = customerWrites(FRIDAY_1630);
    runDueJobs(db, MONDAY_0900 + 17 * MIN);
    expect(slaEvents(id).filter((e) => e.type !== 'sla_planned')).toEqual([]);
    runDueJobs(db, MONDAY_0900 + 18 * MIN);
    runDueJobs(db, MONDAY_0900 + 19 * MIN);
    expect(slaEvents(id).filter((e) => e.type === 'sla_warning')).toEqual([
      { type: 'sla_warning', at: MONDAY_0900 + 18 * MIN, data: { target: 'first_response', cycle: 1, dueAt: MONDAY_0900 + 30 * MIN } },
    ]);
    runDueJobs(db, MONDAY_0900 + 30 * MIN + 400);
    runDueJobs(db, MONDAY_0900 + 31 * MIN);
    expect(slaEvents(id).filter((e) => e.type === 'sla_breached')).toEqual([
      { type: 'sla_breached', at: MONDAY_0900 + 30 * MIN, data: { target: 'first_response', cycle: 1, dueAt: MONDAY_0900 + 30 * MIN } },
    ]);
    // The breached target keeps counting until the reply: the badge shows how far over it is.
    expect(findTicket(db, id)!.slaTarget).toBe('first_response');

    await reply(id, MONDAY_0900 + HOUR);
    const met = slaEvents(id).find((e) => e.type === 'sla_met')!;
    expect(met).toEqual({
      type: 'sla_met',
      at: MONDAY_0900 + HOUR,
      data: {
        target: 'first_response',
        cycle: 1,
        met: false,
        targetMs: HOUR,
        overByMs: 30 * MIN,
        duration: { calendarMs: MONDAY_0900 + HOUR - FRIDAY_1630, businessMs: 90 * MIN, calendarId, policyId: expect.any(Number) },
      },
    });
    expect(targets(id)[0]).toMatchObject({ target: 'first_response', state: 'met' });
    expect(findTicket(db, id)).toMatchObject({ slaTarget: 'resolution', slaDueAt: MONDAY_0900 + 7.5 * HOUR });
    // The ticket's one job now waits for the next moment ahead: resolution's warning.
    expect(
      db
        .select()
        .from(jobs)
        .where(eq(jobs.id, `sla:${id}`))
        .get(),
    ).toMatchObject({ state: 'queued', runAt: MONDAY_0900 + 6.5 * HOUR });
  });

  it('hands the browser what it needs to count the same time left as the server', async () => {
    savePolicy(db, null, standard());
    const id = customerWrites(MONDAY_0900);
    await reply(id, MONDAY_0900 + 10 * MIN, 'pending');
    customerWrites(MONDAY_0900 + HOUR, id);
    const shown = currentSlaTargets(db, id);
    expect(shown.map((s) => [s.target, s.state, s.calendar?.timeZone ?? null])).toEqual([
      ['first_response', 'met', 'Europe/Berlin'],
      ['next_response', 'running', 'Europe/Berlin'],
      ['resolution', 'running', 'Europe/Berlin'],
    ]);
    const resolution = shown.find((s) => s.target === 'resolution')!;
    expect(resolution.pauses).toEqual([[MONDAY_0900 + 10 * MIN, MONDAY_0900 + HOUR]]);
    // At the stored due time the browser's clock says exactly nothing is left.
    expect(remainingMs(resolution.calendar, resolution.startedAt, resolution.targetMs, resolution.dueAt!, resolution.pauses)).toBe(0);
    expect(remainingMs(resolution.calendar, resolution.startedAt, resolution.targetMs, MONDAY_0900 + 2 * HOUR, resolution.pauses)).toBe(
      8 * HOUR - (2 * HOUR - 50 * MIN),
    );
  });

  it('gives a ticket no policy covers no targets, and a ticket the first match covers only that one’s', () => {
    savePolicy(db, null, standard({ name: 'Nur Chat', conditions: { channels: ['chat'] } }));
    const uncovered = customerWrites(FRIDAY_1630);
    expect(targets(uncovered)).toEqual([]);
    expect(findTicket(db, uncovered)!.slaDueAt).toBeNull();
    savePolicy(db, null, standard({ name: 'Alle', targets: { normal: { first_response: { minutes: 10, clock: 'calendar', warning: null } } } }));
    const covered = customerWrites(FRIDAY_1630);
    expect(targets(covered).map((t) => [t.target, t.dueAt])).toEqual([['first_response', FRIDAY_1630 + 10 * MIN]]);
  });
});

describe('clocks that pause, move and restart', () => {
  it('pauses resolution while the customer is asked to wait, and counts on when they answer', async () => {
    savePolicy(db, null, standard());
    const id = customerWrites(MONDAY_0900);
    await reply(id, MONDAY_0900 + 10 * MIN, 'pending');
    expect(targets(id).find((t) => t.target === 'resolution')).toMatchObject({ state: 'paused', dueAt: null });
    expect(findTicket(db, id)!.slaDueAt).toBeNull();
    // Back after two business hours: resolution is due two business hours later than it would have been.
    customerWrites(MONDAY_0900 + 2 * HOUR + 10 * MIN, id);
    expect(targets(id)).toEqual([
      expect.objectContaining({ target: 'first_response', state: 'met' }),
      // Six business hours left on Monday after the two paused, two on Tuesday morning.
      expect.objectContaining({ target: 'resolution', cycle: 1, state: 'running', dueAt: MONDAY_0900 + 26 * HOUR }),
      expect.objectContaining({ target: 'next_response', cycle: 1, state: 'running', dueAt: MONDAY_0900 + 4 * HOUR + 10 * MIN }),
    ]);
  });

  it('moves running targets when the priority changes, records the move, and leaves met ones met', async () => {
    savePolicy(db, null, standard());
    const id = customerWrites(MONDAY_0900);
    updateTicket(db, jana, id, { priority: 'urgent' }, MONDAY_0900 + 5 * MIN);
    // Urgent has only a 30-minute calendar-time first response; resolution is no longer asked for.
    expect(targets(id).map((t) => [t.target, t.state, t.dueAt])).toEqual([
      ['first_response', 'running', MONDAY_0900 + 30 * MIN],
      ['resolution', 'stopped', null],
    ]);
    expect(slaEvents(id)).toEqual([
      {
        type: 'sla_planned',
        at: MONDAY_0900 + 5 * MIN,
        data: {
          target: 'first_response',
          cycle: 1,
          policyId: expect.any(Number),
          policy: 'Standard',
          dueAt: MONDAY_0900 + 30 * MIN,
          previousDueAt: MONDAY_0900 + HOUR,
        },
      },
      { type: 'sla_stopped', at: MONDAY_0900 + 5 * MIN, data: { target: 'resolution', cycle: 1, reason: 'policy_changed' } },
    ]);
    await reply(id, MONDAY_0900 + 20 * MIN);
    updateTicket(db, jana, id, { priority: 'normal' }, MONDAY_0900 + 25 * MIN);
    expect(targets(id).find((t) => t.target === 'first_response')).toMatchObject({ state: 'met', dueAt: MONDAY_0900 + 30 * MIN });
    // Asked for again, resolution counts on from the ticket's creation.
    expect(targets(id).find((t) => t.target === 'resolution')).toMatchObject({ state: 'running', dueAt: MONDAY_0900 + 8 * HOUR });
  });

  it('opens a new resolution cycle and a fresh next response when a solved ticket is reopened', async () => {
    savePolicy(db, null, standard());
    const id = customerWrites(MONDAY_0900);
    await reply(id, MONDAY_0900 + 30 * MIN, 'solved');
    expect(targets(id).map((t) => [t.target, t.cycle, t.state])).toEqual([
      ['first_response', 1, 'met'],
      ['resolution', 1, 'met'],
    ]);
    const reopened = MONDAY_0900 + 3 * HOUR;
    customerWrites(reopened, id);
    expect(findTicket(db, id)).toMatchObject({ status: 'open', reopenCount: 1 });
    expect(targets(id).map((t) => [t.target, t.cycle, t.state, t.dueAt])).toEqual([
      ['first_response', 1, 'met', MONDAY_0900 + HOUR],
      ['resolution', 1, 'met', MONDAY_0900 + 8 * HOUR],
      ['next_response', 1, 'running', reopened + 2 * HOUR],
      // Five hours on Monday afternoon, three on Tuesday morning.
      ['resolution', 2, 'running', reopened + 24 * HOUR],
    ]);
  });

  it('starts a response clock when a ticket solved without any reply is reopened', () => {
    savePolicy(db, null, standard());
    const id = customerWrites(MONDAY_0900);
    updateTicket(db, jana, id, { status: 'solved' }, MONDAY_0900 + 10 * MIN);
    customerWrites(MONDAY_0900 + HOUR, id);
    expect(targets(id).map((t) => [t.target, t.cycle, t.state, t.dueAt, t.warnAt])).toEqual([
      // Stopped by the solve; it keeps the due time it had.
      ['first_response', 1, 'stopped', MONDAY_0900 + HOUR, MONDAY_0900 + 48 * MIN],
      ['resolution', 1, 'met', MONDAY_0900 + 8 * HOUR, MONDAY_0900 + 7 * HOUR],
      // The next response has no warning in this policy.
      ['next_response', 1, 'running', MONDAY_0900 + 3 * HOUR, null],
      // Seven hours on Monday from 10:00, one on Tuesday; warned an hour before, at Monday's close.
      ['resolution', 2, 'running', MONDAY_0900 + 25 * HOUR, MONDAY_0900 + 8 * HOUR],
    ]);
  });

  it('measures a calendar-time policy without a calendar in calendar time only', async () => {
    savePolicy(db, null, standard({ calendarId: null, targets: { normal: { first_response: { minutes: 30, clock: 'calendar', warning: null } } } }));
    const id = customerWrites(FRIDAY_1630);
    await reply(id, FRIDAY_1630 + 20 * MIN);
    expect(slaEvents(id)).toEqual([
      {
        type: 'sla_met',
        at: FRIDAY_1630 + 20 * MIN,
        data: {
          target: 'first_response',
          cycle: 1,
          met: true,
          targetMs: 30 * MIN,
          overByMs: 0,
          duration: { calendarMs: 20 * MIN, businessMs: null, calendarId: null, policyId: expect.any(Number) },
        },
      },
    ]);
  });

  it('stops a first response that never came when the ticket is solved without one', () => {
    savePolicy(db, null, standard());
    const id = customerWrites(MONDAY_0900);
    updateTicket(db, jana, id, { status: 'solved' }, MONDAY_0900 + 10 * MIN);
    expect(slaEvents(id).map((e) => e.type)).toEqual(['sla_stopped', 'sla_met']);
    expect(findTicket(db, id)!.slaDueAt).toBeNull();
    expect(
      db
        .select()
        .from(jobs)
        .where(eq(jobs.id, `sla:${id}`))
        .get()!.state,
    ).toBe('cancelled');
  });
});

describe('the due jobs', () => {
  it('record one breach however many workers run at once', () => {
    savePolicy(db, null, standard({ targets: { normal: { first_response: { minutes: 5, clock: 'calendar', warning: null } } } }));
    const id = customerWrites(MONDAY_0900);
    const other = openDatabase(db.$client.name);
    try {
      registerSlaJobs();
      const due = MONDAY_0900 + 5 * MIN;
      expect(runDueJobs(db, due) + runDueJobs(other, due) + runDueJobs(db, due + MIN)).toBe(1);
    } finally {
      other.$client.close();
    }
    expect(slaEvents(id).filter((e) => e.type === 'sla_breached')).toHaveLength(1);
  });

  it('catch up after a pause in the worker: nothing due is lost, each recorded at its own moment', () => {
    savePolicy(db, null, standard());
    const id = customerWrites(FRIDAY_1630);
    // The process was down all Monday morning; the first tick after it starts again.
    runDueJobs(db, MONDAY_0900 + 3 * HOUR);
    expect(slaEvents(id).filter((e) => e.type !== 'sla_planned')).toEqual([
      { type: 'sla_warning', at: MONDAY_0900 + 18 * MIN, data: expect.objectContaining({ target: 'first_response' }) },
      { type: 'sla_breached', at: MONDAY_0900 + 30 * MIN, data: expect.objectContaining({ target: 'first_response' }) },
    ]);
  });
});

describe('who is told', () => {
  it('tells the assignee at the warning and the team’s leads at the breach, once each, and only the agent may mark theirs read', () => {
    savePolicy(db, null, standard());
    const id = customerWrites(FRIDAY_1630);
    updateTicket(db, jana, id, { assigneeId: jana.id }, FRIDAY_1630 + MIN);
    const lena = viewerOf(db, 'lena@demo.local');
    runDueJobs(db, MONDAY_0900 + 18 * MIN);
    runDueJobs(db, MONDAY_0900 + 30 * MIN);
    runDueJobs(db, MONDAY_0900 + 31 * MIN);
    const mine = (agentId: number) => listNotifications(db, agentId, 10).filter((x) => x.ticketId === id);
    expect(mine(jana.id).map((x) => [x.kind, x.target, x.dueAt])).toEqual([['sla_warning', 'first_response', MONDAY_0900 + 30 * MIN]]);
    expect(mine(lena.id).map((x) => [x.kind, x.target])).toEqual([['sla_breached', 'first_response']]);
    markNotificationsRead(db, lena.id, [mine(jana.id)[0]!.id], MONDAY_0900 + HOUR);
    expect(mine(jana.id)[0]!.readAt).toBeNull();
    markNotificationsRead(db, jana.id, 'all', MONDAY_0900 + HOUR);
    expect(countUnreadNotifications(db, jana.id)).toBe(0);
  });
});

describe('saving policies', () => {
  it('refuses a bad policy with its problems field by field, and a second policy of the same name', () => {
    expect(() => savePolicy(db, null, standard({ calendarId: null }))).toThrow(
      expect.objectContaining({ key: 'sla_policy_invalid', details: { problems: [{ path: 'calendarId', code: 'business_needs_calendar', params: {} }] } }),
    );
    savePolicy(db, null, standard());
    expect(() => savePolicy(db, null, standard({ name: 'STANDARD' }))).toThrow(
      expect.objectContaining({ details: { problems: [{ path: 'name', code: 'name_taken', params: { name: 'Standard' } }] } }),
    );
    expect(db.select().from(slaPolicies).all()).toHaveLength(1);
  });

  it('refuses a calendar whose periods overlap, saying where', () => {
    const periods = [
      { day: 2, from: '13:00', to: '18:00' },
      { day: 2, from: '09:00', to: '13:30' },
      { day: 3, from: '09:00', to: '12:00' },
      { day: 3, from: '12:00', to: '17:00' },
    ];
    expect(() => saveCalendar(db, { name: 'Doppelt', timeZone: 'Europe/Berlin', periods, holidays: [] })).toThrow(
      expect.objectContaining({ key: 'calendar_periods_overlap', params: { day: '2', from: '13:00' } }),
    );
    expect(saveCalendar(db, { name: 'Getrennt', timeZone: 'Europe/Berlin', periods: periods.slice(2), holidays: [] }).id).toEqual(expect.any(Number));
  });

  it('plans the open tickets again when a policy is saved, and says which tickets changed', async () => {
    const id = customerWrites(MONDAY_0900);
    expect(targets(id)).toEqual([]);
    savePolicy(db, null, standard({ targets: { normal: { first_response: { minutes: 30, clock: 'calendar', warning: null } } } }), MONDAY_0900 + HOUR);
    const changed: number[] = [];
    const listen = (c: { ticketId: number }) => void changed.push(c.ticketId);
    getBus().on('ticket.changed', listen);
    expect(runDueJobs(db, MONDAY_0900 + HOUR)).toBeGreaterThan(0);
    // The policy is new, the ticket is not: its first response was due half an hour after it arrived.
    expect(targets(id)).toEqual([
      expect.objectContaining({ target: 'first_response', state: 'running', dueAt: MONDAY_0900 + 30 * MIN, breachedAt: MONDAY_0900 + 30 * MIN }),
    ]);
    // Announced once the sweep's transaction has committed.
    await new Promise((resolve) => setImmediate(resolve));
    getBus().off('ticket.changed', listen);
    expect(changed).toContain(id);
  });

  it('keeps a calendar a policy counts on from being deleted', () => {
    savePolicy(db, null, standard());
    expect(() => deleteCalendar(db, calendarId)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', key: 'calendar_used_by_policies', params: { names: '“Standard”' } }),
    );
    expect(listTeams(db).length).toBeGreaterThan(0);
    expect(db.select().from(ticketSlaTargets).all().length).toBeGreaterThan(0);
  });
});
