import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { and, eq, ne } from 'drizzle-orm';
import { startTestServer, httpClient, sendDemoInboxTo } from '@/server/testing/test-server';
import { startSmtpSink } from '@/server/testing/smtp-sink';
import { DEMO_CHAT_TOKEN, DEMO_PASSWORD } from '@/db/seed/generate';
import { getDb } from '@/db/client';
import { listChannelsOfKind } from '@/db/queries/inbound';
import { tickets } from '@/db/schema';
import type { WidgetMessage } from '@/lib/widget-events';

let server: Awaited<ReturnType<typeof startTestServer>>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let jana: ReturnType<typeof httpClient>;
let tom: ReturnType<typeof httpClient>;
const sockets: Socket[] = [];
const PDF = Buffer.from('%PDF-1.4\n% Rechnung 4711\n');

beforeAll(async () => {
  server = await startTestServer({ ATTACHMENT_MAX_MB: '1' });
  sink = await startSmtpSink();
  sendDemoInboxTo(sink.port);
  jana = httpClient(server.url);
  await jana.mutate('auth.login', { email: 'jana@demo.local', password: DEMO_PASSWORD });
  tom = httpClient(server.url);
  await tom.mutate('auth.login', { email: 'tom@demo.local', password: DEMO_PASSWORD });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await sink?.close();
  await server?.close();
});

const upload = (cookie: string, filename: string, body: Buffer, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/attachments`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/pdf', 'x-filename': encodeURIComponent(filename), ...headers },
    body: new Uint8Array(body),
  });

async function receipt(cookie: string, filename = 'Rechnung 4711.pdf') {
  const res = await upload(cookie, filename, PDF);
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

function socketOf(path: string, opts: Record<string, unknown>): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(`${server.url}${path}`, { transports: ['websocket'], reconnection: false, forceNew: true, ...opts });
    sockets.push(s);
    s.once(path === '/widget' ? 'session' : 'connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

describe('files agents attach to replies', () => {
  it('uploads only for signed-in agents from our own pages, and refuses executables and oversized files with a reason', async () => {
    expect((await upload('', 'a.pdf', PDF)).status).toBe(401);
    expect((await upload(jana.cookie, 'a.pdf', PDF, { origin: 'https://evil.example' })).status).toBe(403);
    const exe = await upload(jana.cookie, 'tool.exe', Buffer.from('MZ'));
    expect(exe.status).toBe(400);
    expect(await exe.json()).toEqual({ error: '@file_type_refused?ext=exe' });
    expect((await upload(jana.cookie, 'big.pdf', Buffer.alloc(1024 * 1024 + 1))).status).toBe(413);
  });

  it('reaches a chat visitor as a link only they can use', async () => {
    const visitor = await socketOf('/widget', { auth: { channel: DEMO_CHAT_TOKEN } });
    const first = await visitor.emitWithAck('message:send', {
      clientId: `att-${Date.now()}`,
      text: 'Schicken Sie mir die Rechnung?',
      prechat: { name: 'Rita', email: 'rita@example.de' },
    });
    const agent = await socketOf('/agent', { extraHeaders: { cookie: jana.cookie } });
    const arrived = new Promise<WidgetMessage>((r) => visitor.on('message', (m: WidgetMessage) => m.author === 'agent' && r(m)));
    expect(
      await agent.emitWithAck('reply', { ticketId: first.message.ticketId, body: '', internal: false, attachments: [await receipt(jana.cookie)] }),
    ).toMatchObject({ ok: true });
    const message = await arrived;
    expect(message.attachments).toEqual([
      { filename: 'Rechnung 4711.pdf', size: PDF.length, url: expect.stringMatching(/^\/widget\/files\/\d+\/\d+\/[\w-]+$/) },
    ]);
    const res = await fetch(`${server.url}${message.attachments[0]!.url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''Rechnung%204711.pdf");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PDF);
    // A link with another id, or a changed signature, leads nowhere.
    const [, , , id, expires, sig] = message.attachments[0]!.url!.split('/');
    expect((await fetch(`${server.url}/widget/files/${Number(id) - 1}/${expires}/${sig}`)).status).toBe(404);
    expect((await fetch(`${server.url}/widget/files/${id}/${expires}/${sig!.slice(0, -2)}xx`)).status).toBe(404);
  });

  it('refuses a receipt that is forged or another agent’s', async () => {
    const ticket = getDb().select({ id: tickets.id }).from(tickets).where(ne(tickets.status, 'closed')).get()!;
    const toms = await receipt(tom.cookie);
    expect(await jana.mutate('tickets.reply', { ticketId: ticket.id, body: 'Anbei', attachments: [toms] })).toMatchObject({
      ok: false,
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/attach it again/),
    });
    expect(await jana.mutate('tickets.reply', { ticketId: ticket.id, body: 'Anbei', attachments: [`${toms.split('.')[0]}.forged`] })).toMatchObject({
      ok: false,
      code: 'BAD_REQUEST',
    });
  });

  it('sends the file with the email reply', async () => {
    const inbox = listChannelsOfKind(getDb(), 'email')[0]!;
    const ticket = getDb()
      .select({ id: tickets.id })
      .from(tickets)
      .where(and(eq(tickets.channelId, inbox.id), ne(tickets.status, 'closed')))
      .get()!;
    expect(
      await jana.mutate('tickets.reply', { ticketId: ticket.id, body: 'Anbei die Rechnung.', attachments: [await receipt(jana.cookie, 'Rechnung-Email.pdf')] }),
    ).toMatchObject({ ok: true });
    const mail = await sink.waitFor((m) => m.parsed.attachments.some((a) => a.filename === 'Rechnung-Email.pdf'));
    expect(mail.parsed.attachments[0]!.content).toEqual(PDF);
    expect(mail.parsed.text).toContain('Anbei die Rechnung.');
  });
});
