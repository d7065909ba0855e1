import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { startTestServer, httpClient, sendDemoInboxTo } from '@/server/testing/test-server';
import { startSmtpSink } from '@/server/testing/smtp-sink';
import { createTestTicket } from '@/server/testing/fixtures';
import { DEMO_PASSWORD } from '@/db/seed/generate';
import { getDb } from '@/db/client';
import { findAgentByEmail, listTeams } from '@/db/queries/agents';
import { findTicket, listEvents, listMessages } from '@/db/queries/tickets';
import { findCustomer } from '@/db/queries/customers';
import { outbox, sessions } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { ingest } from '@/server/channels/ingest';
import { MAX_ATTEMPTS, runOutboxOnce } from '@/server/jobs/outbox-worker';

// An empty inbox (demo agents, teams and channels, no demo tickets): every ticket here is built by the test.
let server: Awaited<ReturnType<typeof startTestServer>>;
let jana: ReturnType<typeof httpClient>;
let janaId = 0;
let tomId = 0;
const T = Date.UTC(2026, 10, 2, 9, 0);
const MIN = 60_000;

beforeAll(async () => {
  server = await startTestServer({ DEMO_TICKETS: '0', OUTBOX_INTERVAL_MS: '3600000' });
  jana = httpClient(server.url);
  await jana.mutate('auth.login', { email: 'jana@demo.local', password: DEMO_PASSWORD });
  janaId = findAgentByEmail(getDb(), 'jana@demo.local')!.id;
  tomId = findAgentByEmail(getDb(), 'tom@demo.local')!.id;
});
afterAll(async () => {
  await server?.close();
});

type Page = { items: { id: number; unread: boolean }[]; nextCursor: { at: number; id: number } | null };
const list = async (filter: Record<string, unknown>, cursor?: Page['nextCursor'], limit = 50) => {
  const res = await jana.query<Page>('tickets.list', { filter, cursor, limit });
  if (!res.ok) throw new Error(res.message);
  return res.data;
};
const ids = async (filter: Record<string, unknown>, among: number[]) => (await list(filter)).items.map((i) => i.id).filter((id) => among.includes(id));

