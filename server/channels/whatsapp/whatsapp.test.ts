import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { attachments, channels, customerIdentities, customers, messages, outbox, tickets, webhookEvents } from '@/db/schema';
import { listEvents } from '@/db/queries/tickets';
import { listTicketSurveys } from '@/db/queries/surveys';
import { defaultSurveyPolicy } from '@/lib/surveys/survey-policy';
import { DEMO_PASSWORD } from '@/db/seed/generate';
import { kickWebhookWorker } from '@/server/channels/messaging/webhook-worker';
import { runOutboxOnce } from '@/server/jobs/outbox-worker';
import { runDueJobs } from '@/server/jobs/durable-jobs';
import { startFakeGraph, metaSignature } from '@/server/testing/fake-graph';
import { clearSurveyPolicies, httpClient, startTestServer, uploadAttachment } from '@/server/testing/test-server';
import { blobPath } from '@/server/content/attachment-store';

// The WhatsApp Cloud API channel against a local server that follows Meta's contract: signed webhooks
// into a real server and SQLite file, replies out through the outbox to the fake Graph API, and the
// platform's statuses back onto the replies.
const PHONE_NUMBER_ID = '106540352242922';
const TOKEN = 'EAAG-test-access-token';
const APP_SECRET = 'app-secret-for-tests';
const VERIFY_TOKEN = 'verify-me-please';
const CUSTOMER = '4917612345678';
const HOUR = 3600_000;

let server: Awaited<ReturnType<typeof startTestServer>>;
let graph: Awaited<ReturnType<typeof startFakeGraph>>;
let admin: ReturnType<typeof httpClient>;
let channelId: number;
let serial = 0;

beforeAll(async () => {
  server = await startTestServer({ ATTACHMENT_MAX_MB: '1', OUTBOX_INTERVAL_MS: '60000' });
  graph = await startFakeGraph({ token: TOKEN, phoneNumberId: PHONE_NUMBER_ID });
  admin = httpClient(server.url);
  await admin.mutate('auth.login', { email: 'admin@demo.local', password: DEMO_PASSWORD });
  const saved = await admin.mutate<{ id: number }>('whatsapp.save', {
    id: null,
    name: 'WhatsApp Shop',
    defaultTeamId: null,
    phoneNumberId: PHONE_NUMBER_ID,
    apiBaseUrl: graph.url,
    accessToken: TOKEN,
    appSecret: APP_SECRET,
    verifyToken: VERIFY_TOKEN,
    templates: [
      {
        name: 'ticket_followup',
        language: 'de',
        body: 'Hallo {{1}}, zu Ihrer Anfrage #{{2}} haben wir eine Antwort. Schreiben Sie uns, dann melden wir uns. {{3}}',
        parameters: ['customer.first_name', 'ticket.number', 'agent.name'],
      },
    ],
  });
  if (!saved.ok) throw new Error(saved.message);
  channelId = saved.data.id;
});
afterAll(async () => {
  await graph?.close();
  await server?.close();
});

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', `${name}.json`), 'utf8').replaceAll('PHONE_NUMBER_ID', PHONE_NUMBER_ID);
const hook = () => `${server.url}/hooks/whatsapp/${channelId}`;

/** A fixture delivery as Meta sends it: its messages with fresh ids, sent `agoMs` before now, signed. */
function delivery(name: string, o: { agoMs?: number; from?: string; replace?: Record<string, string> } = {}) {
  const body = JSON.parse(fixture(name)) as { entry: { changes: { value: { messages?: Record<string, unknown>[]; contacts?: { wa_id: string }[] } }[] }[] };
  const value = body.entry[0]!.changes[0]!.value;
  for (const m of value.messages ?? []) {
    m.id = `${String(m.id)}.${++serial}`;
    m.timestamp = String(Math.floor((Date.now() - (o.agoMs ?? 0)) / 1000));
    if (o.from) m.from = o.from;
  }
  if (o.from) for (const c of value.contacts ?? []) c.wa_id = o.from;
  let text = JSON.stringify(body);
  for (const [k, v] of Object.entries(o.replace ?? {})) text = text.replaceAll(k, v);
  return text;
}

