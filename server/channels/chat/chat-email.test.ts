import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isWatching } from './chat-watchers';
import type { Socket } from 'socket.io-client';
import nodemailer from 'nodemailer';
import { connectVisitor } from '@/server/testing/widget-visitor';
import { startTestServer, httpClient, sendDemoInboxTo } from '@/server/testing/test-server';
import { startSmtpSink } from '@/server/testing/smtp-sink';
import { DEMO_PASSWORD } from '@/db/seed/generate';
import { getDb } from '@/db/client';

import { listMessages } from '@/db/queries/tickets';
import type { WidgetMessage } from '@/lib/widget-events';
import { outbox } from '@/db/schema';
import { eq } from 'drizzle-orm';

let server: Awaited<ReturnType<typeof startTestServer>>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let agent: ReturnType<typeof httpClient>;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer({ OUTBOX_INTERVAL_MS: '100', CHAT_EMAIL_DELAY_SECONDS: '1' });
  sink = await startSmtpSink();
  sendDemoInboxTo(sink.port);
  agent = httpClient(server.url);
  await agent.mutate('auth.login', { email: 'jana@demo.local', password: DEMO_PASSWORD });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await sink?.close();
  await server?.close();
});

const visitor = (token?: string) => connectVisitor(server.url, sockets, { token, locale: 'de' });

const send = async (s: Socket, text: string, prechat?: Record<string, unknown>) => {
  const res = await s.emitWithAck('message:send', { clientId: `c-${Date.now()}-${Math.random().toString(36).slice(2)}`, text, prechat });
  if (!res.ok) throw new Error(res.error.message);
  return res.message as WidgetMessage;
};

describe('chat conversations continue by email', () => {
  it('emails an agent reply to a visitor who has left, and threads their email answer back onto the chat', async () => {
    const { socket, session } = await visitor();
    const first = await send(socket, 'Kann ich umtauschen?', { name: 'Ole Offline', email: 'ole@example.de' });

    // While the visitor is there, the reply goes over the socket only.
    const live = new Promise<WidgetMessage>((r) => socket.once('message', r));
    expect(await agent.mutate('tickets.reply', { ticketId: first.ticketId, body: 'Einen Moment bitte.' })).toMatchObject({ ok: true });
    await live;

    socket.close();
    await vi.waitFor(() => expect(isWatching('visitor', first.ticketId)).toBe(false));
    expect(await agent.mutate('tickets.reply', { ticketId: first.ticketId, body: 'Ja, innerhalb von 30 Tagen.' })).toMatchObject({ ok: true });
    const mail = await sink.waitFor((m) => m.rcptTo.includes('ole@example.de'));
    expect(mail.parsed.text).toContain('Ja, innerhalb von 30 Tagen.');
    expect(sink.mails.filter((m) => m.parsed.text?.includes('Einen Moment bitte.'))).toHaveLength(0);

    // The visitor answers by email; it lands on the chat and shows in the widget when they come back.
    const replyTo = (mail.parsed.replyTo?.value[0]?.address ?? '') as string;
    const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: server.smtpPort, secure: false, ignoreTLS: true });
    await smtp.sendMail({
      from: 'ole@example.de',
      to: replyTo,
      subject: `Re: ${mail.parsed.subject}`,
      text: 'Super, danke!',
      inReplyTo: mail.parsed.messageId,
    });
    smtp.close();
    expect(listMessages(getDb(), first.ticketId).at(-1)).toMatchObject({ authorKind: 'customer', bodyText: expect.stringContaining('Super, danke!') });
    const back = await visitor(session.token);
    expect(back.session.conversation!.messages.map((m) => m.text).at(-1)).toContain('Super, danke!');
  });

  it('does not email a reply the visitor came back for and read in the chat', async () => {
    const { socket, session } = await visitor();
    const first = await send(socket, 'Nur kurz weg', { email: 'kurz@example.de' });
    socket.close();
    await vi.waitFor(() => expect(isWatching('visitor', first.ticketId)).toBe(false));
    const reply = await agent.mutate<{ messageId: number }>('tickets.reply', { ticketId: first.ticketId, body: 'Antwort für später' });
    const back = await visitor(session.token);
    expect(back.session.conversation!.messages.at(-1)!.text).toBe('Antwort für später');
    back.socket.emit('read', { upTo: reply.ok ? reply.data.messageId : 0 });
    // The worker reaches the row once it is due (after CHAT_EMAIL_DELAY_SECONDS) and skips it: read in the chat.
    const row = () =>
      getDb()
        .select()
        .from(outbox)
        .where(eq(outbox.messageId, reply.ok ? reply.data.messageId : 0))
        .get();
    await vi.waitFor(() => expect(row()?.state).toBe('skipped'), { timeout: 10_000 });
    expect(sink.mails.filter((m) => m.rcptTo.includes('kurz@example.de'))).toHaveLength(0);
  });

  it('emails the transcript to the address the visitor gives when none is known', async () => {
    const { socket } = await visitor();
    await send(socket, 'Frage ohne E-Mail', {});
    await agent.mutate('tickets.reply', {
      ticketId: (await socket.emitWithAck('messages:since', { afterId: 0 })).messages[0].ticketId,
      body: 'Antwort im Chat',
    });
    expect(await socket.emitWithAck('transcript', {})).toMatchObject({
      ok: false,
      error: { key: 'email_needed', message: 'Bitte geben Sie die E-Mail-Adresse an, an die das Protokoll gehen soll.' },
    });
    expect(await socket.emitWithAck('transcript', { email: 'mia@example.de' })).toMatchObject({ ok: true, to: 'mia@example.de' });
    const mail = await sink.waitFor((m) => m.rcptTo.includes('mia@example.de'));
    expect(mail.parsed.subject).toMatch(/^Ihr Chat mit uns \[#\d+\]$/);
    expect(mail.parsed.text).toMatch(/Sie:\nFrage ohne E-Mail[\s\S]*Jana Berger:\nAntwort im Chat/);
  });
});
