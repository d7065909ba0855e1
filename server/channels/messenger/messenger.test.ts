import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { attachments, customerIdentities, customers, messages, tickets, webhookEvents } from '@/db/schema';
import { listEvents } from '@/db/queries/tickets';
import { DEMO_PASSWORD } from '@/db/seed/generate';
import { kickWebhookWorker } from '@/server/channels/messaging/webhook-worker';
import { runOutboxOnce } from '@/server/jobs/outbox-worker';
import { runDueJobs } from '@/server/jobs/durable-jobs';
import { metaSignature, startFakeGraph } from '@/server/testing/fake-graph';
import { httpClient, startTestServer, uploadAttachment } from '@/server/testing/test-server';
import { blobPath } from '@/server/content/attachment-store';

// A Facebook page's Messenger against a local server that follows Meta's contract: signed webhooks in,
// the Send API out, echoes and receipts back.
const PAGE_ID = '104012345678901';
const TOKEN = 'EAAB-page-token';
const APP_SECRET = 'messenger-app-secret';
const HOUR = 3600_000;

let server: Awaited<ReturnType<typeof startTestServer>>;
let graph: Awaited<ReturnType<typeof startFakeGraph>>;
let admin: ReturnType<typeof httpClient>;
let channelId: number;
let serial = 0;

const save = (extra: Record<string, unknown> = {}) =>
  admin.mutate<{ id: number }>('messenger.save', {
    id: channelId ?? null,
    name: 'Facebook Shop',
    defaultTeamId: null,
    pageId: PAGE_ID,
    apiBaseUrl: graph.url,
    pageAccessToken: TOKEN,
    appSecret: APP_SECRET,
    verifyToken: 'messenger-verify',
    ...extra,
  });

beforeAll(async () => {
  server = await startTestServer({ OUTBOX_INTERVAL_MS: '60000' });
  graph = await startFakeGraph({ token: TOKEN, pageId: PAGE_ID });
  admin = httpClient(server.url);
  await admin.mutate('auth.login', { email: 'admin@demo.local', password: DEMO_PASSWORD });
  const saved = await save();
  if (!saved.ok) throw new Error(saved.message);
  channelId = saved.data.id;
});
afterAll(async () => {
  await graph?.close();
  await server?.close();
});

