import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { jobs, messages, outbox } from '@/db/schema';
import { listChannelsOfKind } from '@/db/queries/inbound';
import { findTicket } from '@/db/queries/tickets';
import { runDueJobs } from '@/server/jobs/durable-jobs';
import { runOutboxOnce } from '@/server/jobs/outbox-worker';
import { ingest } from '@/server/channels/ingest';
import { createTestTicket } from '@/server/testing/fixtures';
import { openTestDatabase, viewerOf } from '@/server/testing/test-database';
import { startSmtpSink } from '@/server/testing/smtp-sink';
import { sendDemoInboxTo } from '@/server/testing/demo-inbox';
import { loadConfig } from '@/server/config';
import { setConfig } from '@/server/runtime-config';
import type { Viewer } from '@/server/auth/sessions';
import { recordBus } from '@/server/testing/bus-recorder';
import { scheduleJob } from '@/server/jobs/durable-jobs';
import { updateTicketColumns } from '@/db/queries/tickets';
import { registerSendReplyJobs, sendReply, undoSend } from './undo-send';

// "Undo send" on a real SQLite file: the reply waits ten seconds as a durable job, then goes through the
// outbox to a real SMTP server; taken back in time, nothing is stored and nothing reaches the server.
let db: Db;
let close: () => void;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let jana: Viewer;
let tom: Viewer;
const T0 = Date.UTC(2026, 10, 24, 9);
const SEC = 1000;
let n = 0;
const heard = recordBus(['message.created', 'ticket.status']);

function emailTicket() {
  const from = `kundin${++n}@example.de`;
  return ingest(
    db,
    {
      channelId: listChannelsOfKind(db, 'email')[0]!.id,
      from: { externalId: from, name: 'Kundin', email: from, emailProven: true },
      channelMessageId: null,
      subject: 'Rechnung fehlt',
      text: 'Hallo',
      html: null,
      receivedAt: T0 - 60 * SEC,
      autoSubmitted: false,
    },
    { resolveThread: () => ({ kind: 'new' }) },
  ).ticketId;
}
const agentMessages = (ticketId: number) =>
  db
    .select()
    .from(messages)
    .where(eq(messages.ticketId, ticketId))
    .all()
    .filter((m) => m.authorKind === 'agent');
const reply = (ticketId: number, body: string, extra: object = {}) => ({ ticketId, body, internal: false, clientId: `client-${++n}-abcdef`, ...extra });

beforeAll(async () => {
  ({ db, close } = openTestDatabase());
  setConfig(loadConfig({ DATA_DIR: path.join(os.tmpdir(), 'helpdesk-undo-send'), UNDO_SEND_SECONDS: '10' }));
  sink = await startSmtpSink();
  sendDemoInboxTo(sink.port, {}, db);
  jana = viewerOf(db, 'jana@demo.local');
  tom = viewerOf(db, 'tom@demo.local');
  registerSendReplyJobs();
});
afterAll(async () => {
  await sink?.close();
  close();
});
beforeEach(() => {
  for (const t of [jobs, outbox])
    db.delete(t)
      .where(sql`1 = 1`)
      .run();
  sink.mails.length = 0;
});

