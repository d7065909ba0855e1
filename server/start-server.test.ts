import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { startTestServer, httpClient } from '@/server/testing/test-server';
import { DEMO_PASSWORD } from '@/db/seed/generate';
import type { TicketChange, PresenceEntry } from '@/lib/realtime-events';
import { getDb } from '@/db/client';
import { listMessages } from '@/db/queries/tickets';
import { getBus } from '@/server/realtime/bus';
import { createTestTicket } from '@/server/testing/fixtures';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function signIn(email: string) {
  const c = httpClient(server.url);
  const res = await c.mutate('auth.login', { email, password: DEMO_PASSWORD });
  expect(res).toMatchObject({ ok: true });
  return c;
}

function agentSocket(cookie: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(`${server.url}/agent`, { extraHeaders: { cookie }, transports: ['websocket'], reconnection: false });
    s.on('connect', () => resolve(s));
    s.on('connect_error', reject);
  });
}

function nextEvent<T>(s: Socket, event: string, match: (p: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} event`)), 5000);
    const handler = (p: T) => {
      if (!match(p)) return;
      clearTimeout(timer);
      s.off(event, handler);
      resolve(p);
    };
    s.on(event, handler);
  });
}

describe('one process: tRPC, socket.io, one db and one bus', () => {
  it('delivers a tRPC reply mutation to another agent over socket.io', async () => {
    const jana = await signIn('jana@demo.local');
    const tom = await signIn('tom@demo.local');
    const socket = await agentSocket(tom.cookie);
    // Any ticket but a closed one takes replies (the demo tickets' statuses depend on today's date).
    const list = await jana.query<{ items: { id: number }[] }>('tickets.list', { filter: { status: ['new', 'open', 'pending', 'on_hold', 'solved'] } });
    expect(list.ok && list.data.items.length).toBeGreaterThan(0);
    const ticketId = list.ok ? list.data.items[0]!.id : 0;
    const received = nextEvent<TicketChange[]>(socket, 'tickets:changed', (c) => c.some((x) => x.ticketId === ticketId)).then((c) =>
      c.find((x) => x.ticketId === ticketId),
    );
    const reply = await jana.mutate('tickets.reply', { ticketId, body: 'Wir kümmern uns darum.' });
    expect(reply.ok).toBe(true);
    expect(await received).toMatchObject({ ticketId, kind: 'message' });
    const detail = await tom.query<{ messages: { bodyText: string }[]; events: { type: string }[] }>('tickets.get', { id: ticketId });
    expect(detail.ok && detail.data.messages.at(-1)?.bodyText).toBe('Wir kümmern uns darum.');
    expect(detail.ok && detail.data.events.some((e) => e.type === 'public_reply')).toBe(true);
    socket.close();
  });

  it('shows who else views and types on a ticket', async () => {
    const a = await agentSocket((await signIn('jana@demo.local')).cookie);
    const b = await agentSocket((await signIn('sam@demo.local')).cookie);
    a.emit('ticket:view', 5);
    await nextEvent(a, 'presence');
    const seen = nextEvent<{ viewers: PresenceEntry[] }>(a, 'presence', (p) => p.viewers.some((v) => v.name === 'Sam Carter' && v.typing));
    b.emit('ticket:view', 5);
    b.emit('typing', { ticketId: 5, typing: true });
    expect((await seen).viewers.map((v) => v.name)).toEqual(['Jana Berger', 'Sam Carter']);
    a.close();
    b.close();
  });

  it('refuses sockets without a session and ends sockets whose session signs out', async () => {
    await expect(agentSocket('hd_session=forged')).rejects.toThrow(/unauthorized/);
    const c = await signIn('jana@demo.local');
    const s = await agentSocket(c.cookie);
    const ended = nextEvent(s, 'session:ended');
    await c.mutate('auth.logout');
    await ended;
    expect((await c.query('tickets.list', { filter: {} })).ok).toBe(false);
  });
});

describe('roles and input are enforced on the server', () => {
  it('refuses admin procedures to agents and everything to anonymous callers', async () => {
    const anon = httpClient(server.url);
    expect(await anon.query('tickets.list', { filter: {} })).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
    const agent = await signIn('jana@demo.local');
    expect(await agent.query('admin.agents')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await agent.mutate('admin.createTeam', { name: 'Sneaky' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await agent.query('slaPolicies.list')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await agent.mutate('slaPolicies.save', { id: null, policy: { name: 'Sneaky', targets: {} } })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const lead = await signIn('lena@demo.local');
    expect(await lead.mutate('slaPolicies.delete', { id: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await lead.mutate('admin.createAgent', { email: 'x@demo.local', name: 'X', password: 'long-enough-pw', role: 'admin' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const admin = await signIn('admin@demo.local');
    const created = await admin.mutate('admin.createAgent', { email: 'neu@demo.local', name: 'Neu', password: 'long-enough-pw', role: 'agent' });
    expect(created.ok).toBe(true);
    expect((await httpClient(server.url).mutate('auth.login', { email: 'neu@demo.local', password: 'long-enough-pw' })).ok).toBe(true);
  });

  it('answers bad input with a clear error', async () => {
    const agent = await signIn('jana@demo.local');
    const res = await agent.mutate('tickets.reply', { ticketId: -1, body: '' });
    expect(res).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(!res.ok && res.message).toMatch(/ticketId/);
    expect(await agent.query('tickets.get', { id: 999999 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await agent.mutate('tickets.update', { id: 1, assigneeId: 424242 })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  });

  it('treats full-text syntax in search as text, never as an error', async () => {
    const agent = await signIn('jana@demo.local');
    for (const q of ['"unbalanced', 'foo OR', '(((', '*', 'NEAR(a b)', 'Müller AND', '-', "O'Brien"]) {
      const res = await agent.query<{ items: unknown[] }>('tickets.list', { filter: { q } });
      expect(res.ok, q).toBe(true);
    }
    const hit = await agent.query<{ items: { subject: string }[] }>('tickets.list', { filter: { q: 'Bestellung' } });
    expect(hit.ok && hit.data.items.length).toBeGreaterThan(0);
  });

  it('refuses a cross-site mutation and rate-limits password guessing', async () => {
    const evil = httpClient(server.url, { origin: 'https://evil.example' });
    expect(await evil.mutate('auth.login', { email: 'jana@demo.local', password: DEMO_PASSWORD })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const guesser = httpClient(server.url);
    const codes: string[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await guesser.mutate('auth.login', { email: 'tom@demo.local', password: `wrong-${i}` });
      codes.push(r.ok ? 'OK' : r.code);
    }
    expect(codes.slice(0, 8).every((c) => c === 'BAD_REQUEST')).toBe(true);
    expect(codes.at(-1)).toBe('TOO_MANY_REQUESTS');
  });

  it('says so on a reply to a number that is not connected, instead of dropping it, and has no webhook it does not serve', async () => {
    // The demo's WhatsApp number has no token: the reply is kept, and fails with the reason. (Within the
    // 24-hour window, so the customer wrote a minute before the reply.)
    const whatsapp = createTestTicket(getDb(), { channel: 'whatsapp', text: 'Wo bleibt mein Paket?', at: Date.now() - 60_000 }).ticket;
    const agent = await signIn('jana@demo.local');
    // The server's outbox worker says when it has tried (a change without an agent behind it).
    const tried = new Promise<void>((resolve) => {
      const heard = (c: { ticketId: number; actorAgentId: number | null }) => {
        if (c.ticketId !== whatsapp.id || c.actorAgentId !== null) return;
        getBus().off('ticket.changed', heard);
        resolve();
      };
      getBus().on('ticket.changed', heard);
    });
    const res = await agent.mutate<{ messageId: number }>('tickets.reply', { ticketId: whatsapp.id, body: 'Hallo über WhatsApp' });
    expect(res.ok).toBe(true);
    await tried;
    const stored = listMessages(getDb(), whatsapp.id).find((m) => m.id === (res.ok ? res.data.messageId : 0));
    expect(stored).toMatchObject({ deliveryState: 'failed', deliveryError: 'No access token is configured for this WhatsApp number' });
    // Its webhook answers nothing until the number is set up; kinds and paths that do not exist neither.
    for (const path of [`/hooks/whatsapp/${whatsapp.channelId}`, '/hooks/whatsapp/webhook', '/hooks/nope/1']) {
      expect((await fetch(`${server.url}${path}`, { method: 'POST', body: '{}' })).status).toBe(404);
    }
  });
});