async function post(body: string, signature: string | null = metaSignature(body, APP_SECRET)) {
  const res = await fetch(hook(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature-256': signature } : {}) },
    body,
  });
  return { status: res.status, text: await res.text() };
}

/** Posts a delivery and waits until the worker has handled what it stored. */
async function receive(body: string) {
  const res = await post(body);
  expect(res.status).toBe(200);
  await kickWebhookWorker(getDb());
}

const db = () => getDb();
const storedEvents = () =>
  db()
    .select({ n: sql<number>`count(*)` })
    .from(webhookEvents)
    .get()!.n;
const ticketOf = (from: string) =>
  db()
    .select({ id: tickets.id, status: tickets.status, customerId: tickets.customerId })
    .from(tickets)
    .innerJoin(customerIdentities, eq(customerIdentities.customerId, tickets.customerId))
    .where(sql`${customerIdentities.kind} = 'whatsapp' and ${customerIdentities.externalId} = ${from} and ${tickets.channelId} = ${channelId}`)
    .orderBy(sql`${tickets.id} desc`)
    .get();
const messagesOf = (ticketId: number) => db().select().from(messages).where(eq(messages.ticketId, ticketId)).orderBy(messages.id).all();

describe('the WhatsApp webhook', () => {
  it('answers Meta’s subscription check with the challenge only for the right verify token', async () => {
    const check = (token: string, id = channelId) =>
      fetch(`${server.url}/hooks/whatsapp/${id}?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`);
    const ok = await check(VERIFY_TOKEN);
    expect([ok.status, await ok.text()]).toEqual([200, '1158201444']);
    expect((await check('wrong')).status).toBe(403);
    expect((await check(VERIFY_TOKEN, 99999)).status).toBe(404);
  });

  it('stores nothing that is unsigned, wrongly signed, signed over another body, or not JSON', async () => {
    const before = storedEvents();
    const body = delivery('text-message');
    expect((await post(body, null)).status).toBe(401);
    expect((await post(body, 'sha256=' + '0'.repeat(64))).status).toBe(403);
    expect((await post(body, metaSignature(delivery('text-message'), APP_SECRET))).status).toBe(403);
    expect((await post(body, metaSignature(body, 'another-app-secret'))).status).toBe(403);
    expect((await post('{"object": "whatsapp_business_account", ')).status).toBe(400);
    expect(storedEvents()).toBe(before);
  });

  it('turns a message into a ticket of the sender, with their profile name, once however often Meta retries it', async () => {
    const from = '4915100000001';
    const body = delivery('text-message', { from });
    await receive(body);
    await receive(body);
    await receive(body);
    const ticket = ticketOf(from)!;
    expect(ticket.status).toBe('new');
    expect(messagesOf(ticket.id).map((m) => [m.authorKind, m.bodyText])).toEqual([['customer', 'Guten Tag, meine Bestellung 4711 ist noch nicht angekommen.']]);
    expect(db().select({ name: customers.name }).from(customers).where(eq(customers.id, ticket.customerId)).get()!.name).toBe('Jürgen Müller');
  });

  it('keeps a burst from one customer in the order Meta sent it, in one conversation', async () => {
    const from = '4915100000002';
    const bodies = Array.from({ length: 12 }, (_, i) =>
      delivery('text-message', { from, replace: { 'Guten Tag, meine Bestellung 4711 ist noch nicht angekommen.': `Nachricht ${i + 1}` } }),
    );
    for (const body of bodies) expect((await post(body)).status).toBe(200);
    await kickWebhookWorker(db());
    const ticket = ticketOf(from)!;
    expect(messagesOf(ticket.id).map((m) => m.bodyText)).toEqual(bodies.map((_, i) => `Nachricht ${i + 1}`));
  });

  it('reads buttons, places and reactions: a reaction is an event on the message, not a new turn', async () => {
    const from = '4915100000003';
    await receive(delivery('text-message', { from }));
    const ticket = ticketOf(from)!;
    const first = messagesOf(ticket.id)[0]!;
    await receive(delivery('interactive-location-reaction', { from, replace: { REACTED_TO: first.channelMessageId!.slice('wa:'.length) } }));
    const texts = messagesOf(ticket.id).map((m) => m.bodyText);
    expect(texts.slice(1)).toEqual([
      'Geld zurück',
      '📍 Packstation 123, Alexanderplatz 1, 10178 Berlin\nhttps://www.openstreetmap.org/?mlat=52.520008&mlon=13.404954#map=17/52.520008/13.404954',
    ]);
    const reaction = listEvents(db(), ticket.id).find((e) => e.type === 'customer_reaction');
    expect(reaction?.data).toEqual({ emoji: '👍', messageId: first.id });
  });

  it('fetches media through the media endpoint with the token, and says why when a file is too large or gone', async () => {
    const photo = Buffer.from('\xff\xd8\xff\xe0 fake jpeg of a dented parcel', 'latin1');
    graph.addMedia('1003383421387256', photo, 'image/jpeg');
    const from = '4915100000004';
    await receive(delivery('image-message', { from }));
    const ticket = ticketOf(from)!;
    const [m] = messagesOf(ticket.id);
    expect(m!.bodyText).toBe('So kam das Paket an');
    const [file] = db().select().from(attachments).where(eq(attachments.messageId, m!.id)).all();
    expect(file).toMatchObject({ filename: 'image.jpg', contentType: 'image/jpeg', size: photo.length, blockedReason: null });
    expect(fs.readFileSync(blobPath(server.dataDir, file!.sha256!))).toEqual(photo);

    graph.addMedia('1003383421387256', Buffer.alloc(1024 * 1024 + 1), 'image/jpeg');
    await receive(delivery('image-message', { from }));
    graph.addMedia('1003383421387256', photo, 'image/jpeg');
    await receive(delivery('image-message', { from, replace: { '1003383421387256': '999' } }));
    const blocked = messagesOf(ticket.id)
      .slice(1)
      .map((x) => db().select({ reason: attachments.blockedReason }).from(attachments).where(eq(attachments.messageId, x.id)).get()!.reason);
    expect(blocked).toEqual([
      '@media_not_fetched?reason=larger+than+1+MB',
      '@media_not_fetched?reason=100+Unsupported+get+request.+Object+with+ID+%27999%27+does+not+exist',
    ]);
  });
});