describe('the inbox list', () => {
  it('pages newest activity first with a keyset cursor: no ticket twice, none skipped', async () => {
    const made = Array.from({ length: 7 }, (_, i) => createTestTicket(getDb(), { channel: 'telegram', at: T + i * MIN }).ticket.id);
    const pages: number[][] = [];
    let cursor: Page['nextCursor'] | undefined;
    do {
      const page = await list({ channel: ['telegram'] }, cursor, 3);
      pages.push(page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toEqual([made.slice(4).reverse(), made.slice(1, 4).reverse(), made.slice(0, 1)]);
  });

  it('applies each filter exactly', async () => {
    const [billing, complaints] = [listTeams(getDb()).find((t) => t.name === 'Billing')!.id, listTeams(getDb()).find((t) => t.name === 'Reklamationen')!.id];
    const t = (o: Parameters<typeof createTestTicket>[1]) => createTestTicket(getDb(), { at: T + 100 * MIN, ...o }).ticket;
    const mine = t({ channel: 'email', assigneeId: janaId, priority: 'high', tags: ['rechnung'], teamId: billing });
    const toms = t({ channel: 'chat', assigneeId: tomId, status: 'pending', teamId: complaints });
    const nobody = t({ channel: 'whatsapp', priority: 'urgent', tags: ['vip'] });
    const solved = t({ channel: 'email', status: 'solved', assigneeId: janaId });
    const spam = t({ channel: 'email', spam: true });
    const again = t({ channel: 'messenger', customerId: nobody.customerId });
    const all = [mine, toms, nobody, solved, spam, again].map((x) => x.id);

    expect(await ids({ assignee: 'any' }, all)).toEqual([again.id, solved.id, nobody.id, toms.id, mine.id]);
    expect(await ids({ status: ['pending', 'solved'] }, all)).toEqual([solved.id, toms.id]);
    expect(await ids({ channel: ['email'] }, all)).toEqual([solved.id, mine.id]);
    expect(await ids({ priority: ['high', 'urgent'] }, all)).toEqual([nobody.id, mine.id]);
    expect(await ids({ assignee: 'me' }, all)).toEqual([solved.id, mine.id]);
    expect(await ids({ assignee: 'unassigned' }, all)).toEqual([again.id, nobody.id]);
    expect(await ids({ assignee: 'me_or_unassigned', status: ['new', 'open', 'pending', 'on_hold'] }, all)).toEqual([again.id, nobody.id, mine.id]);
    expect(await ids({ assignee: tomId }, all)).toEqual([toms.id]);
    expect(await ids({ teamId: billing }, all)).toEqual([mine.id]);
    expect(await ids({ tagId: await tagId('vip') }, all)).toEqual([nobody.id]);
    expect(await ids({ customerId: nobody.customerId }, all)).toEqual([again.id, nobody.id]);
    expect(await ids({ spam: true }, all)).toEqual([spam.id]);
  });

  it('marks a ticket unread for each agent until they open it, and again when the customer writes', async () => {
    const { ticket } = createTestTicket(getDb(), { channel: 'email', at: T + 200 * MIN });
    const unread = async () => (await list({ customerId: ticket.customerId })).items[0]!.unread;
    expect(await unread()).toBe(true);
    expect(await jana.mutate('tickets.markRead', { id: ticket.id })).toMatchObject({ ok: true });
    expect(await unread()).toBe(false);
    customerWrites(ticket.id, ticket.customerId, 'Noch eine Frage', Date.now() + 1000);
    expect(await unread()).toBe(true);
  });
});

async function tagId(name: string) {
  const res = await jana.query<{ tags: { id: number; name: string }[] }>('directory.all');
  if (!res.ok) throw new Error(res.message);
  return res.data.tags.find((t) => t.name === name)!.id;
}

/** A customer's message on the ticket through the one way in, as a channel adapter would hand it over. */
function customerWrites(ticketId: number, customerId: number, text: string, at: number) {
  const identity = getDb().$client.prepare('SELECT kind, external_id AS externalId FROM customer_identities WHERE customer_id = ?').get(customerId) as {
    kind: 'email';
    externalId: string;
  };
  const ticket = findTicket(getDb(), ticketId)!;
  return ingest(
    getDb(),
    {
      channelId: ticket.channelId,
      from: { externalId: identity.externalId, name: '', email: null, emailProven: false },
      channelMessageId: null,
      subject: null,
      text,
      html: null,
      receivedAt: at,
      autoSubmitted: false,
    },
    { resolveThread: (tx) => ({ kind: 'join', ticket: findTicket(tx, ticketId)! }) },
  );
}

describe('the lifecycle through the API', () => {
  it('stamps the first response on the first public reply only, never on a note', async () => {
    const { ticket } = createTestTicket(getDb(), { channel: 'web_form', at: T + 300 * MIN, status: 'new' });
    await jana.mutate('tickets.reply', { ticketId: ticket.id, body: 'Nur intern', internal: true });
    expect(findTicket(getDb(), ticket.id)).toMatchObject({ firstResponseAt: null, status: 'new' });
    await jana.mutate('tickets.reply', { ticketId: ticket.id, body: 'Erste Antwort' });
    const first = findTicket(getDb(), ticket.id)!;
    expect(first.status).toBe('open');
    expect(first.firstResponseAt).not.toBeNull();
    await jana.mutate('tickets.reply', { ticketId: ticket.id, body: 'Zweite Antwort' });
    expect(findTicket(getDb(), ticket.id)!.firstResponseAt).toBe(first.firstResponseAt);
    const replies = listEvents(getDb(), ticket.id).filter((e) => e.type === 'public_reply');
    expect(replies.map((e) => e.type === 'public_reply' && e.data.firstResponse !== undefined)).toEqual([true, false]);
  });

  it('wakes a pending ticket and reopens a solved one when the customer writes, recording both', async () => {
    const { ticket } = createTestTicket(getDb(), { channel: 'email', at: T + 400 * MIN });
    await jana.mutate('tickets.update', { id: ticket.id, status: 'pending' });
    customerWrites(ticket.id, ticket.customerId, 'Hier die Unterlagen', Date.now());
    expect(findTicket(getDb(), ticket.id)).toMatchObject({ status: 'open', reopenCount: 0 });
    await jana.mutate('tickets.update', { id: ticket.id, status: 'solved' });
    expect(findTicket(getDb(), ticket.id)!.firstSolvedAt).not.toBeNull();
    customerWrites(ticket.id, ticket.customerId, 'Geht doch nicht', Date.now() + 1);
    expect(findTicket(getDb(), ticket.id)).toMatchObject({ status: 'open', reopenCount: 1 });
    const changes = listEvents(getDb(), ticket.id).flatMap((e) => (e.type === 'status_changed' ? [`${e.actorKind}:${e.data.from}→${e.data.to}`] : []));
    expect(changes).toEqual(['agent:open→pending', 'customer:pending→open', 'agent:open→solved', 'customer:solved→open']);
  });

  it('gives up on a reply the relay keeps deferring after the last attempt, and says why', async () => {
    const sink = await startSmtpSink();
    try {
      sendDemoInboxTo(sink.port);
      sink.reject(451, '4.7.1 Try again later');
      const { ticket } = createTestTicket(getDb(), { channel: 'email', at: T + 500 * MIN });
      getDb().$client.prepare("UPDATE customers SET email = 'kundin@example.de' WHERE id = ?").run(ticket.customerId);
      const res = await jana.mutate<{ messageId: number }>('tickets.reply', { ticketId: ticket.id, body: 'Antwort, die nicht ankommt' });
      const messageId = res.ok ? res.data.messageId : 0;
      const row = () => getDb().select().from(outbox).where(eq(outbox.messageId, messageId)).get()!;
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        await runOutboxOnce(getDb(), Math.max(Date.now(), row().nextAttemptAt));
        expect(row()).toMatchObject({ attempts: attempt, state: attempt < MAX_ATTEMPTS ? 'queued' : 'failed' });
      }
      expect(listMessages(getDb(), ticket.id).find((m) => m.id === messageId)).toMatchObject({
        deliveryState: 'failed',
        deliveryError: expect.stringMatching(/451/),
      });
      expect(findCustomer(getDb(), ticket.customerId)?.email).toBe('kundin@example.de');
    } finally {
      await sink.close();
    }
  });

  it('ends an agent socket whose session has expired at its next event', async () => {
    const tom = httpClient(server.url);
    await tom.mutate('auth.login', { email: 'tom@demo.local', password: DEMO_PASSWORD });
    const socket: Socket = connect(`${server.url}/agent`, {
      extraHeaders: { cookie: tom.cookie },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    getDb()
      .update(sessions)
      .set({ expiresAt: Date.now() - 1 })
      .where(eq(sessions.agentId, tomId))
      .run();
    const ended = new Promise<void>((resolve) => socket.once('session:ended', () => resolve()));
    socket.emit('typing', { ticketId: 1, typing: true });
    await ended;
    await new Promise<void>((resolve) => (socket.connected ? socket.once('disconnect', () => resolve()) : resolve()));
    expect(socket.connected).toBe(false);
  });
});
