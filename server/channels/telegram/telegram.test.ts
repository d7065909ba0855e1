import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { attachments, customerIdentities, messages, outbox, tickets, webhookEvents } from '@/db/schema';
import { listCustomerAttributes } from '@/db/queries/customer-attributes';
import { listTicketSurveys } from '@/db/queries/surveys';
import { defaultSurveyPolicy } from '@/lib/surveys/survey-policy';
import { DEMO_PASSWORD } from '@/db/seed/generate';
import { kickWebhookWorker } from '@/server/channels/messaging/webhook-worker';
import { runOutboxOnce } from '@/server/jobs/outbox-worker';
import { startFakeTelegram } from '@/server/testing/fake-telegram';
import { clearSurveyPolicies, httpClient, startTestServer, uploadAttachment } from '@/server/testing/test-server';
import { blobPath } from '@/server/content/attachment-store';

// A Telegram bot against a local server that follows the Bot API's contract: the webhook connected from
// the settings, updates into a real server and SQLite file, replies out through the outbox.
const TOKEN = '6000000001:AAF-test-token-for-the-fake-bot-api';

let server: Awaited<ReturnType<typeof startTestServer>>;
let bot: Awaited<ReturnType<typeof startFakeTelegram>>;
let admin: ReturnType<typeof httpClient>;
let channelId: number;
let secret = '';
let update = 900_000_000;

beforeAll(async () => {
  server = await startTestServer({ ATTACHMENT_MAX_MB: '1', OUTBOX_INTERVAL_MS: '60000' });
  bot = await startFakeTelegram({ token: TOKEN });
  admin = httpClient(server.url);
  await admin.mutate('auth.login', { email: 'admin@demo.local', password: DEMO_PASSWORD });
  const saved = await admin.mutate<{ id: number }>('telegram.save', {
    id: null,
    name: 'Telegram-Bot',
    defaultTeamId: null,
    apiBaseUrl: bot.url,
    botToken: TOKEN,
  });
  if (!saved.ok) throw new Error(saved.message);
  channelId = saved.data.id;
  const connected = await admin.mutate<{ ok: boolean }>('telegram.connectWebhook', { id: channelId });
  expect(connected).toMatchObject({ ok: true, data: { ok: true } });
  const setWebhook = bot.requests.find((r) => r.method === 'setWebhook')!;
  expect(setWebhook.fields).toMatchObject({
    url: expect.stringMatching(new RegExp(`/hooks/telegram/${channelId}$`)),
    allowed_updates: ['message', 'edited_message', 'callback_query'],
  });
  secret = String(setWebhook.fields.secret_token);
});
afterAll(async () => {
  await bot?.close();
  await server?.close();
});

const db = () => getDb();
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', `${name}.json`), 'utf8'));