describe('replies on WhatsApp', () => {
  async function conversation(from: string, agoMs = 0) {
    await receive(delivery('text-message', { from, agoMs }));
    return ticketOf(from)!.id;
  }
  const reply = (ticketId: number, body = 'Wir sehen sofort nach.') =>
    admin.mutate<{ messageId: number }>('tickets.reply', { ticketId, body, internal: false });
  const messageRow = (id: number) => db().select().from(messages).where(eq(messages.id, id)).get()!;
  const status = (wamid: string, state: string) =>
    receive(fixture('status').replace('"WAMID"', JSON.stringify(wamid)).replace('"STATUS"', JSON.stringify(state)));

  it('sends a reply through the Graph API with the number’s token, and follows it to delivered and read', async () => {
    const ticketId = await conversation(CUSTOMER);
    const sent = await reply(ticketId);
    if (!sent.ok) throw new Error(sent.message);
    await runOutboxOnce(db());
    const request = graph.sends().at(-1)!;
    expect(request).toMatchObject({
      path: `/${PHONE_NUMBER_ID}/messages`,
      authorization: `Bearer ${TOKEN}`,
      body: {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: CUSTOMER,
        type: 'text',
        text: { preview_url: false, body: 'Wir sehen sofort nach.' },
      },
    });
    const m = messageRow(sent.data.messageId);
    expect(m).toMatchObject({ deliveryState: 'sent', channelMessageId: expect.stringMatching(/^wa:wamid\.SENT\d+\.\d+$/) });
    const wamid = m.channelMessageId!.slice(3);
    await status(wamid, 'read');
    expect(messageRow(m.id).deliveryState).toBe('read');
    // Meta does not promise order: "delivered" and "sent" arriving after "read" do not undo it.
    await status(wamid, 'delivered');
    await status(wamid, 'sent');
    expect(messageRow(m.id).deliveryState).toBe('read');
    await receive(fixture('status-failed').replace('"WAMID"', JSON.stringify(wamid)));
    expect(messageRow(m.id)).toMatchObject({ deliveryState: 'failed', deliveryError: '131026 Message undeliverable: Message Undeliverable.' });
  });

  it('uploads the agent’s file through the media endpoint and sends it as a document before the text', async () => {
    const ticketId = await conversation('4915100000012');
    const receipt = await uploadAttachment(server.url, admin.cookie, 'Rücksendeschein.pdf', 'application/pdf', Buffer.from('%PDF-1.4 Rücksendung'));
    const sent = await admin.mutate<{ messageId: number }>('tickets.reply', { ticketId, body: 'Anbei der Schein.', internal: false, attachments: [receipt] });
    await runOutboxOnce(db());
    const upload = graph.requests.findLast((r) => r.path === `/${PHONE_NUMBER_ID}/media`)!;
    expect(upload).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      body: { messaging_product: 'whatsapp', type: 'application/pdf', file: { filename: 'Rücksendeschein.pdf', type: 'application/pdf' } },
    });
    expect(
      graph
        .sends()
        .slice(-2)
        .map((r) => r.body),
    ).toMatchObject([
      { to: '4915100000012', type: 'document', document: { id: expect.stringMatching(/^media\.UP/), filename: 'Rücksendeschein.pdf' } },
      { to: '4915100000012', type: 'text', text: { body: 'Anbei der Schein.' } },
    ]);
    expect(messageRow(sent.ok ? sent.data.messageId : 0).deliveryState).toBe('sent');
  });

  it('shows the platform’s reason when it refuses, and waits as told when it is rate-limited', async () => {
    const ticketId = await conversation('4915100000010');
    graph.failNext(
      400,
      131047,
      'Re-engagement message',
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    );
    const refused = await reply(ticketId, 'Hallo?');
    await runOutboxOnce(db());
    expect(messageRow(refused.ok ? refused.data.messageId : 0)).toMatchObject({
      deliveryState: 'failed',
      deliveryError:
        '131047 Re-engagement message: Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    });

    graph.failNext(400, 190, 'Error validating access token: Session has expired on Friday, 27-Nov-26');
    const expired = await reply(ticketId, 'Noch einmal');
    await runOutboxOnce(db());
    expect(messageRow(expired.ok ? expired.data.messageId : 0)).toMatchObject({
      deliveryState: 'failed',
      deliveryError: expect.stringMatching(/^190 Error validating access token/),
    });

    graph.failNext(400, 130429, 'Rate limit hit', 'Cloud API message throughput has been reached.', { 'retry-after': '120' });
    const limited = await reply(ticketId, 'Gleich');
    const at = Date.now();
    await runOutboxOnce(db(), at);
    const id = limited.ok ? limited.data.messageId : 0;
    expect(messageRow(id)).toMatchObject({ deliveryState: 'queued', deliveryError: '130429 Rate limit hit: Cloud API message throughput has been reached.' });
    const row = db().select().from(outbox).where(eq(outbox.messageId, id)).get()!;
    expect(row.nextAttemptAt).toBe(at + 120_000);
    await runOutboxOnce(db(), at + 120_000);
    expect(messageRow(id).deliveryState).toBe('sent');
  });

  it('records a window that closes unanswered, not one the agent answered in time; an internal note is no answer', async () => {
    const answered = await conversation('4915100000013', 24 * HOUR - 20_000);
    const noted = await conversation('4915100000014', 24 * HOUR - 20_000);
    expect((await reply(answered, 'Noch rechtzeitig')).ok).toBe(true);
    expect((await admin.mutate('tickets.reply', { ticketId: noted, body: 'Nur intern', internal: true })).ok).toBe(true);
    runDueJobs(db(), Date.now() + 30_000);
    const closed = (id: number) => listEvents(db(), id).filter((e) => e.type === 'reply_window_closed').length;
    expect([closed(answered), closed(noted)]).toEqual([0, 1]);
  });

  it('refuses free text after the 24-hour window, and records the window closing unanswered', async () => {
    const ticketId = await conversation('4915100000011', 25 * HOUR);
    const refused = await reply(ticketId, 'Zu spät');
    expect(refused).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(messagesOf(ticketId).map((m) => m.authorKind)).toEqual(['customer']);
    runDueJobs(db(), Date.now());
    expect(listEvents(db(), ticketId).filter((e) => e.type === 'reply_window_closed')).toHaveLength(1);
    runDueJobs(db(), Date.now() + HOUR);
    expect(listEvents(db(), ticketId).filter((e) => e.type === 'reply_window_closed')).toHaveLength(1);

    // What may go out instead: an approved template, filled from the ticket, the customer and the agent.
    expect(await admin.mutate('whatsapp.sendTemplate', { ticketId, name: 'not_configured' })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    const sent = await admin.mutate<{ messageId: number }>('whatsapp.sendTemplate', { ticketId, name: 'ticket_followup' });
    if (!sent.ok) throw new Error(sent.message);
    await runOutboxOnce(db());
    const number = db().select({ n: tickets.number }).from(tickets).where(eq(tickets.id, ticketId)).get()!.n;
    expect(graph.sends().at(-1)!.body).toMatchObject({
      to: '4915100000011',
      type: 'template',
      template: {
        name: 'ticket_followup',
        language: { code: 'de' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Jürgen' },
              { type: 'text', text: String(number) },
              { type: 'text', text: 'Alex Admin' },
            ],
          },
        ],
      },
    });
    expect(messageRow(sent.data.messageId)).toMatchObject({
      bodyText: `Hallo Jürgen, zu Ihrer Anfrage #${number} haben wir eine Antwort. Schreiben Sie uns, dann melden wir uns. Alex Admin`,
      deliveryState: 'sent',
    });
  });
});

