import type { Db } from '@/db/client';
import { getDb, transact } from '@/db/client';
import { findChannel, setMessageDelivery } from '@/db/queries/inbound';
import { findIdentityOfKind } from '@/db/queries/customers';
import { insertOutbox, type OutboxRow } from '@/db/queries/outbox';
import { insertWebhookEvents } from '@/db/queries/webhook-events';
import { findTicketOfMessage } from '@/db/queries/messages';
import { telegramSettingsSchema, type TelegramSettings } from '@/lib/channel-settings/telegram';
import { setCustomerAttributes } from '@/server/customers/customer-attributes';
import { readBody } from '@/server/http/read-body';
import { messageRef } from '@/lib/i18n/message-ref';
import { PermanentDeliveryError, type ChannelAdapter, type OutboundChoices } from '../channel-adapter';
import { openSecret } from '../channel-secrets';
import { safeEqual, WEBHOOK_BODY_LIMIT } from '../messaging/meta-webhook';
import { kickWebhookWorker } from '../messaging/webhook-worker';
import { outboundFiles } from '../messaging/outbound-files';
import { isBlockedByUser, telegramCall } from './telegram-api';
import { telegramEventsOf } from './telegram-events';
import { BLOCKED_ATTRIBUTE, handleTelegramEvent, tgMessageId } from './receive-telegram';

const text = (res: import('node:http').ServerResponse, status: number, body: string) =>
  void res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(body);

type InlineKeyboard = { text: string; callback_data: string }[][];

/**
 * Choices as an inline keyboard: words one per row (CSAT's labels), bare numbers six to a row (NPS, CES),
 * the last option ("stop") on a row of its own. Tapping one sends its id back as a callback query.
 */
function keyboardOf(choices: OutboundChoices): InlineKeyboard {
  const points = choices.options.slice(0, -1).map((o) => ({ text: o.title, callback_data: o.id }));
  const last = choices.options.at(-1)!;
  const numbers = points.every((p) => /^\d+$/.test(p.text));
  const rows: InlineKeyboard = [];
  for (let i = 0; i < points.length; i += numbers ? 6 : 1) rows.push(points.slice(i, i + (numbers ? 6 : 1)));
  return [...rows, [{ text: last.title, callback_data: last.id }]];
}

type SentMessage = { message_id: number };

/** The agent's files first (a photo as a photo, anything else as a document), then the text; returns the text's id. */
async function send(db: Db, settings: TelegramSettings, token: string, row: OutboxRow, chatId: string): Promise<string> {
  let last: SentMessage | null = null;
  for (const f of outboundFiles(db, row)) {
    const form = new FormData();
    form.set('chat_id', chatId);
    form.set(f.photo ? 'photo' : 'document', f.blob, f.filename);
    last = await telegramCall<SentMessage>(settings, token, f.photo ? 'sendPhoto' : 'sendDocument', form);
  }
  const body = String(row.payload.text ?? '');
  const keyboard = row.payload.keyboard as InlineKeyboard | undefined;
  if (body)
    last = await telegramCall<SentMessage>(settings, token, 'sendMessage', {
      chat_id: chatId,
      text: body,
      ...(keyboard ? { reply_markup: { inline_keyboard: keyboard } } : {}),
    });
  if (!last) throw new PermanentDeliveryError('Nothing to send');
  return tgMessageId(chatId, last.message_id);
}

/**
 * Telegram bots: updates arrive by the Bot API's webhook with our secret token in a header (stored, then
 * handled in order per chat), replies leave through the outbox (sendMessage, sendPhoto, sendDocument).
 * A customer who blocked the bot makes the reply fail visibly and is marked so on their profile.
 */
export const telegramAdapter: ChannelAdapter = {
  kind: 'telegram',
  settings: telegramSettingsSchema,
  hooks: [
    {
      method: 'POST',
      async handle(req, res, channelId) {
        const db = getDb();
        const channel = findChannel(db, channelId);
        const settings = channel?.kind === 'telegram' ? telegramSettingsSchema.safeParse(channel.settings).data : undefined;
        const secret = openSecret(settings?.webhookSecret);
        if (!channel || !secret) return text(res, 404, 'No such channel');
        const given = req.headers['x-telegram-bot-api-secret-token'];
        if (typeof given !== 'string') return text(res, 401, 'Secret token missing');
        if (!safeEqual(given, secret)) return text(res, 403, 'Secret token does not match');
        const body = await readBody(req, WEBHOOK_BODY_LIMIT);
        if (!body) return text(res, 413, 'Too large');
        let parsed: unknown;
        try {
          parsed = JSON.parse(body.toString('utf8'));
        } catch {
          return text(res, 400, 'Malformed JSON');
        }
        const events = telegramEventsOf(parsed);
        transact(db, (tx) => insertWebhookEvents(tx, channel.id, events, Date.now()));
        text(res, 200, 'ok');
        if (events.length) void kickWebhookWorker(db);
      },
    },
  ],
  handleWebhookEvent: handleTelegramEvent,
  queueReply(tx, ticket, channel, messageId, body, now) {
    const chatId = findIdentityOfKind(tx, ticket.customerId, 'telegram');
    if (!chatId) return setMessageDelivery(tx, messageId, 'failed', '@customer_no_telegram');
    insertOutbox(tx, {
      messageId,
      channelId: channel.id,
      payload: { chatId, text: body.text, ...(body.choices ? { keyboard: keyboardOf(body.choices) } : {}) },
      now,
    });
    setMessageDelivery(tx, messageId, 'queued', null);
  },
  async deliver(db, row) {
    const settings = telegramSettingsSchema.safeParse(findChannel(db, row.channelId)?.settings);
    if (!settings.success) throw new PermanentDeliveryError(`Channel ${row.channelId} has no valid Telegram settings`);
    const token = openSecret(settings.data.botToken);
    if (!token) throw new PermanentDeliveryError('No bot token is configured for this Telegram bot');
    const chatId = String(row.payload.chatId);
    try {
      return { channelMessageId: await send(db, settings.data, token, row, chatId) };
    } catch (err) {
      // Stopped bots stay stopped until the customer writes again: say so where agents look first.
      const ticket = isBlockedByUser(err) && row.messageId !== null ? findTicketOfMessage(db, row.messageId) : undefined;
      if (ticket)
        setCustomerAttributes(db, ticket.customerId, { [BLOCKED_ATTRIBUTE]: messageRef('telegram_blocked', { date: new Date().toISOString().slice(0, 10) }) });
      throw err;
    }
  },
};
