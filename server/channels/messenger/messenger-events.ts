import { z } from 'zod';
import type { NewWebhookEvent } from '@/db/queries/webhook-events';

/**
 * A Messenger Platform webhook delivery split into the events we store, following Meta's webhook
 * reference (https://developers.facebook.com/docs/messenger-platform/webhooks): `object: "page"`,
 * `entry[].messaging[]` items carrying a `message` (from a person, or an `is_echo` of what the page
 * sent), a `postback` (a button tapped), a `delivery` or a `read` receipt. Only what we read is declared.
 */

const attachment = z.object({ type: z.string(), payload: z.record(z.string(), z.unknown()).nullable().optional() }).passthrough();
export const messengerMessage = z
  .object({
    mid: z.string().min(1).max(512),
    text: z.string().optional(),
    is_echo: z.boolean().optional(),
    quick_reply: z.object({ payload: z.string() }).optional(),
    attachments: z.array(attachment).optional(),
  })
  .passthrough();
export type MessengerMessage = z.infer<typeof messengerMessage>;

const item = z
  .object({
    sender: z.object({ id: z.string().min(1).max(64) }),
    recipient: z.object({ id: z.string().min(1).max(64) }),
    timestamp: z.number().int(),
    message: messengerMessage.optional(),
    postback: z.object({ mid: z.string().optional(), title: z.string(), payload: z.string().optional() }).passthrough().optional(),
    delivery: z.object({ mids: z.array(z.string()).optional(), watermark: z.number().int() }).optional(),
    read: z.object({ watermark: z.number().int() }).optional(),
  })
  .passthrough();
export type MessengerItem = z.infer<typeof item>;

const delivery = z.object({
  object: z.string(),
  entry: z.array(z.object({ id: z.string(), messaging: z.array(z.unknown()).default([]) }).passthrough()).default([]),
});

export type MessengerEvent = { kind: 'message' | 'echo' | 'postback' | 'delivery' | 'read'; item: MessengerItem };

/** The events for page `pageId`, keyed by the person (PSID) for ordering; what we do not handle is logged and acknowledged. */
export function messengerEventsOf(body: unknown, pageId: string, log: (line: string) => void = console.warn): NewWebhookEvent[] {
  const parsed = delivery.safeParse(body);
  if (!parsed.success || parsed.data.object !== 'page') {
    log('Messenger webhook: not a page delivery, ignored');
    return [];
  }
  const events: NewWebhookEvent[] = [];
  for (const entry of parsed.data.entry) {
    if (entry.id !== pageId) {
      log(`Messenger webhook: for page ${entry.id}, not this channel's ${pageId}; ignored`);
      continue;
    }
    for (const raw of entry.messaging) {
      const m = item.safeParse(raw);
      if (!m.success) {
        log(`Messenger webhook: unreadable item ignored (${m.error.issues[0]?.message})`);
        continue;
      }
      const i = m.data;
      const echo = i.message?.is_echo === true;
      const person = echo ? i.recipient.id : i.sender.id;
      const [kind, key] = i.message
        ? ([echo ? 'echo' : 'message', `${echo ? 'e' : 'm'}:${i.message.mid}`] as const)
        : i.postback
          ? (['postback', `p:${i.postback.mid ?? `${person}:${i.timestamp}`}`] as const)
          : i.delivery
            ? (['delivery', `d:${person}:${i.delivery.watermark}`] as const)
            : i.read
              ? (['read', `r:${person}:${i.read.watermark}`] as const)
              : ([null, null] as const);
      if (!kind) {
        log('Messenger webhook: an item of a kind we do not handle, ignored');
        continue;
      }
      const event: MessengerEvent = { kind, item: i };
      events.push({ conversation: person, dedupeKey: key, payload: event });
    }
  }
  return events;
}
