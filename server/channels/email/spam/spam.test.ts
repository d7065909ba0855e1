import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer, { type Transporter } from 'nodemailer';
import { dkimSign, type DKIMSignOptions } from 'mailauth';
import { startTestServer, httpClient, sendDemoInboxTo } from '@/server/testing/test-server';
import { startSmtpSink } from '@/server/testing/smtp-sink';
import { hasSpamd, startSpamd } from '@/server/testing/spamd';
import { startDnsStub } from '@/server/testing/dns-stub';
import { getDb } from '@/db/client';
import { findMessageByChannelMessageId } from '@/db/queries/inbound';
import { findTicket, listEvents, listMessages } from '@/db/queries/tickets';
import { DEMO_PASSWORD } from '@/db/seed/generate';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'spam', name));
const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const dkimKey = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

let spamd: Awaited<ReturnType<typeof startSpamd>> | undefined;
let dns: Awaited<ReturnType<typeof startDnsStub>>;
let server: Awaited<ReturnType<typeof startTestServer>>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let agent: ReturnType<typeof httpClient>;
let client: Transporter;

beforeAll(async () => {
  spamd = await startSpamd();
  // absender.example publishes SPF for this host, a DKIM key and a strict DMARC policy.
  dns = await startDnsStub({
    'absender.example': { TXT: ['v=spf1 ip4:127.0.0.1 -all'] },
    'sel1._domainkey.absender.example': { TXT: [`v=DKIM1; k=rsa; p=${dkimKey}`] },
    '_dmarc.absender.example': { TXT: ['v=DMARC1; p=reject; adkim=r; aspf=r'] },
    'evil.example': { TXT: ['v=spf1 ip4:192.0.2.66 -all'] },
  });
  server = await startTestServer({
    SPAMD_HOST: spamd.host,
    SPAMD_PORT: String(spamd.port),
    MAIL_AUTH: 'true',
    DNS_SERVERS: dns.server,
    OUTBOX_INTERVAL_MS: '3600000',
  });
  sink = await startSmtpSink();
  sendDemoInboxTo(sink.port);
  agent = httpClient(server.url);
  await agent.mutate('auth.login', { email: 'jana@demo.local', password: DEMO_PASSWORD });
  client = nodemailer.createTransport({ host: '127.0.0.1', port: server.smtpPort, secure: false, ignoreTLS: true, name: 'mail.absender.example' });
}, 90_000);
afterAll(async () => {
  client?.close();
  await sink?.close();
  await server?.close();
  await dns?.stop();
  await spamd?.stop();
});

const sendRaw = (raw: Buffer | string, envelopeFrom: string) => client.sendMail({ envelope: { from: envelopeFrom, to: ['support@demo.local'] }, raw });
const ticketOf = (messageId: string) => findTicket(getDb(), findMessageByChannelMessageId(getDb(), messageId)!.ticketId)!;
const acknowledged = (ticketId: number) => listEvents(getDb(), ticketId).some((e) => e.type === 'acknowledgement_sent');
const checksOf = (messageId: string) => listMessages(getDb(), ticketOf(messageId).id).find((m) => m.channelMessageId === messageId)!.meta?.email?.checks;
const listIds = async (filter: Record<string, unknown>) => {
  const res = await agent.query<{ items: { id: number }[] }>('tickets.list', { filter: { assignee: 'any', ...filter }, limit: 200 });
  if (!res.ok) throw new Error(res.message);
  return res.data.items.map((i) => i.id);
};

function mail(o: { from: string; subject: string; messageId: string; body: string }) {
  return [
    `From: ${o.from}`,
    'To: support@demo.local',
    `Subject: ${o.subject}`,
    `Message-ID: ${o.messageId}`,
    'Date: Tue, 01 Dec 2026 09:00:00 +0100',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    o.body,
    '',
  ].join('\r\n');
}
async function signed(raw: string) {
  const key = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  // mailauth reads the keys from signatureData (its typings describe an older, flat form).
  const options = {
    canonicalization: 'relaxed/relaxed',
    signatureData: [{ signingDomain: 'absender.example', selector: 'sel1', privateKey: key }],
  } as unknown as DKIMSignOptions;
  const { signatures, errors } = await dkimSign(raw, options);
  if (errors.length || !signatures) throw new Error(`DKIM signing failed: ${JSON.stringify(errors)}`);
  return signatures + raw;
}

