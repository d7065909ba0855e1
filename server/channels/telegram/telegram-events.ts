import { z } from 'zod';
import type { NewWebhookEvent } from '@/db/queries/webhook-events';

/**
 * A Telegram webhook update (https://core.telegram.org/bots/api#update) as the event we store: a new
 * or an edited message in a private chat with the bot. Only what we read is declared; the rest passes
 * through and is stored with the event.
 */

const file = z
  .object({ file_id: z.string(), file_size: z.number().optional(), mime_type: z.string().optional(), file_name: z.string().optional() })
  .passthrough();

export const telegramMessage = z
  .object({
    message_id: z.number().int(),
    date: z.number().int(),
    edit_date: z.number().int().optional(),
    chat: z.object({ id: z.number().int(), type: z.string() }).passthrough(),
    from: z
      .object({
        id: z.number().int(),
        is_bot: z.boolean().optional(),
        first_name: z.string(),
        last_name: z.string().optional(),
        username: z.string().optional(),
      })
      .passthrough()
      .optional(),
    text: z.string().optional(),
    caption: z.string().optional(),
    photo: z.array(file.extend({ width: z.number(), height: z.number() })).optional(),
    document: file.optional(),
    voice: file.optional(),
    audio: file.optional(),
    video: file.optional(),
    sticker: file.extend({ emoji: z.string().optional() }).optional(),
    location: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
    contact: z.object({ phone_number: z.string(), first_name: z.string(), last_name: z.string().optional() }).passthrough().optional(),
  })
  .passthrough();
export type TelegramMessage = z.infer<typeof telegramMessage>;

/** A tap on an inline keyboard's button (a survey's points): `data` is the button's id. */
const callbackQuery = z
  .object({
    id: z.string(),
    from: z.object({ id: z.number().int(), is_bot: z.boolean().optional() }).passthrough(),
    message: z
      .object({ chat: z.object({ id: z.number().int(), type: z.string() }).passthrough() })
      .passthrough()
      .optional(),
    data: z.string().max(64).optional(),
  })
  .passthrough();

const update = z
  .object({ update_id: z.number().int(), message: z.unknown().optional(), edited_message: z.unknown().optional(), callback_query: z.unknown().optional() })
  .passthrough();

export type TelegramCallback = { id: string; chatId: number; data: string; at: number };
export type TelegramEvent = { kind: 'message' | 'edited'; message: TelegramMessage } | { kind: 'callback'; callback: TelegramCallback };

/** The update's event, keyed by the chat for ordering and by the update id against Telegram's retries; other updates are logged and acknowledged. */
export function telegramEventsOf(body: unknown, log: (line: string) => void = console.warn): NewWebhookEvent[] {
  const parsed = update.safeParse(body);
  if (!parsed.success) {
    log('Telegram webhook: not an update, ignored');
    return [];
  }
  if (parsed.data.callback_query) return callbackEvents(parsed.data.update_id, parsed.data.callback_query, log);
  const kind = parsed.data.message ? 'message' : parsed.data.edited_message ? 'edited' : null;
  if (!kind) {
    log(`Telegram webhook: update ${parsed.data.update_id} of a kind we do not handle, ignored`);
    return [];
  }
  const message = telegramMessage.safeParse(kind === 'message' ? parsed.data.message : parsed.data.edited_message);
  if (!message.success || message.data.chat.type !== 'private' || message.data.from?.is_bot) {
    log(`Telegram webhook: update ${parsed.data.update_id} is not a person's message in a private chat, ignored`);
    return [];
  }
  const event: TelegramEvent = { kind, message: message.data };
  return [{ conversation: String(message.data.chat.id), dedupeKey: `u:${parsed.data.update_id}`, payload: event }];
}

function callbackEvents(updateId: number, body: unknown, log: (line: string) => void): NewWebhookEvent[] {
  const q = callbackQuery.safeParse(body);
  const chat = q.success ? q.data.message?.chat : undefined;
  if (!q.success || !chat || chat.type !== 'private' || q.data.from.is_bot || !q.data.data) {
    log(`Telegram webhook: update ${updateId} is not a person's button tap in a private chat, ignored`);
    return [];
  }
  // The tap's moment is when it reached us: a callback query carries no date of its own.
  const event: TelegramEvent = { kind: 'callback', callback: { id: q.data.id, chatId: chat.id, data: q.data.data, at: Date.now() } };
  return [{ conversation: String(chat.id), dedupeKey: `u:${updateId}`, payload: event }];
}
