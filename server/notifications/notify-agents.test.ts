import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listChannelsOfKind } from '@/db/queries/inbound';
import { listActiveAgentIds, listNotifications } from '@/db/queries/notifications';
import { findTicket } from '@/db/queries/tickets';
import { updateAgent } from '@/db/queries/agents';
import type { ChannelKind } from '@/lib/domain';
import type { Viewer } from '@/server/auth/sessions';
import { ingest, type IngestOptions } from '@/server/channels/ingest';
import { recordBus } from '@/server/testing/bus-recorder';
import { createTestTicket } from '@/server/testing/fixtures';
import { openTestDatabase, viewerOf } from '@/server/testing/test-database';
import { createCaller } from '@/server/trpc/root';
import { replyToTicket } from '@/server/tickets/reply-to-ticket';

// Who the bell tells, through the procedures, the reply path (as the reply procedure calls it for notes)
// and the one way messages come in, on a real SQLite file.
let db: Db;
let close: () => void;
let jana: Viewer;
let tom: Viewer;
let nils: Viewer;
const T = Date.UTC(2026, 11, 1, 9);
let n = 0;

beforeAll(() => {
  ({ db, close } = openTestDatabase());
  jana = viewerOf(db, 'jana@demo.local');
  tom = viewerOf(db, 'tom@demo.local');
  nils = viewerOf(db, 'nils@demo.local');
});
afterAll(() => close());

const heard = recordBus(['notifications.new']);
const as = (v: Viewer) => createCaller({ db, viewer: v, ip: '127.0.0.1', originOk: true });
const ticket = (o: Partial<Parameters<typeof createTestTicket>[1]> = {}) => createTestTicket(db, { channel: 'email', at: T, ...o }).ticket;
const told = (v: Viewer, ticketId: number) =>
  listNotifications(db, v.id, 100)
    .filter((x) => x.ticketId === ticketId)
    .map((x) => [x.kind, x.actorAgentId]);
const customerWrites = (kind: ChannelKind, opts: IngestOptions, from = `visitor-${++n}`) =>
  ingest(
    db,
    {
      channelId: listChannelsOfKind(db, kind)[0]!.id,
      from: { externalId: from, name: 'Kundin', email: null, emailProven: false },
      channelMessageId: null,
      subject: null,
      text: 'Hallo, ist da jemand?',
      html: null,
      receivedAt: T + n * 1000,
      autoSubmitted: false,
    },
    opts,
  );

describe('notifications', () => {
  it('an assignment tells the new assignee who did it, live; taking a ticket oneself tells nobody', async () => {
    const t = ticket();
    await as(jana).tickets.update({ id: t.id, assigneeId: tom.id });
    expect(told(tom, t.id)).toEqual([['assigned', jana.id]]);
    expect(heard).toContainEqual({ name: 'notifications.new', payload: { agentIds: [tom.id] } });
    const own = ticket();
    await as(jana).tickets.update({ id: own.id, assigneeId: jana.id });
    expect(told(jana, own.id)).toEqual([]);
  });

  it('a mention in a note tells the colleague; the same words in a public reply do not', async () => {
    const t = ticket();
    await replyToTicket(db, jana, { ticketId: t.id, body: '@Tom Fischer kannst du die Rechnung prüfen?', internal: true });
    expect(told(tom, t.id)).toEqual([['mentioned', jana.id]]);
    const other = ticket();
    await replyToTicket(db, jana, { ticketId: other.id, body: 'Liebe Kundin, @Tom Fischer meldet sich.', internal: false });
    expect(told(tom, other.id)).toEqual([]);
  });

  it('the customer writing on an assigned ticket tells the assignee, unless an agent has it open', () => {
    const t = ticket({ assigneeId: tom.id });
    customerWrites('email', { resolveThread: (tx) => ({ kind: 'join', ticket: findTicket(tx, t.id)! }) });
    expect(told(tom, t.id)).toEqual([['customer_replied', null]]);
    customerWrites('email', { resolveThread: (tx) => ({ kind: 'join', ticket: findTicket(tx, t.id)! }), agentWatching: () => true });
    expect(told(tom, t.id)).toHaveLength(1);
  });

  it('a new chat tells the chat team; a new email does not', () => {
    const chat = customerWrites('chat', { resolveThread: () => ({ kind: 'new' }) });
    const team = findTicket(db, chat.ticketId)!.teamId!;
    const members = listActiveAgentIds(db, { teamId: team, roles: ['agent', 'lead', 'admin'] });
    expect(members.length).toBeGreaterThan(0);
    for (const id of members)
      expect(
        listNotifications(db, id, 100)
          .filter((x) => x.ticketId === chat.ticketId)
          .map((x) => x.kind),
      ).toEqual(['new_chat']);
    const mail = customerWrites('email', { resolveThread: () => ({ kind: 'new' }) });
    expect(listNotifications(db, members[0]!, 100).filter((x) => x.ticketId === mail.ticketId)).toEqual([]);
  });

  it('a muted kind is not recorded for that agent; an inactive agent hears nothing', async () => {
    await as(tom).notifications.setMuted({ muted: ['assigned', 'assigned'] });
    await expect(as(tom).notifications.list()).resolves.toMatchObject({ muted: ['assigned'] });
    const t = ticket();
    await as(jana).tickets.update({ id: t.id, assigneeId: tom.id });
    expect(told(tom, t.id)).toEqual([]);
    await replyToTicket(db, jana, { ticketId: t.id, body: 'Info für @Tom', internal: true });
    expect(told(tom, t.id)).toEqual([['mentioned', jana.id]]);

    updateAgent(db, nils.id, { active: false });
    const u = ticket();
    await expect(as(jana).tickets.update({ id: u.id, assigneeId: nils.id })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await replyToTicket(db, jana, { ticketId: u.id, body: '@Nils Hansen?', internal: true });
    expect(told(nils, u.id)).toEqual([]);
    await expect(as(tom).notifications.setMuted({ muted: ['nonsense' as never] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
