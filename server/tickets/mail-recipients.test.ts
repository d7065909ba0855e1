import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { messages, outbox } from '@/db/schema';
import { listChannelsOfKind } from '@/db/queries/inbound';
import { listEvents } from '@/db/queries/tickets';
import { runOutboxOnce } from '@/server/jobs/outbox-worker';
import { ingest } from '@/server/channels/ingest';
import { openTestDatabase, viewerOf } from '@/server/testing/test-database';
import { startSmtpSink } from '@/server/testing/smtp-sink';
import { sendDemoInboxTo } from '@/server/testing/demo-inbox';
import { createTestTicket } from '@/server/testing/fixtures';
import { loadConfig } from '@/server/config';
import { setConfig } from '@/server/runtime-config';
import { storeAttachments } from '@/server/content/attachment-store';
import type { Viewer } from '@/server/auth/sessions';
import { createCaller } from '@/server/trpc/root';
import { recordBus } from '@/server/testing/bus-recorder';
import { insertMessage, findTicket } from '@/db/queries/tickets';
import { updateChannelSettings } from '@/db/queries/channels';
import { MAX_FORWARDED_BYTES, withinLimits } from './forward-ticket';

// Who an email reply goes to, and forwards to someone outside the conversation, through the tRPC
// procedures and the outbox to a real SMTP server on a real SQLite file.
let db: Db;
let close: () => void;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let jana: Viewer;
const T0 = Date.UTC(2026, 10, 24, 9);
let n = 0;
const heard = recordBus(['message.created', 'ticket.changed']);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-recipients-'));

