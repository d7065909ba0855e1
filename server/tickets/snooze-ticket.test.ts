import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { findJob } from '@/db/queries/jobs';
import { listChannelsOfKind } from '@/db/queries/inbound';
import { listNotifications } from '@/db/queries/notifications';
import { findTicket, listEvents } from '@/db/queries/tickets';
import { ticketFilterSchema } from '@/lib/ticket-filter';
import type { Viewer } from '@/server/auth/sessions';
import { ingest } from '@/server/channels/ingest';
import { runDueJobs } from '@/server/jobs/durable-jobs';
import { recordBus } from '@/server/testing/bus-recorder';
import { createTestTicket } from '@/server/testing/fixtures';
import { openTestDatabase, viewerOf } from '@/server/testing/test-database';
import { createCaller } from '@/server/trpc/root';
import { listTickets } from './list-tickets';
import { registerSnoozeJobs, snoozeTicket } from './snooze-ticket';

// Snooze on a real SQLite file with the worker's clock injected: the ticket waits, the durable job brings
// it back at its time (never twice, never after the snooze ended or moved), and the assignee is told.
let db: Db;
let close: () => void;
let jana: Viewer;
let tom: Viewer;
const T0 = Date.UTC(2026, 11, 2, 9, 0);
const HOUR = 3600_000;
const UNTIL = T0 + 24 * HOUR;

beforeAll(() => {
  ({ db, close } = openTestDatabase());
  jana = viewerOf(db, 'jana@demo.local');
  tom = viewerOf(db, 'tom@demo.local');
  registerSnoozeJobs();
});
afterAll(() => close());

const heard = recordBus(['ticket.changed', 'ticket.status', 'notifications.new']);
const caller = (viewer: Viewer | null) => createCaller({ db, viewer, ip: '127.0.0.1', originOk: true });
const ticketOf = (o: Partial<Parameters<typeof createTestTicket>[1]> = {}) =>
  createTestTicket(db, { channel: 'email', at: T0 - HOUR, assigneeId: jana.id, ...o }).ticket;
const historyAfter = (ticketId: number, skip = 2) =>
  listEvents(db, ticketId)
    .slice(skip)
    .map((e) => [e.type, e.data, e.actorKind]);
const snoozedList = () => listTickets(db, jana.id, { filter: ticketFilterSchema.parse({ assignee: 'any', snoozed: true }), limit: 50 }, T0).items;
const snoozeBack = (ticketId: number) => listNotifications(db, jana.id, 50).filter((n) => n.kind === 'snooze_ended' && n.ticketId === ticketId);

