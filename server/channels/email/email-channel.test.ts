import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer, { type Transporter } from 'nodemailer';
import { startTestServer, httpClient, sendDemoInboxTo } from '@/server/testing/test-server';
import { startSmtpSink } from '@/server/testing/smtp-sink';
import { getDb } from '@/db/client';
import { findMessageByChannelMessageId } from '@/db/queries/inbound';
import { findTicket, listMessages } from '@/db/queries/tickets';
import { DEMO_PASSWORD } from '@/db/seed/generate';
import { runOutboxOnce } from '@/server/jobs/outbox-worker';

let server: Awaited<ReturnType<typeof startTestServer>>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let agent: ReturnType<typeof httpClient>;
let client: Transporter;

beforeAll(async () => {
  // The worker's own timer is parked: tests deliver the outbox explicitly, so what they see is deterministic.
  server = await startTestServer({ MAIL_MAX_MB: '1', OUTBOX_INTERVAL_MS: '3600000' });
  sink = await startSmtpSink();
  sendDemoInboxTo(sink.port, { signature: 'Ihr Demo-Team' });
  agent = httpClient(server.url);
  await agent.mutate('auth.login', { email: 'jana@demo.local', password: DEMO_PASSWORD });
  client = nodemailer.createTransport({ host: '127.0.0.1', port: server.smtpPort, secure: false, ignoreTLS: true });
});
afterAll(async () => {
  client?.close();
  await sink?.close();
  await server?.close();
});

type Mail = {
  from: string;
  to?: string;
  cc?: string;
  subject?: string;
  text?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  headers?: Record<string, string>;
};
const send = (m: Mail) => client.sendMail({ to: 'support@demo.local', subject: 'Hallo', text: 'Text', ...m });
const sendRaw = (raw: Buffer | string, from: string) => client.sendMail({ envelope: { from, to: ['support@demo.local'] }, raw });
const ticketOf = (messageId: string) => findMessageByChannelMessageId(getDb(), messageId)!.ticketId;
const messagesOf = (ticketId: number) => listMessages(getDb(), ticketId);
const deliver = () => runOutboxOnce(getDb());

