import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { connectVisitor } from '@/server/testing/widget-visitor';
import { startTestServer, httpClient } from '@/server/testing/test-server';
import { DEMO_CHAT_TOKEN, DEMO_PASSWORD } from '@/db/seed/generate';
import { getDb } from '@/db/client';
import { findTicket, listMessages } from '@/db/queries/tickets';
import { findChatChannelByPublicToken } from '@/db/queries/chat';
import { signIdentity } from '@/server/channels/chat/identity-signature';
import type { WidgetAuth, WidgetMessage, WidgetSession } from '@/lib/widget-events';
import { customers } from '@/db/schema';
import { listCustomerAttributes } from '@/db/queries/customer-attributes';
import { ATTRIBUTE_LIMITS } from '@/server/customers/customer-attributes';
import { isNotNull } from 'drizzle-orm';
import { saveForm } from '@/server/forms/save-form';
import { listChannelsOfKind } from '@/db/queries/inbound';
import { updateChannelSettings } from '@/db/queries/channels';
import { getTicketFormAnswers } from '@/server/forms/get-ticket-form';

let server: Awaited<ReturnType<typeof startTestServer>>;
let agentCookie = '';
let agentHttp: ReturnType<typeof httpClient>;
const open: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer({ WIDGET_VISITOR_MESSAGES_PER_MINUTE: '12' });
  agentHttp = httpClient(server.url);
  const login = await agentHttp.mutate('auth.login', { email: 'jana@demo.local', password: DEMO_PASSWORD });
  expect(login).toMatchObject({ ok: true });
  agentCookie = agentHttp.cookie;
});
afterAll(async () => {
  for (const s of open) s.close();
  await server?.close();
});

type Visitor = { socket: Socket; session: WidgetSession };

const visitor = (auth: Partial<WidgetAuth> = {}): Promise<Visitor> => connectVisitor(server.url, open, auth);

function agentSocket(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(`${server.url}/agent`, { extraHeaders: { cookie: agentCookie }, transports: ['websocket'], reconnection: false, forceNew: true });
    open.push(s);
    s.on('connect', () => resolve(s));
    s.on('connect_error', reject);
  });
}

const send = (s: Socket, m: Record<string, unknown>) =>
  s.emitWithAck('message:send', m) as Promise<
    { ok: true; message: WidgetMessage } | { ok: false; error: { code: string; message: string; fieldErrors?: unknown[] } }
  >;
const next = <T>(s: Socket, event: string) => new Promise<T>((resolve) => s.once(event, resolve));
let n = 0;
const clientId = () => `client-${Date.now()}-${n++}`;