describe('WhatsApp settings', () => {
  it('asks a CSAT survey as a list inside the window, takes the tapped row as the answer without reopening, and thanks', async () => {
    await clearSurveyPolicies(admin);
    const policy = await admin.mutate<{ id: number }>('surveyPolicies.save', {
      id: null,
      policy: { ...defaultSurveyPolicy('csat', 'WhatsApp CSAT'), delayMinutes: 0, businessHours: false, quietDays: 0, conditions: { channels: ['whatsapp'] } },
    });
    if (!policy.ok) throw new Error(policy.message);
    try {
      await receive(delivery('text-message', { from: '4915100000077' }));
      const ticketId = ticketOf('4915100000077')!.id;
      const solved = await admin.mutate('tickets.reply', { ticketId, body: 'Erledigt!', internal: false, status: 'solved' });
      expect(solved.ok).toBe(true);
      await vi.waitFor(() => expect(listTicketSurveys(db(), ticketId)).toHaveLength(1), { timeout: 5000 });
      await runOutboxOnce(db());
      const survey = graph.sends().at(-1)!;
      const [request] = listTicketSurveys(db(), ticketId);
      expect(survey.body).toMatchObject({
        to: '4915100000077',
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: expect.stringContaining('Wie zufrieden sind Sie mit der Hilfe') },
          action: {
            button: 'Antworten',
            sections: [
              {
                rows: [
                  { id: `survey:${request!.id}:1`, title: 'Sehr unzufrieden' },
                  { id: `survey:${request!.id}:2`, title: 'Unzufrieden' },
                  { id: `survey:${request!.id}:3`, title: 'Neutral' },
                  { id: `survey:${request!.id}:4`, title: 'Zufrieden' },
                  { id: `survey:${request!.id}:5`, title: 'Sehr zufrieden' },
                  { id: `survey:${request!.id}:stop`, title: 'Keine Umfragen' },
                ],
              },
            ],
          },
        },
      });
      // The fixture's first message (a tapped button) alone, as the list row the survey offered.
      const tap = (from: string, id: string) => {
        const body = JSON.parse(
          delivery('interactive-location-reaction', { from, replace: { '"refund"': JSON.stringify(id), '"button_reply"': '"list_reply"' } }),
        );
        const value = body.entry[0].changes[0].value;
        value.messages = value.messages.slice(0, 1);
        return JSON.stringify(body);
      };
      // Another WhatsApp user naming this survey is refused: the sender, not the row id, decides whose it is.
      await receive(tap('4915100000078', `survey:${request!.id}:1`));
      expect(listTicketSurveys(db(), ticketId)[0]!.answer).toBeNull();
      await receive(tap('4915100000077', `survey:${request!.id}:4`));
      expect(listTicketSurveys(db(), ticketId)[0]!.answer).toMatchObject({ score: 4, source: 'whatsapp' });
      expect(ticketOf('4915100000077')!.status).toBe('solved');
      await runOutboxOnce(db());
      expect(graph.sends().at(-1)!.body).toMatchObject({ type: 'text', text: { body: 'Vielen Dank für Ihre Rückmeldung!' } });
    } finally {
      await admin.mutate('surveyPolicies.delete', { id: policy.data.id });
    }
  });

  it('never sends the secrets back, keeps them when left empty, and refuses the same number twice', async () => {
    const list = await admin.query<Record<string, unknown>[]>('whatsapp.list');
    const mine = list.ok ? list.data.find((c) => c.id === channelId) : undefined;
    expect(mine).toMatchObject({ phoneNumberId: PHONE_NUMBER_ID, has: { accessToken: true, appSecret: true, verifyToken: true } });
    expect(mine?.webhookUrl).toMatch(new RegExp(`/hooks/whatsapp/${channelId}$`));
    expect(JSON.stringify(list)).not.toContain(TOKEN);
    expect(JSON.stringify(db().select().from(channels).where(eq(channels.id, channelId)).get())).not.toContain(TOKEN);

    const again = await admin.mutate('whatsapp.save', {
      id: channelId,
      name: 'WhatsApp Shop',
      defaultTeamId: null,
      phoneNumberId: PHONE_NUMBER_ID,
      apiBaseUrl: graph.url,
    });
    expect(again.ok).toBe(true);
    const test = await admin.mutate<{ ok: boolean; answer: string }>('whatsapp.test', { id: channelId });
    expect(test).toMatchObject({ ok: true, data: { ok: true, answer: 'Demo Shop · +49 30 123456 · quality GREEN' } });

    const twice = await admin.mutate('whatsapp.save', {
      id: null,
      name: 'Copy',
      defaultTeamId: null,
      phoneNumberId: PHONE_NUMBER_ID,
      accessToken: 'a',
      appSecret: 'b',
      verifyToken: 'c',
    });
    expect(twice).toMatchObject({ ok: false, code: 'CONFLICT' });
    const agent = httpClient(server.url);
    await agent.mutate('auth.login', { email: 'jana@demo.local', password: DEMO_PASSWORD });
    expect(await agent.query('whatsapp.list')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
