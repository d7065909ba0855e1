import type { Db } from '@/db/client';
import { findChannel, findMessageByChannelMessageId } from '@/db/queries/inbound';
import { editCustomerMessage, findTicketIdOfMessage } from '@/db/queries/messages';
import { deleteCustomerAttribute } from '@/db/queries/customer-attributes';
import type { NewAttachment } from '@/db/queries/attachments';
import { findTicket } from '@/db/queries/tickets';
import type { WebhookEventRow } from '@/db/queries/webhook-events';
import { telegramSettingsSchema, type TelegramSettings } from '@/lib/channel-settings/telegram';
import { getBus } from '@/server/realtime/bus';
import { PermanentDeliveryError, PermanentEventError } from '../channel-adapter';
import { openSecret } from '../channel-secrets';
import { fetchAttachment } from '../messaging/fetch-attachment';
import { ingestMessengerMessage } from '../messaging/ingest-messenger-message';
import { placeText } from '../messaging/place-text';
import { fileUrl, telegramCall } from './telegram-api';
import type { TelegramCallback, TelegramEvent, TelegramMessage } from './telegram-events';
import { answerByButton } from '@/server/surveys/answer-by-button';

/** Our id for a Telegram message: message ids count per chat, so the chat is part of it. */
export const tgMessageId = (chatId: number | string, messageId: number) => `tg:${chatId}:${messageId}`;
/** The customer attribute that tells agents the customer has blocked the bot (set when a reply bounces off it). */
export const BLOCKED_ATTRIBUTE = 'Telegram';

type FileRef = { id: string; filename: string; mimeType: string };

/** The message's text as the agent reads it, and its file if it has one. */
export function contentOf(m: TelegramMessage): { text: string; file: FileRef | null } {
  const caption = m.caption?.trim();
  if (m.photo?.length) {
    // Telegram sends each photo in several sizes; the last is the largest.
    const largest = m.photo.at(-1)!;
    return { text: caption || 'photo.jpg', file: { id: largest.file_id, filename: 'photo.jpg', mimeType: 'image/jpeg' } };
  }
  for (const [kind, fallback] of [
    ['document', 'document'],
    ['voice', 'voice.ogg'],
    ['audio', 'audio'],
    ['video', 'video.mp4'],
    ['sticker', 'sticker.webp'],
  ] as const) {
    const f = m[kind];
    if (f) {
      const filename = f.file_name ?? fallback;
      const emoji = kind === 'sticker' ? m.sticker?.emoji : undefined;
      return {
        text: caption || emoji || filename,
        file: { id: f.file_id, filename, mimeType: f.mime_type ?? (kind === 'sticker' ? 'image/webp' : 'application/octet-stream') },
      };
    }
  }
  if (m.location) {
    return { text: placeText(m.location.latitude, m.location.longitude), file: null };
  }
  if (m.contact) return { text: `👤 ${[m.contact.first_name, m.contact.last_name].filter(Boolean).join(' ')}, ${m.contact.phone_number}`, file: null };
  if (m.text !== undefined) return { text: m.text, file: null };
  return { text: '⚠ Telegram message of a kind not shown here', file: null };
}

/** One stored webhook event of a Telegram bot, in order for its chat. */
export async function handleTelegramEvent(db: Db, row: WebhookEventRow) {
  const channel = findChannel(db, row.channelId);
  const settings = telegramSettingsSchema.safeParse(channel?.settings);
  if (!channel || !settings.success) throw new PermanentEventError(`Channel ${row.channelId} has no valid Telegram settings`);
  const event = row.payload as TelegramEvent;
  if (event.kind === 'callback') return answerButton(db, channel.id, settings.data, event.callback);
  if (event.kind === 'edited') return applyEdit(db, event.message);
  return receiveMessage(db, row, channel.id, settings.data, event.message);
}

/** A button tapped: a survey's answer, then Telegram is told the tap was handled (it stops the button's spinner). */
async function answerButton(db: Db, channelId: number, settings: TelegramSettings, c: TelegramCallback) {
  const result = answerByButton(db, { kind: 'telegram', channelId, externalId: String(c.chatId), choiceId: c.data, submissionKey: `tg-cb:${c.id}`, at: c.at });
  const token = openSecret(settings.botToken);
  if (!token) return;
  const text = result?.outcome === 'refused' ? result.message : undefined;
  // Telegram forgets a callback after a while; a late answer is refused, and the tap is handled all the same.
  await telegramCall(settings, token, 'answerCallbackQuery', { callback_query_id: c.id, ...(text ? { text } : {}) }).catch(() => undefined);
}

async function receiveMessage(db: Db, row: WebhookEventRow, channelId: number, settings: TelegramSettings, m: TelegramMessage) {
  const channelMessageId = tgMessageId(m.chat.id, m.message_id);
  if (findMessageByChannelMessageId(db, channelMessageId)) return;
  const { text, file } = contentOf(m);
  const attachments: NewAttachment[] = file ? await fetchFile(settings, file, row.attempts + 1) : [];
  const name = [m.from?.first_name, m.from?.last_name].filter(Boolean).join(' ') || (m.from?.username ? `@${m.from.username}` : `Telegram ${m.chat.id}`);
  const receivedAt = Math.min(Date.now(), m.date * 1000);
  const result = await ingestMessengerMessage(db, {
    channelId,
    kind: 'telegram',
    externalId: String(m.chat.id),
    name,
    channelMessageId,
    text,
    receivedAt,
    attachments,
    reopenDays: settings.reopenDays,
  });
  // Writing again means the bot is no longer blocked.
  const customerId = result.duplicate ? undefined : findTicket(db, result.ticketId)?.customerId;
  if (customerId) deleteCustomerAttribute(db, customerId, BLOCKED_ATTRIBUTE);
}

function fetchFile(settings: TelegramSettings, file: FileRef, attempt: number) {
  const token = openSecret(settings.botToken);
  return fetchAttachment({
    filename: file.filename,
    contentType: file.mimeType,
    attempt,
    locate: async () => {
      if (!token) throw new PermanentDeliveryError('no bot token is configured');
      return fileUrl(settings, token, file.id);
    },
  });
}

/** An edit replaces the text of the message it edits, marked as edited: it is not a new message. */
function applyEdit(db: Db, m: TelegramMessage) {
  const stored = findMessageByChannelMessageId(db, tgMessageId(m.chat.id, m.message_id));
  if (!stored) return;
  editCustomerMessage(db, stored.id, contentOf(m).text, (m.edit_date ?? m.date) * 1000);
  const ticketId = findTicketIdOfMessage(db, stored.id);
  if (ticketId) getBus().emit('ticket.changed', { ticketId, kind: 'message', actorAgentId: null });
}
