import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listChannelsOfKind } from '@/db/queries/inbound';
import { indexNewRows } from '@/db/queries/search-index';
import { findTicket, listEvents, listMessages } from '@/db/queries/tickets';
import { ticketFilterSchema } from '@/lib/ticket-filter';
import type { Viewer } from '@/server/auth/sessions';
import { ingest } from '@/server/channels/ingest';
import { createTestTicket } from '@/server/testing/fixtures';
import { openTestDatabase, viewerOf } from '@/server/testing/test-database';
import { createCaller } from '@/server/trpc/root';
import { getTicket } from './get-ticket';
import { recordBus } from '@/server/testing/bus-recorder';
import { updateTicketColumns } from '@/db/queries/tickets';
import { listTickets } from './list-tickets';

// Merging and linking through the procedures on a real SQLite file.
let db: Db;
let close: () => void;
let jana: Viewer;
const T = Date.UTC(2026, 11, 1, 9);
const HOUR = 3600_000;

beforeAll(() => {
  ({ db, close } = openTestDatabase());
  jana = viewerOf(db, 'jana@demo.local');
});
afterAll(() => close());

const heard = recordBus(['ticket.status', 'ticket.changed']);
const as = (v: Viewer | null) => createCaller({ db, viewer: v, ip: '127.0.0.1', originOk: true }).tickets;
const ticket = (o: Partial<Parameters<typeof createTestTicket>[1]> = {}) => createTestTicket(db, { channel: 'email', at: T, ...o });
const types = (id: number) => listEvents(db, id).map((e) => e.type);