describe('the /widget namespace', () => {
  it('opens a conversation with the pre-chat answers, stores a re-sent message once, and delivers agent replies live', async () => {
    const { socket, session } = await visitor();
    expect(session.conversation).toBeNull();
    expect(session.prechat?.fields.map((f) => f.key)).toEqual(['name', 'email']);
    expect(session.token).toMatch(/^[0-9a-f-]{36}\.\d+\.\d+\./);

    const badEmail = await send(socket, { clientId: clientId(), text: 'Hallo', prechat: { email: 'nope' } });
    expect(badEmail).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fieldErrors: [{ field: 'email', code: 'email' }] } });

    const id = clientId();
    const first = await send(socket, { clientId: id, text: 'Wo ist meine Bestellung?', prechat: { name: 'Eva Chat', email: 'eva.chat@example.de' } });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.message).toMatchObject({ author: 'visitor', clientId: id, text: 'Wo ist meine Bestellung?' });
    const again = await send(socket, { clientId: id, text: 'Wo ist meine Bestellung?' });
    expect(again).toMatchObject({ ok: true, message: { id: first.message.id } });
    const ticketId = first.message.ticketId;
    expect(listMessages(getDb(), ticketId).filter((m) => m.authorKind === 'customer')).toHaveLength(1);

    const agent = await agentSocket();
    agent.emit('ticket:view', ticketId);
    const seen = next<{ upTo: number }>(socket, 'read');
    expect((await seen).upTo).toBe(first.message.id);

    // With the chat open in the inbox, a new message is read on arrival: the receipt comes in the ack.
    const customerMessage = next<{ text: string }>(agent, 'ticket:message');
    const second = await send(socket, { clientId: clientId(), text: 'Nummer A-123456' });
    if (!second.ok) throw new Error(second.error.message);
    expect((await customerMessage).text).toBe('Nummer A-123456');
    expect(second).toMatchObject({ agentReadUpTo: second.message.id });
    expect(findTicket(getDb(), ticketId)?.agentReadMessageId).toBe(second.message.id);

    const typing = next<{ agentName: string; typing: boolean }>(socket, 'typing');
    agent.emit('typing', { ticketId, typing: true });
    expect(await typing).toMatchObject({ agentName: 'Jana Berger', typing: true });

    const reply = next<WidgetMessage>(socket, 'message');
    expect(await agent.emitWithAck('reply', { ticketId, body: 'Sie ist unterwegs <b>heute</b>.', internal: false })).toMatchObject({ ok: true });
    expect(await reply).toMatchObject({ author: 'agent', agentName: 'Jana Berger', text: 'Sie ist unterwegs <b>heute</b>.' });

    // Notes never reach the visitor.
    await agent.emitWithAck('reply', { ticketId, body: 'intern: Kunde ungeduldig', internal: true });
    const since = await socket.emitWithAck('messages:since', { afterId: 0 });
    expect(since.messages.map((m: WidgetMessage) => m.text)).toEqual(['Wo ist meine Bestellung?', 'Nummer A-123456', 'Sie ist unterwegs <b>heute</b>.']);

    // A reload with the stored token continues the same conversation.
    const back = await visitor({ token: session.token });
    expect(back.session.conversation).toMatchObject({ ticketId, status: 'open' });
    expect(back.session.conversation!.messages).toHaveLength(3);

    // Solving ends the chat in the widget; the next message needs the pre-chat answers again and opens a new ticket.
    const ended = next<{ status: string }>(socket, 'conversation');
    await agent.emitWithAck('reply', { ticketId, body: 'Gern geschehen!', internal: false, status: 'solved' });
    expect((await ended).status).toBe('ended');
    const fresh = await send(socket, { clientId: clientId(), text: 'Noch eine Frage', prechat: {} });
    expect(fresh.ok && fresh.message.ticketId).not.toBe(ticketId);
    expect(findTicket(getDb(), ticketId)!.status).toBe('solved');
  });

  it('tells the widget when the chat ends or opens again, after the agent’s last message, and nothing in between', async () => {
    const { socket } = await visitor();
    const opened = await send(socket, { clientId: clientId(), text: 'Status bitte', prechat: { name: 'Tom Status', email: 'tom.status@example.de' } });
    if (!opened.ok) throw new Error(opened.error.message);
    const ticketId = opened.message.ticketId;
    const heard: string[] = [];
    socket.on('message', (m: WidgetMessage) => heard.push(`message ${m.text}`));
    socket.on('conversation', (c: { status: string }) => heard.push(`conversation ${c.status}`));
    const agent = await agentSocket();

    expect(await agentHttp.mutate('tickets.update', { id: ticketId, status: 'pending' })).toMatchObject({ ok: true });
    const ended = next(socket, 'conversation');
    await agent.emitWithAck('reply', { ticketId, body: 'Erledigt.', internal: false, status: 'solved' });
    await ended;
    const reopened = next(socket, 'conversation');
    expect(await agentHttp.mutate('tickets.update', { id: ticketId, status: 'open' })).toMatchObject({ ok: true });
    await reopened;
    expect(heard).toEqual(['message Erledigt.', 'conversation ended', 'conversation open']);
  });

  it('refuses forged tokens and keeps visitors out of each other’s conversations', async () => {
    const a = await visitor();
    const sent = await send(a.socket, { clientId: clientId(), text: 'Geheim', prechat: {} });
    if (!sent.ok) throw new Error(sent.error.message);
    const parts = a.session.token.split('.');
    const forged = [parts[0]!.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')), ...parts.slice(1)].join('.');
    await expect(visitor({ token: forged })).rejects.toMatchObject({ message: 'invalid_token' });
    await expect(visitor({ channel: 'no-such-widget-token' })).rejects.toMatchObject({ message: 'unknown_channel' });

    const b = await visitor();
    expect((await b.socket.emitWithAck('messages:since', { afterId: 0 })).messages).toEqual([]);
    b.socket.emit('read', { upTo: sent.message.id });
    // A socket's events are handled in order: once this answer is back, the read was handled.
    await b.socket.emitWithAck('messages:since', { afterId: 0 });
    expect(findTicket(getDb(), sent.message.ticketId)!.customerReadMessageId).toBeNull();
  });

  it('refuses what the visitor should not send, with messages they understand, in their language', async () => {
    const english = await visitor({ locale: 'en' });
    expect(await send(english.socket, { clientId: clientId(), text: 'x'.repeat(5001), prechat: {} })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', key: 'message_too_long', message: 'Messages can be at most 5000 characters long' },
    });
    const { socket } = await visitor({ locale: 'de' });
    expect(await send(socket, { clientId: clientId(), text: 'x'.repeat(5001), prechat: {} })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'Nachrichten dürfen höchstens 5000 Zeichen lang sein' },
    });
    expect(await send(socket, { clientId: 'short', text: 'hi', prechat: {} })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const exe = { name: 'setup.exe', type: 'application/octet-stream', data: Buffer.from('MZ') };
    expect(await send(socket, { clientId: clientId(), text: '', file: exe, prechat: {} })).toMatchObject({
      ok: false,
      error: { key: 'file_type_refused', message: 'Dateien vom Typ .exe werden nicht angenommen.' },
    });
    const png = { name: 'foto.png', type: 'image/png', data: Buffer.from('89504e47', 'hex') };
    const photoId = clientId();
    expect(await send(socket, { clientId: photoId, text: '', file: png, prechat: {} })).toMatchObject({
      ok: true,
      message: { text: 'foto.png', attachments: [{ filename: 'foto.png', size: 4 }] },
    });
    // A re-send after a lost ack answers with the stored message, file included.
    expect(await send(socket, { clientId: photoId, text: '', file: png })).toMatchObject({
      ok: true,
      message: { attachments: [{ filename: 'foto.png', size: 4 }] },
    });
    const results = [];
    for (let i = 0; i < 12; i++) results.push(await send(socket, { clientId: clientId(), text: `spam ${i}` }));
    expect(results.at(-1)).toMatchObject({ ok: false, error: { code: 'TOO_MANY_REQUESTS' } });
  });

  it('puts a visitor identified with a valid signature on the existing customer, and not with an invalid one', async () => {
    const known = getDb().select().from(customers).where(isNotNull(customers.email)).get()!;
    const channel = findChatChannelByPublicToken(getDb(), DEMO_CHAT_TOKEN)!;
    const secret = (channel.settings as { identitySecret: string }).identitySecret;
    const signed = await visitor({ identity: { email: known.email!, name: known.name, signature: signIdentity(secret, known.email!) } });
    expect(signed.session.identified).toEqual({ email: known.email, name: known.name });
    expect(signed.session.prefill).toEqual({ name: known.name, email: known.email });
    const m = await send(signed.socket, { clientId: clientId(), text: 'Ich bin es', prechat: {} });
    expect(m.ok && findTicket(getDb(), m.message.ticketId)!.customerId).toBe(known.id);

    const forged = await visitor({ identity: { email: known.email!, signature: signIdentity('guessed', known.email!) } });
    expect(forged.session.identified).toBeNull();
    const f = await send(forged.socket, { clientId: clientId(), text: 'Ich bin es auch', prechat: {} });
    expect(f.ok && findTicket(getDb(), f.message.ticketId)!.customerId).not.toBe(known.id);
  });

  it('shows a message in the visitor’s other tabs, and not twice in the tab that sent it', async () => {
    const first = await visitor();
    const opened = await send(first.socket, { clientId: clientId(), text: 'Zwei Tabs offen', prechat: { name: 'Tabea', email: 'tabea@example.de' } });
    const second = await visitor({ token: first.session.token });
    expect(second.session.conversation?.ticketId).toBe(opened.ok && opened.message.ticketId);

    const echoes: WidgetMessage[] = [];
    first.socket.on('message', (m: WidgetMessage) => echoes.push(m));
    const inOtherTab = next<WidgetMessage>(second.socket, 'message');
    const sent = await send(first.socket, { clientId: clientId(), text: 'Aus dem ersten Tab' });
    expect(sent).toMatchObject({ ok: true, message: { text: 'Aus dem ersten Tab', author: 'visitor' } });
    expect(await inOtherTab).toMatchObject({ text: 'Aus dem ersten Tab', author: 'visitor' });

    // An agent's reply reaches both tabs; by then the sending tab would have seen its own echo.
    const agent = await agentSocket();
    const replyInFirst = next<WidgetMessage>(first.socket, 'message');
    await agent.emitWithAck('reply', { ticketId: opened.ok && opened.message.ticketId, body: 'Beide Tabs sehen das', internal: false });
    expect(await replyInFirst).toMatchObject({ text: 'Beide Tabs sehen das' });
    expect(echoes.map((m) => m.text)).toEqual(['Beide Tabs sehen das']);

    // With the chat open in the inbox, the other tab hears that a new message was read on arrival.
    agent.emit('ticket:view', opened.ok && opened.message.ticketId);
    await next(second.socket, 'read');
    const readInOtherTab: number[] = [];
    second.socket.on('read', (r: { upTo: number }) => readInOtherTab.push(r.upTo));
    const third = await send(first.socket, { clientId: clientId(), text: 'Gelesen?' });
    if (!third.ok) throw new Error(third.error.message);
    await vi.waitFor(() => expect(readInOtherTab).toContain(third.message.id));
  });

  it('does not echo an agent’s socket reply back to the socket that sent it, only to the others in the chat', async () => {
    const v = await visitor();
    const opened = await send(v.socket, { clientId: clientId(), text: 'Zwei Agenten', prechat: { name: 'Otto', email: 'otto@example.de' } });
    if (!opened.ok) throw new Error(opened.error.message);
    const [a, b] = [await agentSocket(), await agentSocket()];
    const heardByA: string[] = [];
    a.on('ticket:message', (m: { text: string }) => heardByA.push(m.text));
    a.emit('ticket:view', opened.message.ticketId);
    b.emit('ticket:view', opened.message.ticketId);
    await Promise.all([next(a, 'presence'), next(b, 'presence')]);

    const atB = next<{ text: string }>(b, 'ticket:message');
    expect(await a.emitWithAck('reply', { ticketId: opened.message.ticketId, body: 'Von A', internal: false })).toMatchObject({ ok: true });
    expect((await atB).text).toBe('Von A');
    const atA = next<{ text: string }>(a, 'ticket:message');
    await b.emitWithAck('reply', { ticketId: opened.message.ticketId, body: 'Von B', internal: false });
    expect((await atA).text).toBe('Von B');
    expect(heardByA).toEqual(['Von B']);
  });

  it('holds a visitor’s attributes to the per-customer limits however many events arrive', async () => {
    const { socket } = await visitor();
    const first = await send(socket, { clientId: clientId(), text: 'Attribute', prechat: {} });
    if (!first.ok) throw new Error(first.error.message);
    for (let e = 0; e < 100; e++) socket.emit('attributes', Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`e${e}k${i}`, 'v'.repeat(500)])));
    // Events of one socket are handled in order: once this message is acked, the floods were handled.
    await send(socket, { clientId: clientId(), text: 'Danach' });
    const attributes = listCustomerAttributes(getDb(), findTicket(getDb(), first.message.ticketId)!.customerId);
    expect(Object.keys(attributes).length).toBeGreaterThan(0);
    expect(Object.keys(attributes).length).toBeLessThanOrEqual(ATTRIBUTE_LIMITS.MAX_KEYS);
    expect(Object.entries(attributes).reduce((n, [k, v]) => n + k.length + v.length, 0)).toBeLessThanOrEqual(ATTRIBUTE_LIMITS.MAX_TOTAL_CHARS);
  });

  it('stores an agent’s reply once when the composer sends it again under the same key', async () => {
    const v = await visitor();
    const opened = await send(v.socket, { clientId: clientId(), text: 'Doppelt?', prechat: {} });
    if (!opened.ok) throw new Error(opened.error.message);
    const agent = await agentSocket();
    const reply = { ticketId: opened.message.ticketId, body: 'Nur einmal', internal: false, clientId: 'composer-send-0001' };
    const [a, b] = await Promise.all([agent.emitWithAck('reply', reply), agent.emitWithAck('reply', reply)]);
    const again = await agentHttp.mutate('tickets.reply', reply);
    expect(a).toMatchObject({ ok: true });
    expect(b.messageId).toBe(a.messageId);
    expect(again).toMatchObject({ ok: true, data: { messageId: a.messageId } });
    expect(listMessages(getDb(), opened.message.ticketId).filter((m) => m.bodyText === 'Nur einmal')).toHaveLength(1);
  });

  it('takes the first message as the pre-chat form’s message field, so the visitor is not asked twice', async () => {
    const db = getDb();
    const channel = findChatChannelByPublicToken(db, DEMO_CHAT_TOKEN)!;
    const form = saveForm(db, {
      id: null,
      slug: `chat-anliegen-${n}`,
      name: 'Chat-Anliegen',
      channelId: listChannelsOfKind(db, 'email')[0]!.id,
      definition: {
        version: 1,
        fields: [
          { key: 'name', type: 'text', label: { en: 'Name' }, required: true },
          { key: 'anliegen', type: 'long_text', label: { en: 'Your question', de: 'Ihr Anliegen' }, required: true, max: 200 },
        ],
        routing: [],
      },
    });
    const before = channel.settings;
    updateChannelSettings(db, channel.id, { ...channel.settings, formId: form.id });
    try {
      const { socket } = await visitor();
      const opened = await send(socket, { clientId: clientId(), text: 'Mein Paket fehlt seit Montag.', prechat: { name: 'Frieda' } });
      if (!opened.ok) throw new Error(opened.error.message);
      expect(getTicketFormAnswers(db, opened.message.ticketId)?.raw).toEqual({ name: 'Frieda', anliegen: 'Mein Paket fehlt seit Montag.' });
      // The box's text is that answer, held to the field's limits.
      const { socket: other } = await visitor();
      expect(await send(other, { clientId: clientId(), text: 'x'.repeat(201), prechat: { name: 'Zu lang' } })).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', fieldErrors: [{ field: 'anliegen', code: 'max' }] },
      });
    } finally {
      updateChannelSettings(db, channel.id, before);
    }
  });
});