describe('inbound email over SMTP', () => {
  it('opens a ticket, answers 250 only after the commit, and acknowledges on the same channel', async () => {
    const info = await send({
      from: 'Nina Neu <neu@kunde.example>',
      subject: 'Lieferung fehlt',
      text: 'Meine Bestellung A-1 fehlt.',
      messageId: '<n1@kunde.example>',
    });
    expect(info.response).toMatch(/^250 .*Stored as ticket \d+/);
    const ticketId = ticketOf('<n1@kunde.example>'); // already committed when 250 arrived
    const ticket = findTicket(getDb(), ticketId)!;
    expect(ticket.subject).toBe('Lieferung fehlt');
    expect(ticket.status).toBe('new');

    await deliver();
    const ack = await sink.waitFor((m) => m.parsed.inReplyTo === '<n1@kunde.example>');
    expect(ack.rcptTo).toEqual(['neu@kunde.example']);
    expect(ack.parsed.subject).toContain(`[#${ticket.number}]`);
    expect(ack.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(ack.parsed.replyTo?.value[0]?.address).toMatch(/^support\+[0-9a-f]{24}@demo\.local$/);
    // The acknowledgement is a system message, not a first response.
    expect(findTicket(getDb(), ticketId)!.firstResponseAt).toBeNull();
  });

  it('acknowledges in the language the customer wrote in, else in the inbox’s', async () => {
    const ackTo = async (from: string, text: string, id: string) => {
      await send({ from, subject: 'Frage', text, messageId: id });
      await deliver();
      return sink.waitFor((m) => m.parsed.inReplyTo === id);
    };
    const english = await ackTo('eng@kunde.example', 'Hello, my parcel has not arrived yet. Could you please tell me where it is?', '<lang-en@kunde.example>');
    expect(english.parsed.subject).toMatch(/^We received your request \[#\d+\]/);
    const german = await ackTo(
      'deu@kunde.example',
      'Guten Tag, mein Paket ist noch nicht angekommen. Können Sie mir bitte sagen, wo es ist?',
      '<lang-de@kunde.example>',
    );
    expect(german.parsed.subject).toMatch(/^Wir haben Ihre Anfrage erhalten \[#\d+\]/);
    expect(german.parsed.text).toContain('vielen Dank für Ihre Nachricht');
    // Too short to tell: the inbox's default language (German unless set otherwise).
    const short = await ackTo('kurz@kunde.example', 'Hi', '<lang-short@kunde.example>');
    expect(short.parsed.subject).toMatch(/^Wir haben Ihre Anfrage erhalten/);
  });

  it('stores the same Message-ID once, however often it is delivered', async () => {
    for (let i = 0; i < 3; i++) await send({ from: 'dup@kunde.example', messageId: '<dup-1@kunde.example>', subject: 'Doppelt' });
    expect(messagesOf(ticketOf('<dup-1@kunde.example>')).filter((m) => m.authorKind === 'customer')).toHaveLength(1);
  });

  it('takes a mail with 500 recipients and one with no body at all', async () => {
    const cc = Array.from({ length: 499 }, (_, i) => `person${i}@kunde.example`).join(', ');
    await send({ from: 'many@kunde.example', cc, subject: 'An alle', messageId: '<many-1@kunde.example>' });
    const ticketId = ticketOf('<many-1@kunde.example>');
    expect(messagesOf(ticketId)[0]!.meta?.email?.cc).toHaveLength(499);
    await sendRaw('From: leer@kunde.example\r\nTo: support@demo.local\r\nMessage-ID: <empty-1@kunde.example>\r\n\r\n', 'leer@kunde.example');
    const empty = findTicket(getDb(), ticketOf('<empty-1@kunde.example>'))!;
    expect(empty.subject).toBe('(no subject)');
  });

  it('refuses unknown recipients with 550 and oversized mail with 552', async () => {
    await expect(send({ from: 'x@kunde.example', to: 'nobody@demo.local' })).rejects.toMatchObject({ responseCode: 550 });
    await expect(send({ from: 'x@kunde.example', text: 'x'.repeat(1.5 * 1024 * 1024) })).rejects.toMatchObject({ responseCode: 552 });
  });

  it('threads an agent reply for the customer, and the customer answer lands on the same ticket', async () => {
    await send({ from: 'Paul Post <paul@kunde.example>', cc: 'Petra <petra@kunde.example>', subject: 'Rechnung falsch', messageId: '<p1@kunde.example>' });
    const ticketId = ticketOf('<p1@kunde.example>');
    expect((await agent.mutate('tickets.reply', { ticketId, body: 'Wir korrigieren die Rechnung.', status: 'pending' })).ok).toBe(true);
    await deliver();
    const out = await sink.waitFor((m) => m.parsed.text?.includes('Wir korrigieren die Rechnung') ?? false);
    const number = findTicket(getDb(), ticketId)!.number;
    expect(out.parsed.subject).toBe(`Re: Rechnung falsch [#${number}]`);
    expect(out.parsed.inReplyTo).toBe('<p1@kunde.example>');
    expect(out.parsed.references).toContain('<p1@kunde.example>');
    expect(out.parsed.to && 'value' in out.parsed.to ? out.parsed.to.value[0]?.address : null).toBe('paul@kunde.example');
    expect(out.parsed.cc && 'value' in out.parsed.cc ? out.parsed.cc.value.map((a) => a.address) : []).toEqual(['petra@kunde.example']);
    expect(out.parsed.text).toContain('Ihr Demo-Team');
    expect(out.parsed.html).toContain('<p>Wir korrigieren die Rechnung.');
    const agentMessage = messagesOf(ticketId).find((m) => m.authorKind === 'agent')!;
    expect(agentMessage.deliveryState).toBe('sent');
    expect(agentMessage.channelMessageId).toBe(out.parsed.messageId);

    // Outlook answers to the Reply-To with In-Reply-To; the ticket wakes from pending.
    const replyTo = out.parsed.replyTo!.value[0]!.address!;
    await send({
      from: 'paul@kunde.example',
      to: replyTo,
      subject: `AW: ${out.parsed.subject}`,
      inReplyTo: out.parsed.messageId,
      messageId: '<p2@kunde.example>',
    });
    expect(ticketOf('<p2@kunde.example>')).toBe(ticketId);
    expect(findTicket(getDb(), ticketId)!.status).toBe('open');

    // The CC'd colleague answers too and joins the thread as herself.
    await send({ from: 'Petra <petra@kunde.example>', subject: 'Re: Rechnung falsch', inReplyTo: out.parsed.messageId, messageId: '<p3@kunde.example>' });
    expect(ticketOf('<p3@kunde.example>')).toBe(ticketId);
    const authors = new Set(
      messagesOf(ticketId)
        .filter((m) => m.authorKind === 'customer')
        .map((m) => m.authorCustomerId),
    );
    expect(authors.size).toBe(2);
  });

  it('joins by subject token only the ticket’s own customer; a stranger gets a new linked ticket', async () => {
    await send({ from: 'owner@kunde.example', subject: 'Konto gesperrt', messageId: '<o1@kunde.example>' });
    const ticketId = ticketOf('<o1@kunde.example>');
    const number = findTicket(getDb(), ticketId)!.number;
    await send({ from: 'owner@kunde.example', subject: `Nachtrag [#${number}]`, messageId: '<o2@kunde.example>' });
    expect(ticketOf('<o2@kunde.example>')).toBe(ticketId);
    await send({ from: 'stranger@evil.example', subject: `Re: Konto gesperrt [#${number}]`, messageId: '<s1@evil.example>' });
    const strangers = ticketOf('<s1@evil.example>');
    expect(strangers).not.toBe(ticketId);
    expect(getDb().$client.prepare('select kind from ticket_links where ticket_id = ? and linked_ticket_id = ?').get(strangers, ticketId)).toEqual({
      kind: 'related',
    });
    // Even with our headers, a stranger who was never on the thread does not land on it.
    const ours = messagesOf(ticketId).find((m) => m.authorKind === 'system')!.channelMessageId!;
    await send({ from: 'stranger@evil.example', subject: 'Re: x', inReplyTo: ours, messageId: '<s2@evil.example>' });
    expect(ticketOf('<s2@evil.example>')).not.toBe(ticketId);
  });

  it('opens a follow-up linked to a closed ticket', async () => {
    await send({ from: 'late@kunde.example', subject: 'Alte Sache', messageId: '<l1@kunde.example>' });
    const ticketId = ticketOf('<l1@kunde.example>');
    await agent.mutate('tickets.update', { id: ticketId, status: 'solved' });
    await agent.mutate('tickets.update', { id: ticketId, status: 'closed' });
    await send({ from: 'late@kunde.example', subject: 'Re: Alte Sache', inReplyTo: '<l1@kunde.example>', messageId: '<l2@kunde.example>' });
    const followUp = ticketOf('<l2@kunde.example>');
    expect(followUp).not.toBe(ticketId);
    expect(getDb().$client.prepare('select kind from ticket_links where ticket_id = ?').get(followUp)).toEqual({ kind: 'follow_up' });
  });

  it('never answers automatic mail and ignores mail from our own addresses', async () => {
    await deliver();
    const before = sink.mails.length;
    await send({
      from: 'robot@kunde.example',
      subject: 'Abwesenheitsnotiz',
      messageId: '<auto1@kunde.example>',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    const ticketId = ticketOf('<auto1@kunde.example>');
    await deliver();
    expect(messagesOf(ticketId).map((m) => m.authorKind)).toEqual(['customer']);
    const own = await send({ from: 'support@demo.local', subject: 'Loop?', messageId: '<own1@demo.local>' });
    expect(own.response).toMatch(/ignored/);
    expect(findMessageByChannelMessageId(getDb(), '<own1@demo.local>')).toBeUndefined();
    await deliver();
    expect(sink.mails.length).toBe(before);
  });

  it('marks a reply as failed when its bounce comes back', async () => {
    await send({ from: 'gone@kunde.example', subject: 'Bitte antworten', messageId: '<g1@kunde.example>' });
    const ticketId = ticketOf('<g1@kunde.example>');
    await agent.mutate('tickets.reply', { ticketId, body: 'Hier die Antwort.' });
    await deliver();
    const out = await sink.waitFor((m) => m.parsed.text?.includes('Hier die Antwort') ?? false);
    const dsn = [
      'From: MAILER-DAEMON@mx.kunde.example',
      'To: support@demo.local',
      'Subject: Undelivered Mail Returned to Sender',
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Final-Recipient: rfc822; gone@kunde.example',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 mailbox does not exist',
      '--b1',
      'Content-Type: text/rfc822-headers',
      '',
      `Message-ID: ${out.parsed.messageId}`,
      '--b1--',
      '',
    ].join('\r\n');
    await sendRaw(dsn, '');
    const reply = messagesOf(ticketId).find((m) => m.authorKind === 'agent')!;
    expect(reply.deliveryState).toBe('failed');
    expect(reply.deliveryError).toContain('550 5.1.1 mailbox does not exist');
    expect(messagesOf(ticketId).filter((m) => m.authorKind === 'customer')).toHaveLength(1);
  });

  it('keeps a reply queued while the relay is down and delivers it later; a 5xx fails it', async () => {
    await send({ from: 'wait@kunde.example', subject: 'Geduld', messageId: '<w1@kunde.example>' });
    const ticketId = ticketOf('<w1@kunde.example>');
    await deliver(); // the acknowledgement
    sink.reject(451, '4.7.1 Try again later');
    await agent.mutate('tickets.reply', { ticketId, body: 'Antwort trotz Ausfall.' });
    await deliver();
    let reply = messagesOf(ticketId).find((m) => m.authorKind === 'agent')!;
    expect(reply.deliveryState).toBe('queued');
    expect(reply.deliveryError).toMatch(/451/);
    sink.accept();
    await runOutboxOnce(getDb(), Date.now() + 60 * 60_000);
    reply = messagesOf(ticketId).find((m) => m.authorKind === 'agent')!;
    expect(reply.deliveryState).toBe('sent');

    sink.reject(550, '5.1.1 No such user');
    await agent.mutate('tickets.reply', { ticketId, body: 'Zweite Antwort.' });
    await deliver();
    const second = messagesOf(ticketId).filter((m) => m.authorKind === 'agent')[1]!;
    expect(second.deliveryState).toBe('failed');
    expect(second.deliveryError).toMatch(/550/);
    sink.accept();
  });

  it('reads real-world mail: Gmail, Outlook, Apple Mail, forwarded Latin-1', async () => {
    const dir = path.join(import.meta.dirname, 'fixtures');
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.eml'))) await sendRaw(fs.readFileSync(path.join(dir, f)), 'fixture@sender.example');
    const outlook = messagesOf(ticketOf('<AM0PR01MB1234ABCD@AM0PR01MB1234.eurprd01.prod.outlook.example>'))[0]!;
    expect(outlook.bodyText).toContain('beschädigt');
    expect(outlook.bodyHtml).not.toMatch(/<script/i);
    expect(outlook.bodyHtml).toContain('data-remote-src="https://tracker.example/pixel.gif"');
    expect(findTicket(getDb(), ticketOf('<fwd-1@web.example>'))!.subject).toBe('WG: Käse geliefert');
    expect(findTicket(getDb(), ticketOf('<5E1A6F0C-7B7E-4F5B-9C1B-apple-1@icloud.example>'))!.subject).toBe('Invoice question');
  });

  // swaks comes from Debian's packages (.ci/run installs it); the server runs in this process, so it is
  // spawned asynchronously.
  it.skipIf(!fs.existsSync('/usr/bin/swaks'))('accepts mail from swaks, a different SMTP client', async () => {
    const res = await promisify(execFile)(
      'swaks',
      [
        '--server',
        `127.0.0.1:${server.smtpPort}`,
        '--to',
        'support@demo.local',
        '--from',
        'swaks@kunde.example',
        '--header',
        'Subject: Über swaks',
        '--header',
        'Message-Id: <swaks-1@kunde.example>',
        '--body',
        'Grüße aus der Shell',
      ],
      { encoding: 'utf8' },
    );
    expect(res.stdout).toMatch(/<- {2}250 .*Stored as ticket/);
    expect(findTicket(getDb(), ticketOf('<swaks-1@kunde.example>'))!.subject).toBe('Über swaks');
  });
});
