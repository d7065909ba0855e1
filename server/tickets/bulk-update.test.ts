import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { findTicket, listEvents, listTicketTags } from '@/db/queries/tickets';
import type { Viewer } from '@/server/auth/sessions';
import { createTestTicket } from '@/server/testing/fixtures';
import { openTestDatabase, viewerOf } from '@/server/testing/test-database';
import { createCaller } from '@/server/trpc/root';

// Bulk changes through the procedure on a real SQLite file: each ticket changed as if one by one.
let db: Db;
let close: () => void;
let jana: Viewer;
let tom: Viewer;
const T = Date.UTC(2026, 11, 1, 9);

beforeAll(() => {
  ({ db, close } = openTestDatabase());
  jana = viewerOf(db, 'jana@demo.local');
  tom = viewerOf(db, 'tom@demo.local');
});
afterAll(() => close());

const as = (v: Viewer) => createCaller({ db, viewer: v, ip: '127.0.0.1', originOk: true }).tickets;
const ticket = (o: Partial<Parameters<typeof createTestTicket>[1]> = {}) => createTestTicket(db, { channel: 'email', at: T, ...o }).ticket;
const lastEvents = (id: number) =>
  listEvents(db, id)
    .slice(2)
    .map((e) => [e.type, e.data, e.actorAgentId]);

describe('bulk changes', () => {
  it('assigns, sets status and tags each selected ticket with its own events; a closed one is named and the rest go through', async () => {
    const a = ticket({ tags: ['versand'] });
    const b = ticket({ status: 'new' });
    const closed = ticket({ status: 'closed' });
    const res = await as(jana).bulkUpdate({ ids: [a.id, b.id, closed.id, a.id], patch: { status: 'pending', assigneeId: tom.id, addTags: ['Rückfrage'] } });
    expect(res).toEqual({ changed: [a.id, b.id], unchanged: [], refused: [{ id: closed.id, key: 'ticket_closed' }] });
    for (const t of [a, b]) {
      expect(findTicket(db, t.id)).toMatchObject({ status: 'pending', assigneeId: tom.id });
      expect(listTicketTags(db, t.id).map((x) => x.name)).toContain('rückfrage');
    }
    expect(lastEvents(a.id)).toEqual([
      ['status_changed', { from: 'open', to: 'pending' }, jana.id],
      ['assignee_changed', { from: null, to: tom.id }, jana.id],
      ['tags_changed', { added: ['rückfrage'], removed: [] }, jana.id],
    ]);
    expect(findTicket(db, closed.id)).toMatchObject({ status: 'closed', assigneeId: null });
    // Closed is final for the other properties too.
    await expect(as(jana).bulkUpdate({ ids: [closed.id], patch: { priority: 'high' } })).resolves.toMatchObject({
      refused: [{ id: closed.id, key: 'ticket_closed' }],
    });
    // Again: nothing left to change.
    await expect(as(jana).bulkUpdate({ ids: [a.id, b.id], patch: { status: 'pending' } })).resolves.toEqual({
      changed: [],
      unchanged: [a.id, b.id],
      refused: [],
    });
  });

  it('refuses, for all of them and before any change, an unknown agent; and more than 100 tickets, and anyone not signed in', async () => {
    const a = ticket();
    await expect(as(jana).bulkUpdate({ ids: [a.id], patch: { assigneeId: 99_999, priority: 'urgent' } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(findTicket(db, a.id)).toMatchObject({ priority: 'normal', assigneeId: null });
    const many = Array.from({ length: 101 }, (_, i) => i + 1);
    await expect(as(jana).bulkUpdate({ ids: many, patch: { priority: 'low' } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      createCaller({ db, viewer: null, ip: '127.0.0.1', originOk: true }).tickets.bulkUpdate({ ids: [a.id], patch: { priority: 'low' } }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    // An id that does not exist is named, not fatal.
    await expect(as(jana).bulkUpdate({ ids: [a.id, 987_654], patch: { priority: 'low' } })).resolves.toEqual({
      changed: [a.id],
      unchanged: [],
      refused: [{ id: 987_654, key: 'ticket_not_found' }],
    });
  });
});