/** An update as Telegram sends it, from `chat` (a fresh chat per test), now; a new message gets the chat's next id unless `keepId` (an edit names the message it edits). */
function fresh(u: Record<string, unknown>, chat: number, o: { keepId?: boolean } = {}) {
  const m = (u.message ?? u.edited_message) as Record<string, unknown> & { chat: { id: number }; from: { id: number } };
  m.chat.id = chat;
  m.from.id = chat;
  m.date = Math.floor(Date.now() / 1000);
  if (u.message && !o.keepId) m.message_id = ++update;
  return { ...u, update_id: ++update };
}
async function post(body: unknown, token: string | null = secret) {
  const res = await fetch(`${server.url}/hooks/telegram/${channelId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { 'x-telegram-bot-api-secret-token': token }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return res.status;
}
async function receive(body: unknown) {
  expect(await post(body)).toBe(200);
  await kickWebhookWorker(db());
}
const ticketOf = (chat: number) =>
  db()
    .select({ id: tickets.id, customerId: tickets.customerId })
    .from(tickets)
    .innerJoin(customerIdentities, eq(customerIdentities.customerId, tickets.customerId))
    .where(sql`${customerIdentities.kind} = 'telegram' and ${customerIdentities.externalId} = ${String(chat)}`)
    .get()!;
const thread = (ticketId: number) => db().select().from(messages).where(eq(messages.ticketId, ticketId)).orderBy(messages.id).all();

describe('the Telegram webhook', () => {
  it('takes updates only with the secret token it gave Telegram, and stores nothing otherwise', async () => {
    const before = db()
      .select({ n: sql<number>`count(*)` })
      .from(webhookEvents)
      .get()!.n;
    const body = fresh(fixture('text-update'), 7100000001);
    expect(await post(body, null)).toBe(401);
    expect(await post(body, 'not-the-secret')).toBe(403);
    expect(await post('{"update_id": 1, "message": ')).toBe(400);
    expect(
      db()
        .select({ n: sql<number>`count(*)` })
        .from(webhookEvents)
        .get()!.n,
    ).toBe(before);
  });

  it('opens a ticket for the person, once however often Telegram retries, and shows an edit as an edit', async () => {
    const chat = 7100000002;
    const body = fresh(fixture('text-update'), chat, { keepId: true });
    await receive(body);
    await receive(body);
    const ticket = ticketOf(chat);
    expect(thread(ticket.id).map((m) => m.bodyText)).toEqual(['Hallo, wann kommt meine Lieferung?']);

    await receive(fresh(fixture('edited-update'), chat, { keepId: true }));
    const [edited, ...more] = thread(ticket.id);
    expect(more).toEqual([]);
    expect(edited).toMatchObject({ bodyText: 'Hallo, wann kommt meine Lieferung 4711?', meta: { editedAt: 1796112030_000 } });
  });

  it('fetches the largest size of a photo, documents and voice messages, and links a shared place', async () => {
    const chat = 7100000003;
    bot.addFile('AgACAgIAAxkBAAMLarge', Buffer.from('large jpeg bytes'), 'photos/file_1.jpg');
    bot.addFile('BQACAgIAAxkBAAMDoc', Buffer.from('%PDF-1.4 Rechnung'), 'documents/file_2.pdf');
    await receive(fresh(fixture('photo-update'), chat));
    for (const u of fixture('document-voice-location-update') as Record<string, unknown>[]) await receive(fresh(u, chat));
    const ticket = ticketOf(chat);
    const rows = thread(ticket.id);
    expect(rows.map((m) => m.bodyText)).toEqual([
      'Der Karton ist nass',
      'Rechnung-4711.pdf',
      'voice.ogg',
      '📍 https://www.openstreetmap.org/?mlat=53.551086&mlon=9.993682#map=17/53.551086/9.993682',
    ]);
    const fileOf = (id: number) => db().select().from(attachments).where(eq(attachments.messageId, id)).get()!;
    expect(fs.readFileSync(blobPath(server.dataDir, fileOf(rows[0]!.id).sha256!)).toString()).toBe('large jpeg bytes');
    expect(fileOf(rows[1]!.id)).toMatchObject({ filename: 'Rechnung-4711.pdf', contentType: 'application/pdf', blockedReason: null });
    // The voice file was never put on the fake server: stored with the platform's reason, the message kept.
    expect(fileOf(rows[2]!.id).blockedReason).toBe('@media_not_fetched?reason=400+Bad+Request%3A+invalid+file_id');
  });
});

describe('replies on Telegram', () => {
  const reply = (ticketId: number, body: string, extra: Record<string, unknown> = {}) =>
    admin.mutate<{ messageId: number }>('tickets.reply', { ticketId, body, internal: false, ...extra });
  const message = (id: number) => db().select().from(messages).where(eq(messages.id, id)).get()!;

  it('sends the text to the chat, and a file as a document before it', async () => {
    const chat = 7100000004;
    await receive(fresh(fixture('text-update'), chat));
    const ticket = ticketOf(chat);
    const sent = await reply(ticket.id, 'Ihre Lieferung kommt morgen.');
    await runOutboxOnce(db());
    const request = bot.requests.at(-1)!;
    expect(request).toMatchObject({ method: 'sendMessage', fields: { chat_id: String(chat), text: 'Ihre Lieferung kommt morgen.' } });
    expect(message(sent.ok ? sent.data.messageId : 0)).toMatchObject({
      deliveryState: 'sent',
      channelMessageId: expect.stringMatching(new RegExp(`^tg:${chat}:\\d+$`)),
    });

    const token = await uploadAttachment(server.url, admin.cookie, 'Lieferschein.pdf', 'application/pdf', Buffer.from('%PDF-1.4 Lieferschein'));
    await reply(ticket.id, 'Anbei der Lieferschein.', { attachments: [token] });
    await runOutboxOnce(db());
    expect(bot.requests.slice(-2).map((r) => [r.method, r.fields.chat_id, r.files.map((f) => `${f.field}:${f.filename}`)])).toEqual([
      ['sendDocument', String(chat), ['document:Lieferschein.pdf']],
      ['sendMessage', String(chat), []],
    ]);
  });

  it('shows "blocked by the user" as a failed delivery and on the customer, until they write again', async () => {
    const chat = 7100000005;
    await receive(fresh(fixture('text-update'), chat));
    const ticket = ticketOf(chat);
    bot.failNext(403, 'Forbidden: bot was blocked by the user');
    const sent = await reply(ticket.id, 'Sind Sie noch da?');
    await runOutboxOnce(db());
    expect(message(sent.ok ? sent.data.messageId : 0)).toMatchObject({ deliveryState: 'failed', deliveryError: '403 Forbidden: bot was blocked by the user' });
    expect(listCustomerAttributes(db(), ticket.customerId).Telegram).toMatch(/^@telegram_blocked\?date=\d{4}-\d{2}-\d{2}$/);

    await receive(fresh(fixture('text-update'), chat));
    expect(listCustomerAttributes(db(), ticket.customerId).Telegram).toBeUndefined();
  });

  it('waits as long as Telegram says when it is rate-limited', async () => {
    const chat = 7100000006;
    await receive(fresh(fixture('text-update'), chat));
    bot.failNext(429, 'Too Many Requests: retry after 7', 7);
    const sent = await reply(ticketOf(chat).id, 'Gleich');
    const at = Date.now();
    await runOutboxOnce(db(), at);
    const id = sent.ok ? sent.data.messageId : 0;
    expect(message(id)).toMatchObject({ deliveryState: 'queued', deliveryError: '429 Too Many Requests: retry after 7' });
    expect(db().select().from(outbox).where(eq(outbox.messageId, id)).get()!.nextAttemptAt).toBe(at + 7000);
  });
});

describe('surveys on Telegram', () => {
  it('asks NPS with an inline keyboard, takes a tap from the chat it was sent to as the answer, and tells Telegram the tap was handled', async () => {
    await clearSurveyPolicies(admin);
    const policy = await admin.mutate<{ id: number }>('surveyPolicies.save', {
      id: null,
      policy: { ...defaultSurveyPolicy('nps', 'Telegram NPS'), delayMinutes: 0, businessHours: false, quietDays: 0, conditions: { channels: ['telegram'] } },
    });
    if (!policy.ok) throw new Error(policy.message);
    try {
      const chat = 7100000009;
      await receive(fresh(fixture('text-update'), chat));
      const ticket = ticketOf(chat);
      await admin.mutate('tickets.reply', { ticketId: ticket.id, body: 'Erledigt!', internal: false, status: 'solved' });
      await vi.waitFor(() => expect(listTicketSurveys(db(), ticket.id)).toHaveLength(1), { timeout: 5000 });
      await runOutboxOnce(db());
      const [request] = listTicketSurveys(db(), ticket.id);
      const id = (c: number | 'stop') => ({ text: c === 'stop' ? 'Keine Umfragen' : String(c), callback_data: `survey:${request!.id}:${c}` });
      expect(bot.requests.at(-1)).toMatchObject({
        method: 'sendMessage',
        fields: {
          chat_id: String(chat),
          text: expect.stringContaining('0 = Sehr unwahrscheinlich, 10 = Äußerst wahrscheinlich'),
          reply_markup: { inline_keyboard: [[0, 1, 2, 3, 4, 5].map(id), [6, 7, 8, 9, 10].map(id), [id('stop')]] },
        },
      });
      const tap = (from: number, data: string) => ({
        update_id: ++update,
        callback_query: {
          id: `cb${update}`,
          from: { id: from, is_bot: false, first_name: 'Jana' },
          message: { message_id: 1, chat: { id: from, type: 'private' } },
          data,
        },
      });
      await receive(tap(chat, `survey:${request!.id}:3`));
      expect(listTicketSurveys(db(), ticket.id)[0]!.answer).toMatchObject({ score: 3, source: 'telegram' });
      expect(bot.requests.find((r) => r.method === 'answerCallbackQuery' && r.fields.callback_query_id === `cb${update}`)).toBeDefined();
      // Someone else's chat cannot answer it: refused, with the reason shown to them by Telegram.
      await receive(tap(7100000010, `survey:${request!.id}:10`));
      expect(bot.requests.at(-1)).toMatchObject({ method: 'answerCallbackQuery', fields: { text: 'Diese Umfrage gehört zu einem anderen Gespräch.' } });
      expect(listTicketSurveys(db(), ticket.id)[0]!.answer!.score).toBe(3);
      expect(db().select().from(tickets).where(eq(tickets.id, ticket.id)).get()!.status).toBe('solved');
    } finally {
      await admin.mutate('surveyPolicies.delete', { id: policy.data.id });
    }
  });
});

describe('Telegram settings', () => {
  it('never sends the token back, tests it with getMe, and is for admins only', async () => {
    const list = await admin.query<Record<string, unknown>[]>('telegram.list');
    expect(JSON.stringify(list)).not.toContain(TOKEN);
    expect(JSON.stringify(list)).not.toContain(secret);
    expect(list.ok && list.data.find((c) => c.id === channelId)).toMatchObject({ hasBotToken: true });
    expect(await admin.mutate('telegram.test', { id: channelId })).toMatchObject({ ok: true, data: { ok: true, answer: '@demo_support_bot (Demo Support)' } });
    expect(await admin.mutate('telegram.save', { id: null, name: 'Ohne Token', defaultTeamId: null })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    const agent = httpClient(server.url);
    await agent.mutate('auth.login', { email: 'jana@demo.local', password: DEMO_PASSWORD });
    expect(await agent.query('telegram.list')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
