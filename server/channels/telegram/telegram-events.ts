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

const update = z.object({ update_id: z.number().int(), message: z.unknown().optional(), edited_message: z.unknown().optional() }).passthrough();

export type TelegramEvent = { kind: 'message' | 'edited'; message: TelegramMessage };

/** The update's event, keyed by the chat for ordering and by the update id against Telegram's retries; other updates are logged and acknowledged. */
export function telegramEventsOf(body: unknown, log: (line: string) => void = console.warn): NewWebhookEvent[] {
  const parsed = update.safeParse(body);
  if (!parsed.success) {
    log('Telegram webhook: not an update, ignored');
    return [];
  }
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