describe.skipIf(!hasSpamd())('spam and forged senders get no acknowledgement', () => {
  it('honours an upstream filter’s spam verdict (SpamAssassin and Rspamd headers): held back, not acknowledged', async () => {
    for (const [file, id] of [
      ['upstream-spamassassin.eml', '<proposal-4711@mail.example>'],
      ['upstream-rspamd.eml', '<win-2026-11@promo.example>'],
    ] as const) {
      await sendRaw(fixture(file), 'bounce@mail.example');
      const ticket = ticketOf(id);
      expect(ticket.isSpam, file).toBe(true);
      expect(acknowledged(ticket.id), file).toBe(false);
      expect(checksOf(id)?.upstream, file).toMatchObject({ spam: true });
    }
  });

  it('runs spamd on mail whose headers claim it is clean, and keeps its score and rules on the message', async () => {
    await sendRaw(fixture('gtube-claims-not-spam.eml'), 'deals@cheap.example');
    const ticket = ticketOf('<gtube-1@cheap.example>');
    expect(ticket.isSpam).toBe(true);
    expect(acknowledged(ticket.id)).toBe(false);
    expect(checksOf('<gtube-1@cheap.example>')?.spamd).toMatchObject({ spam: true, rules: expect.arrayContaining(['GTUBE']) });
    expect(listEvents(getDb(), ticket.id).map((e) => e.type)).toContain('marked_spam');
    // Out of every working view, in the Spam view only.
    expect(await listIds({})).not.toContain(ticket.id);
    expect(await listIds({ q: 'GTUBE' })).not.toContain(ticket.id);
    expect(await listIds({ spam: true })).toContain(ticket.id);
  });

  it('acknowledges legitimate mail that passes SPF, DKIM (signed with a test key) and DMARC', async () => {
    const raw = await signed(
      mail({
        from: 'Klara Kundin <klara@absender.example>',
        subject: 'Rechnung doppelt abgebucht',
        messageId: '<legit-1@absender.example>',
        body: 'Guten Tag, die Rechnung R-2211 wurde zweimal abgebucht.',
      }),
    );
    await sendRaw(raw, 'klara@absender.example');
    const ticket = ticketOf('<legit-1@absender.example>');
    expect(ticket.isSpam).toBe(false);
    expect(acknowledged(ticket.id)).toBe(true);
    expect(checksOf('<legit-1@absender.example>')).toMatchObject({ spamd: { spam: false }, auth: { spf: 'pass', dkim: 'pass', dmarc: 'pass' } });
    expect(await listIds({})).toContain(ticket.id);
  });

  it('holds back a forged From failing DMARC (broken DKIM signature, foreign envelope), and never threads it by the subject token', async () => {
    const genuine = ticketOf('<legit-1@absender.example>');
    const original = await signed(
      mail({
        from: 'Klara Kundin <klara@absender.example>',
        subject: `Re: Rechnung doppelt abgebucht [#${genuine.number}]`,
        messageId: '<forged-1@evil.example>',
        body: 'Bitte überweisen Sie die Erstattung an IBAN DE89 3704 0044 0532 0130 00.',
      }),
    );
    // Changed after signing: the DKIM body hash no longer matches.
    const tampered = original.replace('DE89 3704 0044 0532 0130 00', 'DE12 5001 0517 0648 4898 90');
    await sendRaw(tampered, 'klara@evil.example');
    const forged = ticketOf('<forged-1@evil.example>');
    expect(forged.id).not.toBe(genuine.id);
    // mailauth reports a body-hash mismatch as "neutral" (RFC 6376 §6.1.3: the signature does not verify).
    expect(checksOf('<forged-1@evil.example>')?.auth).toMatchObject({ spf: 'fail', dkim: 'neutral', dmarc: 'fail', dmarcPolicy: 'reject' });
    expect(forged.isSpam).toBe(true);
    expect(acknowledged(forged.id)).toBe(false);
    expect(listMessages(getDb(), genuine.id).some((m) => m.bodyText.includes('DE12'))).toBe(false);
  });

  it('lets an agent release a held message (it gets its acknowledgement now) and mark another as spam, teaching spamd both', async () => {
    const held = ticketOf('<win-2026-11@promo.example>');
    expect(await agent.mutate('tickets.markSpam', { id: held.id, spam: false })).toMatchObject({ ok: true, data: { changed: true, learned: true } });
    expect(findTicket(getDb(), held.id)!.isSpam).toBe(false);
    expect(acknowledged(held.id)).toBe(true);
    expect(await listIds({})).toContain(held.id);

    const legit = ticketOf('<legit-1@absender.example>');
    expect(await agent.mutate('tickets.markSpam', { id: legit.id, spam: true })).toMatchObject({ ok: true, data: { changed: true, learned: true } });
    expect(await listIds({})).not.toContain(legit.id);
    expect(listEvents(getDb(), legit.id).filter((e) => e.type === 'marked_spam')).toMatchObject([{ actorKind: 'agent' }]);
    // Marking again changes nothing and records nothing.
    expect(await agent.mutate('tickets.markSpam', { id: legit.id, spam: true })).toMatchObject({ ok: true, data: { changed: false } });
    expect(spamd!.log()).toMatch(/Tell: Setting local/);
  });
});