describe('undo send', () => {
  it('an email reply waits ten seconds; taken back, nothing is stored or sent and the text comes back', async () => {
    const ticketId = emailTicket();
    const sent = await sendReply(db, jana, reply(ticketId, '  Die Rechnung kommt heute.  ', { status: 'solved' }), T0);
    expect(sent).toEqual({ messageId: null, pending: { id: expect.stringMatching(/^send-reply:\d+:client-/), sendAt: T0 + 10 * SEC } });
    expect(runDueJobs(db, T0 + 10 * SEC - 1)).toBe(0);
    expect(agentMessages(ticketId)).toEqual([]);
    // Another agent cannot take it back.
    expect(() => undoSend(db, tom, sent.pending!.id, T0 + 5 * SEC)).toThrow(expect.objectContaining({ code: 'NOT_FOUND', key: 'reply_not_waiting' }));
    expect(undoSend(db, jana, sent.pending!.id, T0 + 5 * SEC)).toEqual({ ticketId, body: 'Die Rechnung kommt heute.', status: 'solved' });
    expect(runDueJobs(db, T0 + 20 * SEC)).toBe(0);
    await runOutboxOnce(db, T0 + 20 * SEC);
    expect(agentMessages(ticketId)).toEqual([]);
    expect(findTicket(db, ticketId)!.status).not.toBe('solved');
    expect(sink.mails).toEqual([]);
    // Taken back twice: it is no longer waiting.
    expect(() => undoSend(db, jana, sent.pending!.id, T0 + 6 * SEC)).toThrow(expect.objectContaining({ code: 'NOT_FOUND', key: 'reply_not_waiting' }));
  });

  it('left alone, it is written at the end of the window with its status and reaches the customer once', async () => {
    const ticketId = emailTicket();
    const input = reply(ticketId, 'Die Rechnung kommt heute.', { status: 'pending' });
    const sent = await sendReply(db, jana, input, T0);
    // Sent again with the same id (a lost answer): still one job, one message.
    await sendReply(db, jana, input, T0 + SEC);
    expect(db.select().from(jobs).all()).toHaveLength(1);
    expect(runDueJobs(db, T0 + 10 * SEC)).toBe(1);
    const [message] = agentMessages(ticketId);
    expect(message).toMatchObject({ bodyText: 'Die Rechnung kommt heute.', authorAgentId: jana.id, createdAt: T0 + 10 * SEC });
    expect(findTicket(db, ticketId)!.status).toBe('pending');
    await runOutboxOnce(db, T0 + 10 * SEC);
    await expect.poll(() => sink.mails.length).toBe(1);
    expect(sink.mails[0]!.rcptTo).toEqual([`kundin${n - 1}@example.de`]);
    expect(() => undoSend(db, jana, sent.pending!.id, T0 + 11 * SEC)).toThrow(expect.objectContaining({ code: 'CONFLICT', key: 'reply_already_sent' }));
    // Told once, when it was written: the customer's chat and the other inboxes hear of it then.
    const agentSaid = () => heard.filter((e) => e.name === 'message.created' && (e.payload as { authorKind: string }).authorKind === 'agent');
    expect(agentSaid()).toEqual([
      {
        name: 'message.created',
        payload: expect.objectContaining({ ticketId, messageId: message!.id, authorName: jana.name, text: 'Die Rechnung kommt heute.' }),
      },
    ]);
    expect(heard.filter((e) => e.name === 'ticket.status')).toEqual([{ name: 'ticket.status', payload: expect.objectContaining({ ticketId, to: 'pending' }) }]);
    // Run again by hand (a job planned twice): the reply is stored once and told once.
    scheduleJob(db, { id: sent.pending!.id, kind: 'send-reply', payload: db.select().from(jobs).get()!.payload, runAt: T0 + 13 * SEC }, T0 + 13 * SEC);
    expect(runDueJobs(db, T0 + 13 * SEC)).toBe(1);
    expect(agentMessages(ticketId)).toHaveLength(1);
    expect(agentSaid()).toHaveLength(1);
    // Planned again after it ran: nothing more.
    await sendReply(db, jana, input, T0 + 12 * SEC);
    expect(runDueJobs(db, T0 + 30 * SEC)).toBe(0);
    expect(agentMessages(ticketId)).toHaveLength(1);
  });

  it('notes and live chat replies go at once; an empty reply is refused before it waits', async () => {
    const ticketId = emailTicket();
    expect((await sendReply(db, jana, reply(ticketId, 'Intern: prüfen', { internal: true }), T0)).pending).toBeNull();
    const chat = createTestTicket(db, { channel: 'chat', at: T0 }).ticket.id;
    expect((await sendReply(db, jana, reply(chat, 'Hallo!'), T0)).pending).toBeNull();
    expect(agentMessages(chat)).toHaveLength(1);
    await expect(sendReply(db, jana, reply(ticketId, '   '), T0)).rejects.toMatchObject({ key: 'message_empty' });
    await expect(sendReply(db, jana, reply(999_999, 'Hallo'), T0)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      key: 'ticket_not_found',
      params: { id: 999_999 },
    });
    // A closed ticket is refused now, not silently at the end of the window.
    const closed = emailTicket();
    updateTicketColumns(db, closed, { status: 'closed' });
    await expect(sendReply(db, jana, reply(closed, 'Noch etwas'), T0)).rejects.toMatchObject({ code: 'CONFLICT', key: 'ticket_closed' });
    expect(db.select().from(jobs).all()).toEqual([]);
  });

  it('a reply of an agent deactivated within the window is not sent', async () => {
    const ticketId = emailTicket();
    const sent = await sendReply(db, tom, reply(ticketId, 'Bis morgen'), T0);
    db.run(sql`update agents set active = 0 where id = ${tom.id}`);
    expect(runDueJobs(db, sent.pending!.sendAt)).toBe(1);
    expect(agentMessages(ticketId)).toEqual([]);
    db.run(sql`update agents set active = 1 where id = ${tom.id}`);
  });
});