describe('merging a duplicate', () => {
  it('moves its messages to the ticket that stays, closes it, records both sides, and its number leads on', async () => {
    const target = ticket({ text: 'Meine Bestellung A-1001 fehlt.', status: 'pending' });
    const source = ticket({ text: 'Nochmal wegen Bestellung A-1001: Zahnbürste', at: T + HOUR, customerId: target.customer.id });
    await expect(as(jana).merge({ id: source.ticket.id, intoNumber: target.ticket.number })).resolves.toEqual({
      ticketId: target.ticket.id,
      number: target.ticket.number,
    });

    expect(findTicket(db, source.ticket.id)).toMatchObject({ status: 'closed', mergedIntoId: target.ticket.id });
    expect(listMessages(db, source.ticket.id)).toEqual([]);
    expect(listMessages(db, target.ticket.id).map((m) => m.bodyText)).toEqual([
      'Meine Bestellung A-1001 fehlt.',
      'Nochmal wegen Bestellung A-1001: Zahnbürste',
    ]);
    expect(findTicket(db, target.ticket.id)).toMatchObject({ status: 'pending', lastActivityAt: T + HOUR, lastCustomerMessageAt: T + HOUR });
    // Every agent's list and open conversation hear of both.
    expect(heard).toEqual(
      expect.arrayContaining([
        { name: 'ticket.status', payload: { ticketId: source.ticket.id, from: 'open', to: 'closed' } },
        { name: 'ticket.changed', payload: { ticketId: source.ticket.id, kind: 'updated', actorAgentId: jana.id } },
        { name: 'ticket.changed', payload: { ticketId: target.ticket.id, kind: 'updated', actorAgentId: jana.id } },
      ]),
    );
    expect(
      listEvents(db, source.ticket.id)
        .slice(2)
        .map((e) => [e.type, e.data]),
    ).toEqual([
      ['merged_into', { ticketId: target.ticket.id, number: target.ticket.number }],
      ['status_changed', { from: 'open', to: 'closed' }],
    ]);
    expect(listEvents(db, target.ticket.id).at(-1)).toMatchObject({
      type: 'merged_from',
      data: { ticketId: source.ticket.id, number: source.ticket.number, messages: 1 },
      actorAgentId: jana.id,
    });
    expect(getTicket(db, jana, source.ticket.id).mergedInto).toEqual({ id: target.ticket.id, number: target.ticket.number });
    await expect(as(jana).idOfNumber({ number: source.ticket.number })).resolves.toEqual({
      id: target.ticket.id,
      number: target.ticket.number,
      mergedFrom: source.ticket.number,
    });
    await expect(as(jana).idOfNumber({ number: target.ticket.number })).resolves.toEqual({
      id: target.ticket.id,
      number: target.ticket.number,
      mergedFrom: null,
    });

    // Search finds the moved text on the ticket that stays.
    indexNewRows(db);
    const found = listTickets(db, jana.id, { filter: ticketFilterSchema.parse({ q: 'Zahnbürste' }), limit: 10 }).items.map((i) => i.id);
    expect(found).toEqual([target.ticket.id]);

    // The customer answering in the duplicate's thread reaches the ticket that stays, and wakes it.
    const reply = ingest(
      db,
      {
        channelId: listChannelsOfKind(db, 'email')[0]!.id,
        from: { externalId: `merge-${source.ticket.id}`, name: 'Kundin', email: null, emailProven: false },
        channelMessageId: null,
        subject: null,
        text: 'Ist schon etwas passiert?',
        html: null,
        receivedAt: T + 2 * HOUR,
        autoSubmitted: false,
      },
      { resolveThread: (tx) => ({ kind: 'join', ticket: findTicket(tx, source.ticket.id)! }) },
    );
    expect(reply).toMatchObject({ ticketId: target.ticket.id, createdTicket: false });
    expect(findTicket(db, target.ticket.id)).toMatchObject({ status: 'open' });
  });

  it('refuses merging a ticket into itself, into or from a closed one, an unknown number, and anyone not signed in', async () => {
    const a = ticket();
    const closed = ticket({ status: 'closed' });
    await expect(as(jana).merge({ id: a.ticket.id, intoNumber: a.ticket.number })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: /itself/ });
    await expect(as(jana).merge({ id: a.ticket.id, intoNumber: closed.ticket.number })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(`#${closed.ticket.number}`),
    });
    await expect(as(jana).merge({ id: closed.ticket.id, intoNumber: a.ticket.number })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(`#${closed.ticket.number} is closed`),
    });
    await expect(as(jana).merge({ id: a.ticket.id, intoNumber: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(null).merge({ id: a.ticket.id, intoNumber: closed.ticket.number })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    // Nothing moved.
    expect(listMessages(db, a.ticket.id)).toHaveLength(1);
    expect(findTicket(db, a.ticket.id)).toMatchObject({ status: 'open', mergedIntoId: null });
  });

  it('the newest customer message of the two is kept, whichever side has none', async () => {
    const quiet = ticket();
    updateTicketColumns(db, quiet.ticket.id, { lastCustomerMessageAt: null });
    const wrote = ticket({ at: T + 5 * HOUR });
    await as(jana).merge({ id: wrote.ticket.id, intoNumber: quiet.ticket.number });
    expect(findTicket(db, quiet.ticket.id)!.lastCustomerMessageAt).toBe(T + 5 * HOUR);
    const silent = ticket();
    updateTicketColumns(db, silent.ticket.id, { lastCustomerMessageAt: null });
    await as(jana).merge({ id: silent.ticket.id, intoNumber: quiet.ticket.number });
    expect(findTicket(db, quiet.ticket.id)!.lastCustomerMessageAt).toBe(T + 5 * HOUR);
  });
});

describe('linking related tickets', () => {
  it('links both ways with an entry in each history, once; unlinking takes it away from both', async () => {
    const a = ticket({ subject: 'Lieferung A' }).ticket;
    const b = ticket({ subject: 'Lieferung B' }).ticket;
    await expect(as(jana).setLink({ id: a.id, otherNumber: b.number, linked: true })).resolves.toEqual({ changed: true });
    await expect(as(jana).setLink({ id: b.id, otherNumber: a.number, linked: true })).resolves.toEqual({ changed: false });
    expect(getTicket(db, jana, a.id).links).toEqual([{ ticketId: b.id, number: b.number, subject: 'Lieferung B', status: 'open', kind: 'related' }]);
    expect(getTicket(db, jana, b.id).links).toEqual([{ ticketId: a.id, number: a.number, subject: 'Lieferung A', status: 'open', kind: 'related' }]);
    expect(listEvents(db, a.id).at(-1)).toMatchObject({ type: 'linked', data: { ticketId: b.id, number: b.number } });
    expect(listEvents(db, b.id).at(-1)).toMatchObject({ type: 'linked', data: { ticketId: a.id, number: a.number } });

    await expect(as(jana).setLink({ id: b.id, otherNumber: a.number, linked: false })).resolves.toEqual({ changed: true });
    expect(getTicket(db, jana, a.id).links).toEqual([]);
    expect(types(a.id).at(-1)).toBe('unlinked');
    await expect(as(jana).setLink({ id: a.id, otherNumber: a.number, linked: true })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