const db = () => getDb();
/** A fixture delivery for person `psid`, sent `agoMs` before now, with fresh mids. */
function delivery(name: string, psid: string, o: { agoMs?: number; mid?: string; text?: string } = {}) {
  const now = Date.now() - (o.agoMs ?? 0);
  return fs
    .readFileSync(path.join(__dirname, 'fixtures', `${name}.json`), 'utf8')
    .replaceAll('PAGE_ID', PAGE_ID)
    .replaceAll('"PSID"', JSON.stringify(psid))
    .replaceAll('1700000000000', String(now))
    .replaceAll('CDN/', `${graph.url}/cdn/`)
    .replaceAll('"TEXT"', JSON.stringify(o.text ?? ''))
    .replaceAll('"MID', `"${o.mid ?? `mid.${++serial}`}`);
}
async function receive(body: string) {
  const res = await fetch(`${server.url}/hooks/messenger/${channelId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(body, APP_SECRET) },
    body,
  });
  expect(res.status).toBe(200);
  await kickWebhookWorker(db());
}
const ticketOf = (psid: string) =>
  db()
    .select({ id: tickets.id, customerId: tickets.customerId })
    .from(tickets)
    .innerJoin(customerIdentities, eq(customerIdentities.customerId, tickets.customerId))
    .where(sql`${customerIdentities.kind} = 'messenger' and ${customerIdentities.externalId} = ${psid}`)
    .get()!;
const thread = (ticketId: number) => db().select().from(messages).where(eq(messages.ticketId, ticketId)).orderBy(messages.id).all();
const reply = (ticketId: number, body: string) => admin.mutate<{ messageId: number }>('tickets.reply', { ticketId, body, internal: false });

describe('Messenger', () => {
  it('refuses unsigned deliveries, names a new person from their public profile, and stores each message once', async () => {
    const psid = '6100000000000001';
    graph.addProfile(psid, { first_name: 'Anke', last_name: 'Weiß' });
    const before = db()
      .select({ n: sql<number>`count(*)` })
      .from(webhookEvents)
      .get()!.n;
    const body = delivery('text-message', psid);
    const unsigned = await fetch(`${server.url}/hooks/messenger/${channelId}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(unsigned.status).toBe(401);
    expect(
      db()
        .select({ n: sql<number>`count(*)` })
        .from(webhookEvents)
        .get()!.n,
    ).toBe(before);
    await receive(body);
    await receive(body);
    const ticket = ticketOf(psid);
    expect(thread(ticket.id).map((m) => m.bodyText)).toEqual(['Hallo! Ich habe eine Frage zu meiner Bestellung.']);
    expect(db().select({ name: customers.name }).from(customers).where(eq(customers.id, ticket.customerId)).get()!.name).toBe('Anke Weiß');
  });

  it('fetches attachments by their URL and reads quick replies and postbacks', async () => {
    const psid = '6100000000000002';
    graph.addCdnFile('schaden.jpg', Buffer.from('jpeg of the damage'));
    await receive(delivery('text-message', psid));
    await receive(delivery('attachments-postback', psid));
    const rows = thread(ticketOf(psid).id);
    expect(rows.slice(1).map((m) => m.bodyText)).toEqual(['schaden.jpg', 'Umtausch', 'Mit einem Menschen sprechen']);
    const file = db().select().from(attachments).where(eq(attachments.messageId, rows[1]!.id)).get()!;
    expect(fs.readFileSync(blobPath(server.dataDir, file.sha256!)).toString()).toBe('jpeg of the damage');
  });

  it('replies by the Send API, knows its own echo, shows a reply from the page’s inbox once, and follows receipts', async () => {
    const psid = '6100000000000003';
    await receive(delivery('text-message', psid));
    const ticket = ticketOf(psid);
    const sent = await reply(ticket.id, 'Gern, worum geht es?');
    await runOutboxOnce(db());
    expect(graph.sends().at(-1)).toMatchObject({
      path: '/me/messages',
      authorization: `Bearer ${TOKEN}`,
      body: { recipient: { id: psid }, messaging_type: 'RESPONSE', message: { text: 'Gern, worum geht es?' } },
    });
    const mid = graph.sentIds.at(-1)!;
    // Our reply's echo is ours: nothing new. A reply typed in the page's own Facebook inbox joins once.
    await receive(delivery('echo', psid, { mid, text: 'Gern, worum geht es?' }));
    const echo = delivery('echo', psid, { mid: 'mid.from-page-inbox', text: 'Wir melden uns heute noch.' });
    await receive(echo);
    await receive(echo);
    expect(thread(ticket.id).map((m) => [m.authorKind, m.bodyText])).toEqual([
      ['customer', 'Hallo! Ich habe eine Frage zu meiner Bestellung.'],
      ['agent', 'Gern, worum geht es?'],
      ['agent', 'Wir melden uns heute noch.'],
    ]);
    await receive(delivery('receipts', psid, { mid }));
    const mine = () =>
      db()
        .select()
        .from(messages)
        .where(eq(messages.id, sent.ok ? sent.data.messageId : 0))
        .get()!;
    expect(mine().deliveryState).toBe('read');
    // A delivery receipt that comes after the read one does not take it back.
    const late = JSON.parse(delivery('receipts', psid, { mid }));
    late.entry[0].messaging = late.entry[0].messaging.slice(0, 1);
    late.entry[0].messaging[0].delivery.watermark += 1000;
    await receive(JSON.stringify(late));
    expect(mine().deliveryState).toBe('read');
    // A read receipt alone (no delivery receipt before it) marks a sent reply read too.
    const second = await reply(ticket.id, 'Noch eine Frage?');
    await runOutboxOnce(db());
    const readOnly = JSON.parse(delivery('receipts', psid, { mid: 'unused' }));
    readOnly.entry[0].messaging = readOnly.entry[0].messaging.slice(1);
    readOnly.entry[0].messaging[0].read.watermark = Date.now() + 1000;
    await receive(JSON.stringify(readOnly));
    expect(
      db()
        .select()
        .from(messages)
        .where(eq(messages.id, second.ok ? second.data.messageId : 0))
        .get()!.deliveryState,
    ).toBe('read');
  });

  it('answers within 24 hours as a response, after that only with the human-agent tag, and records the window closing unanswered', async () => {
    const psid = '6100000000000004';
    await receive(delivery('text-message', psid, { agoMs: 30 * HOUR }));
    const ticket = ticketOf(psid);
    expect(await reply(ticket.id, 'Zu spät?')).toMatchObject({ ok: false, code: 'CONFLICT' });
    runDueJobs(db(), Date.now());
    expect(listEvents(db(), ticket.id).filter((e) => e.type === 'reply_window_closed')).toHaveLength(1);

    expect((await save({ humanAgentTag: true, pageAccessToken: undefined, appSecret: undefined, verifyToken: undefined })).ok).toBe(true);
    const sent = await reply(ticket.id, 'Ein Mensch antwortet');
    expect(sent.ok).toBe(true);
    await runOutboxOnce(db());
    expect(graph.sends().at(-1)!.body).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
    expect((await save({ humanAgentTag: false, pageAccessToken: undefined, appSecret: undefined, verifyToken: undefined })).ok).toBe(true);
  });

  it('sends the agent’s picture as an attachment with the message, then the text', async () => {
    const psid = '6100000000000006';
    await receive(delivery('text-message', psid));
    const receipt = await uploadAttachment(server.url, admin.cookie, 'ersatz.png', 'image/png', Buffer.from('\x89PNG\r\n\x1a\n fake', 'latin1'));
    await admin.mutate('tickets.reply', { ticketId: ticketOf(psid).id, body: 'So sieht der Ersatz aus.', internal: false, attachments: [receipt] });
    await runOutboxOnce(db());
    const [file, text] = graph.sends().slice(-2);
    expect(file!.body).toMatchObject({
      recipient: JSON.stringify({ id: psid }),
      messaging_type: 'RESPONSE',
      message: JSON.stringify({ attachment: { type: 'image', payload: { is_reusable: false } } }),
      filedata: { filename: 'ersatz.png', type: 'image/png' },
    });
    expect(text!.body).toMatchObject({ recipient: { id: psid }, message: { text: 'So sieht der Ersatz aus.' } });
  });

  it('shows the platform’s refusal on the reply, and never sends secrets back', async () => {
    const psid = '6100000000000005';
    await receive(delivery('text-message', psid));
    graph.failNext(400, 551, 'This person isn’t available right now.');
    const sent = await reply(ticketOf(psid).id, 'Hallo?');
    await runOutboxOnce(db());
    expect(
      db()
        .select()
        .from(messages)
        .where(eq(messages.id, sent.ok ? sent.data.messageId : 0))
        .get(),
    ).toMatchObject({
      deliveryState: 'failed',
      deliveryError: '551 This person isn’t available right now.',
    });
    const list = await admin.query('messenger.list');
    expect(JSON.stringify(list)).not.toContain(TOKEN);
    expect(JSON.stringify(list)).not.toContain(APP_SECRET);
    expect(await admin.mutate('messenger.test', { id: channelId })).toMatchObject({ ok: true, data: { ok: true, answer: `Demo Shop (${PAGE_ID})` } });
  });
});