describe('snoozing a ticket', () => {
  it('through the procedure: it waits with its reason, shows in the Snoozed view, and one job is planned for its time', async () => {
    const t = ticketOf();
    // The procedure runs on the real clock; the times here are far enough ahead of it.
    const until = Date.now() + 48 * HOUR;
    await expect(caller(tom).tickets.snooze({ id: t.id, until, reason: '  Warten auf den Lieferanten  ' })).resolves.toEqual({ snoozedUntil: until });
    expect(findTicket(db, t.id)).toMatchObject({ status: 'pending', snoozedUntil: until, snoozeReason: 'Warten auf den Lieferanten' });
    expect(historyAfter(t.id)).toEqual([
      ['snoozed', { until, reason: 'Warten auf den Lieferanten' }, 'agent'],
      ['status_changed', { from: 'open', to: 'pending' }, 'agent'],
    ]);
    expect(findJob(db, `snooze:${t.id}`)).toMatchObject({ kind: 'snooze', runAt: until, state: 'queued' });
    expect(listTickets(db, jana.id, { filter: ticketFilterSchema.parse({ assignee: 'any', snoozed: true }), limit: 50 }).items).toContainEqual(
      expect.objectContaining({ id: t.id, snoozedUntil: until, status: 'pending' }),
    );
    expect(heard).toContainEqual({ name: 'ticket.status', payload: { ticketId: t.id, from: 'open', to: 'pending' } });
  });

  it('comes back at its time, not before, and only once; the assignee is told live', () => {
    const t = ticketOf();
    snoozeTicket(db, tom, t.id, { until: UNTIL, reason: null }, T0);
    runDueJobs(db, UNTIL - 1);
    expect(findTicket(db, t.id)).toMatchObject({ status: 'pending', snoozedUntil: UNTIL });
    expect(snoozedList().map((r) => r.id)).toContain(t.id);

    expect(runDueJobs(db, UNTIL + 200)).toBeGreaterThanOrEqual(1);
    expect(findTicket(db, t.id)).toMatchObject({ status: 'open', snoozedUntil: null, snoozeReason: null });
    expect(historyAfter(t.id, 4)).toEqual([
      ['snooze_ended', { until: UNTIL, cause: 'time' }, 'system'],
      ['status_changed', { from: 'pending', to: 'open' }, 'system'],
    ]);
    expect(snoozeBack(t.id)).toEqual([expect.objectContaining({ createdAt: UNTIL + 200, readAt: null })]);
    expect(heard).toContainEqual({ name: 'notifications.new', payload: { agentIds: [jana.id] } });
    expect(heard).toContainEqual({ name: 'ticket.status', payload: { ticketId: t.id, from: 'pending', to: 'open' } });
    expect(snoozedList().map((r) => r.id)).not.toContain(t.id);

    runDueJobs(db, UNTIL + 2 * HOUR);
    expect(historyAfter(t.id, 4)).toHaveLength(2);
    expect(snoozeBack(t.id)).toHaveLength(1);
  });

  it('snoozed again, it moves: the first time passes quietly and it comes back at the second', () => {
    const t = ticketOf({ assigneeId: null });
    snoozeTicket(db, tom, t.id, { until: UNTIL, reason: null }, T0);
    snoozeTicket(db, tom, t.id, { until: UNTIL + 2 * HOUR, reason: 'Rückruf vereinbart' }, T0 + HOUR);
    runDueJobs(db, UNTIL + HOUR);
    expect(findTicket(db, t.id)).toMatchObject({ status: 'pending', snoozedUntil: UNTIL + 2 * HOUR, snoozeReason: 'Rückruf vereinbart' });
    runDueJobs(db, UNTIL + 2 * HOUR);
    expect(findTicket(db, t.id)).toMatchObject({ status: 'open', snoozedUntil: null });
    expect(historyAfter(t.id).map(([type]) => type)).toEqual(['snoozed', 'status_changed', 'snoozed', 'snooze_ended', 'status_changed']);
    // Nobody assigned: nobody is notified; the ticket is back in the team's queue.
    expect(heard.filter((h) => h.name === 'notifications.new')).toEqual([]);
  });

  it('the customer writing ends it at once; its job then does nothing', () => {
    const t = ticketOf();
    snoozeTicket(db, jana, t.id, { until: UNTIL, reason: null }, T0);
    ingest(
      db,
      {
        channelId: listChannelsOfKind(db, 'email')[0]!.id,
        from: { externalId: `snooze-customer-${t.id}`, name: 'Kundin', email: null, emailProven: false },
        channelMessageId: null,
        subject: null,
        text: 'Die Lieferung ist da, danke!',
        html: null,
        receivedAt: T0 + HOUR,
        autoSubmitted: false,
      },
      { resolveThread: (tx) => ({ kind: 'join', ticket: findTicket(tx, t.id)! }) },
    );
    expect(findTicket(db, t.id)).toMatchObject({ status: 'open', snoozedUntil: null });
    expect(historyAfter(t.id).map(([type, data]) => [type, data])).toEqual([
      ['snoozed', { until: UNTIL, reason: null }],
      ['status_changed', { from: 'open', to: 'pending' }],
      ['customer_message', expect.any(Object)],
      ['snooze_ended', { until: UNTIL, cause: 'customer' }],
      ['status_changed', { from: 'pending', to: 'open' }],
    ]);
    runDueJobs(db, UNTIL);
    expect(historyAfter(t.id)).toHaveLength(5);
    expect(snoozeBack(t.id)).toEqual([]);
  });

  it('an agent reopening it ends it too, and says who', () => {
    const t = ticketOf();
    snoozeTicket(db, jana, t.id, { until: UNTIL, reason: null }, T0);
    return caller(tom)
      .tickets.update({ id: t.id, status: 'open' })
      .then(() => {
        expect(findTicket(db, t.id)).toMatchObject({ status: 'open', snoozedUntil: null });
        expect(listEvents(db, t.id).find((e) => e.type === 'snooze_ended')).toMatchObject({ data: { cause: 'agent' }, actorAgentId: tom.id });
      });
  });
});

describe('what snoozing refuses', () => {
  it('a time past, more than a year ahead, a solved ticket, an overlong reason, an unknown ticket, and anyone not signed in', async () => {
    const t = ticketOf();
    const now = Date.now();
    await expect(caller(jana).tickets.snooze({ id: t.id, until: now - 1000 })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: /already passed/ });
    await expect(caller(jana).tickets.snooze({ id: t.id, until: now + 400 * 24 * HOUR })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: /a year/ });
    await expect(caller(jana).tickets.snooze({ id: t.id, until: now + HOUR, reason: 'x'.repeat(201) })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller(jana).tickets.snooze({ id: 999_999, until: now + HOUR })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller(null).tickets.snooze({ id: t.id, until: now + HOUR })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const solved = ticketOf({ status: 'solved' });
    await expect(caller(jana).tickets.snooze({ id: solved.id, until: now + HOUR })).rejects.toMatchObject({ code: 'CONFLICT', message: /solved/ });
    // Nothing of it was written.
    expect(findTicket(db, t.id)).toMatchObject({ status: 'open', snoozedUntil: null });
    expect(findJob(db, `snooze:${t.id}`)).toBeUndefined();
    expect(listEvents(db, solved.id).map((e) => e.type)).not.toContain('snoozed');
  });
});