beforeAll(async () => {
  ({ db, close } = openTestDatabase());
  setConfig(loadConfig({ DATA_DIR: dataDir, UNDO_SEND_SECONDS: '0' }));
  sink = await startSmtpSink();
  sendDemoInboxTo(sink.port, {}, db);
  jana = { ...viewerOf(db, 'jana@demo.local'), locale: 'de' };
});
afterAll(async () => {
  await sink?.close();
  close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(() => {
  db.delete(outbox)
    .where(sql`1 = 1`)
    .run();
  sink.mails.length = 0;
});

const tickets = (v: Viewer) => createCaller({ db, viewer: v, ip: '127.0.0.1', originOk: true }).tickets;
async function mailTicket(cc: string[] = [], files: { filename: string; content: string }[] = []) {
  const stored = files.length
    ? await storeAttachments(
        dataDir,
        files.map((f) => ({ filename: f.filename, contentType: 'text/plain', content: Buffer.from(f.content), contentId: null, inline: false })),
        1_000_000,
      )
    : undefined;
  const from = `kundin${++n}@example.de`;
  return ingest(
    db,
    {
      channelId: listChannelsOfKind(db, 'email')[0]!.id,
      from: { externalId: from, name: 'Kundin Koch', email: from, emailProven: true },
      channelMessageId: `<in${n}@example.de>`,
      subject: 'Lieferung beschädigt',
      text: 'Das Paket kam beschädigt an.',
      html: null,
      receivedAt: T0,
      autoSubmitted: false,
      email: { from: { address: from, name: 'Kundin Koch' }, to: [{ address: 'support@demo.local' }], cc: cc.map((address) => ({ address })) },
      attachments: stored,
    },
    { resolveThread: () => ({ kind: 'new' }) },
  ).ticketId;
}
/** Runs the outbox and waits until the sink holds `count` mails. */
const deliver = async (count: number) => {
  await runOutboxOnce(db, Date.now());
  await expect.poll(() => sink.mails.length).toBe(count);
};

describe('reply recipients', () => {
  it('shows the composer reply-all as it stands, and sends it so when the agent leaves the copies alone', async () => {
    const ticketId = await mailTicket(['partner@example.de', 'support@demo.local']);
    const open = await tickets(jana).get({ id: ticketId });
    expect(open.mail).toEqual({
      reply: { to: [{ address: `kundin${n}@example.de`, name: 'Kundin Koch' }], cc: [{ address: 'partner@example.de' }] },
      canForward: true,
    });
    await tickets(jana).reply({ ticketId, body: 'Wir schicken Ersatz.', internal: false });
    await deliver(1);
    expect(sink.mails).toHaveLength(1);
    expect(sink.mails[0]!.rcptTo.sort()).toEqual([`kundin${n}@example.de`, 'partner@example.de']);
  });

  it('replaces the copies with the agent’s and adds blind copies that no header shows', async () => {
    const ticketId = await mailTicket(['partner@example.de']);
    await tickets(jana).reply({
      ticketId,
      body: 'Ersatz ist unterwegs.',
      internal: false,
      cc: ['Lager@Example.de', 'support@demo.local'],
      bcc: ['chefin@example.de', 'lager@example.de'],
    });
    await deliver(1);
    const [mail] = sink.mails;
    expect(mail!.rcptTo.sort()).toEqual(['chefin@example.de', `kundin${n}@example.de`, 'lager@example.de']);
    expect(mail!.parsed.cc && 'value' in mail!.parsed.cc ? mail!.parsed.cc.value.map((a) => a.address) : []).toEqual(['lager@example.de']);
    expect(mail!.raw).not.toMatch(/^bcc:/im);
    expect(mail!.raw).not.toContain('chefin');
    // Agents see both on the message; the customer's thread only has the Cc.
    const shown = (await tickets(jana).get({ id: ticketId })).messages.at(-1)!.envelope;
    expect(shown).toMatchObject({ cc: [{ address: 'lager@example.de' }], bcc: [{ address: 'chefin@example.de' }] });
  });

  it('refuses a malformed address and more than 20 copies before anything is stored', async () => {
    const ticketId = await mailTicket();
    await expect(tickets(jana).reply({ ticketId, body: 'x', internal: false, cc: ['kein-adresse'] })).rejects.toThrow();
    const many = Array.from({ length: 21 }, (_, i) => `k${i}@example.de`);
    await expect(tickets(jana).reply({ ticketId, body: 'x', internal: false, bcc: many })).rejects.toThrow();
    expect(
      db
        .select()
        .from(messages)
        .where(eq(messages.ticketId, ticketId))
        .all()
        .filter((m) => m.authorKind === 'agent'),
    ).toEqual([]);
  });
});

describe('forwarding', () => {
  it('mails the conversation with its files to someone outside it, kept as an internal message with an event', async () => {
    const ticketId = await mailTicket([], [{ filename: 'lieferschein.txt', content: 'Lieferschein 4711' }]);
    await tickets(jana).reply({ ticketId, body: 'Wir klären das mit dem Lager.', internal: false });
    await tickets(jana).reply({ ticketId, body: 'Intern: Lager anrufen', internal: true });
    await deliver(1);
    sink.mails.length = 0;

    const { messageId } = await tickets(jana).forward({ ticketId, to: ['Lager@Example.de'], body: 'Bitte Ersatz schicken.', clientId: 'forward-0001' });
    await deliver(1);
    const [mail] = sink.mails;
    expect(mail!.rcptTo).toEqual(['lager@example.de']);
    expect(mail!.parsed.subject).toBe(`WG: Lieferung beschädigt [#${(await tickets(jana).get({ id: ticketId })).ticket.number}]`);
    const text = mail!.parsed.text!;
    expect(text).toMatch(/^Bitte Ersatz schicken\.\n\n---------- Weitergeleitete Unterhaltung: Ticket #\d+ ----------/);
    expect(text).toContain('Von: Kundin Koch (Kundschaft) · 24.11.2026, 10:00\n\nDas Paket kam beschädigt an.');
    expect(text).toContain('Wir klären das mit dem Lager.');
    // Notes stay inside; the customer's thread ids are not on it; their reply comes back by the ticket's address.
    expect(text).not.toContain('Lager anrufen');
    expect(mail!.parsed.inReplyTo).toBeUndefined();
    expect(mail!.parsed.replyTo && 'value' in mail!.parsed.replyTo ? mail!.parsed.replyTo.value[0]!.address : '').toMatch(/^support\+[0-9a-f]+@demo\.local$/);
    expect(mail!.parsed.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([['lieferschein.txt', 'Lieferschein 4711']]);

    const ticket = await tickets(jana).get({ id: ticketId });
    const kept = ticket.messages.find((m) => m.id === messageId)!;
    expect(kept).toMatchObject({
      isInternal: true,
      bodyText: 'Bitte Ersatz schicken.',
      deliveryState: 'sent',
      envelope: { forwarded: true, to: [{ address: 'lager@example.de' }] },
    });
    expect(listEvents(db, ticketId).at(-1)).toMatchObject({ type: 'forwarded', data: { messageId, to: ['lager@example.de'] }, actorAgentId: jana.id });
    // No reply to the customer: the first response stays the agent's public reply.
    expect(listEvents(db, ticketId).filter((e) => e.type === 'public_reply')).toHaveLength(1);
    // Sent again with the same id (a lost answer): one message, one mail.
    await tickets(jana).forward({ ticketId, to: ['lager@example.de'], body: 'Bitte Ersatz schicken.', clientId: 'forward-0001' });
    await runOutboxOnce(db, Date.now());
    expect(
      db
        .select()
        .from(outbox)
        .all()
        .filter((r) => r.messageId === messageId),
    ).toHaveLength(1);
  });

  it('forwards a chat ticket through the first inbox, and refuses no recipient or a ticket one cannot see', async () => {
    const { ticket } = createTestTicket(db, { channel: 'chat', at: T0, text: 'Hallo aus dem Chat' });
    await tickets(jana).forward({ ticketId: ticket.id, to: ['technik@example.de'], body: '' });
    await deliver(1);
    expect(sink.mails.at(-1)!.parsed.text).toContain('Hallo aus dem Chat');
    await expect(tickets(jana).forward({ ticketId: ticket.id, to: [], body: 'x' })).rejects.toThrow();
    await expect(tickets(jana).forward({ ticketId: 999_999, to: ['a@example.de'], body: 'x' })).rejects.toThrow('does not exist');
  });

  it('writes an English agent’s forward in English with each author named, leaving out notes and automatic mail, and tells once', async () => {
    const english = { ...viewerOf(db, 'tom@demo.local'), locale: null };
    const ticketId = await mailTicket(
      [],
      [
        { filename: 'foto.txt', content: 'Foto' },
        { filename: 'tool.exe', content: 'MZ nicht erlaubt' },
      ],
    );
    await tickets(jana).reply({ ticketId, body: 'Wir kümmern uns.', internal: false });
    insertMessage(db, { ticketId, authorKind: 'system', bodyText: 'Automatische Eingangsbestätigung', createdAt: T0 + 1 });
    await deliver(1);
    sink.mails.length = 0;
    heard.length = 0;
    const before = findTicket(db, ticketId)!.lastActivityAt;
    const { messageId } = await tickets(english).forward({ ticketId, to: ['supplier@example.com'], body: '  Please check.  ', clientId: 'forward-0002' });
    expect(heard.map((e) => e.name)).toEqual(['message.created', 'ticket.changed']);
    expect(heard[0]!.payload).toMatchObject({ ticketId, messageId, internal: true, text: 'Please check.', authorName: english.name });
    await deliver(1);
    const text = sink.mails[0]!.parsed.text!;
    expect(text).toMatch(/^Please check\.\n\n---------- Forwarded conversation: ticket #\d+ ----------/);
    expect(text).toContain('From: Kundin Koch (customer) · Nov 24, 2026, 10:00 AM\n\nDas Paket kam beschädigt an.');
    expect(text).toContain('From: Jana Berger (agent) · ');
    expect(text).not.toContain('Eingangsbestätigung');
    // Only the file that was kept goes along; the refused one stays out.
    expect(sink.mails[0]!.parsed.attachments.map((a) => a.filename)).toEqual(['foto.txt']);
    expect(db.select().from(messages).where(eq(messages.id, messageId)).get()).toMatchObject({
      bodyText: 'Please check.',
      isInternal: true,
      authorAgentId: english.id,
    });
    expect(findTicket(db, ticketId)!.lastActivityAt).toBeGreaterThan(before);
    heard.length = 0;
    // The same forward again (a lost answer): the same message, nothing told twice.
    expect(await tickets(english).forward({ ticketId, to: ['supplier@example.com'], body: 'Please check.', clientId: 'forward-0002' })).toEqual({ messageId });
    expect(heard).toEqual([]);
  });

  it('says so when there is no inbox to send through', async () => {
    const ticketId = await mailTicket();
    const inbox = listChannelsOfKind(db, 'email')[0]!;
    updateChannelSettings(db, inbox.id, {});
    try {
      await expect(tickets(jana).forward({ ticketId, to: ['a@example.de'], body: 'x' })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('no email inbox'),
      });
    } finally {
      sendDemoInboxTo(sink.port, {}, db);
    }
  });

  it('carries at most ten files and 20 MiB of them, in the conversation’s order', () => {
    const files = (sizes: number[]) => sizes.map((size, i) => ({ size, i }));
    expect(withinLimits(files(Array(12).fill(1))).map((f) => f.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(withinLimits(files([MAX_FORWARDED_BYTES - 10, 11, 10])).map((f) => f.i)).toEqual([0, 2]);
    expect(withinLimits(files([MAX_FORWARDED_BYTES + 1]))).toEqual([]);
  });
});
