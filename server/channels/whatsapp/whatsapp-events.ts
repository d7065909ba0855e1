import { z } from 'zod';
import type { NewWebhookEvent } from '@/db/queries/webhook-events';

/**
 * A WhatsApp Cloud API webhook delivery split into the events we store, following Meta's `messages`
 * webhook reference (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages):
 * `entry[].changes[]` with `field: "messages"`, whose `value` holds `messages` (from a user, with the
 * sender's profile in `contacts`) or `statuses` (of a message we sent). Only what we read is declared;
 * the rest passes through untouched and is stored with the event.
 */

const media = z.object({ id: z.string(), mime_type: z.string().optional(), caption: z.string().optional(), filename: z.string().optional() }).passthrough();

export const inboundMessage = z
  .object({
    from: z.string().min(1).max(64),
    id: z.string().min(1).max(256),
    timestamp: z.string().regex(/^\d+$/),
    type: z.string(),
    text: z.object({ body: z.string() }).optional(),
    image: media.optional(),
    video: media.optional(),
    audio: media.optional(),
    document: media.optional(),
    sticker: media.optional(),
    location: z.object({ latitude: z.number(), longitude: z.number(), name: z.string().optional(), address: z.string().optional() }).optional(),
    contacts: z
      .array(
        z
          .object({
            name: z.object({ formatted_name: z.string().optional() }).passthrough().optional(),
            phones: z.array(z.object({ phone: z.string().optional() }).passthrough()).optional(),
          })
          .passthrough(),
      )
      .optional(),
    interactive: z
      .object({
        type: z.string(),
        button_reply: z.object({ id: z.string(), title: z.string() }).optional(),
        list_reply: z.object({ id: z.string(), title: z.string(), description: z.string().optional() }).optional(),
      })
      .optional(),
    button: z.object({ text: z.string(), payload: z.string().optional() }).optional(),
    reaction: z.object({ message_id: z.string(), emoji: z.string().optional() }).optional(),
    context: z.object({ id: z.string().optional() }).passthrough().optional(),
  })
  .passthrough();
export type InboundWhatsappMessage = z.infer<typeof inboundMessage>;

const statusError = z.object({
  code: z.number().optional(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.object({ details: z.string().optional() }).optional(),
});
export const messageStatus = z
  .object({
    id: z.string().min(1).max(256),
    status: z.string(),
    timestamp: z.string().optional(),
    recipient_id: z.string().min(1).max(64),
    errors: z.array(statusError).optional(),
  })
  .passthrough();
export type WhatsappStatus = z.infer<typeof messageStatus>;

const changeValue = z
  .object({
    metadata: z.object({ phone_number_id: z.string() }).passthrough().optional(),
    contacts: z.array(z.object({ wa_id: z.string(), profile: z.object({ name: z.string().optional() }).optional() }).passthrough()).optional(),
    messages: z.array(z.unknown()).optional(),
    statuses: z.array(z.unknown()).optional(),
  })
  .passthrough();
const delivery = z.object({
  object: z.string(),
  entry: z.array(z.object({ changes: z.array(z.object({ field: z.string(), value: z.unknown() })).default([]) }).passthrough()).default([]),
});

export type WhatsappEvent = { kind: 'message'; message: InboundWhatsappMessage; name: string | null } | { kind: 'status'; status: WhatsappStatus };

/**
 * The events of a delivery for the number `phoneNumberId`: each message (deduplicated on its wamid) and
 * each status (on wamid and status), keyed by the user's number for ordering. What we do not handle, or
 * cannot read, is logged and acknowledged (Meta would otherwise retry it for days).
 */
export function whatsappEventsOf(body: unknown, phoneNumberId: string, log: (line: string) => void = console.warn): NewWebhookEvent[] {
  const parsed = delivery.safeParse(body);
  if (!parsed.success || parsed.data.object !== 'whatsapp_business_account') {
    log(`WhatsApp webhook: not a whatsapp_business_account delivery, ignored`);
    return [];
  }
  const events: NewWebhookEvent[] = [];
  for (const change of parsed.data.entry.flatMap((e) => e.changes)) {
    const value = changeValue.safeParse(change.value);
    if (change.field !== 'messages' || !value.success) {
      log(`WhatsApp webhook: field "${change.field}" ignored`);
      continue;
    }
    if (value.data.metadata?.phone_number_id !== phoneNumberId) {
      log(`WhatsApp webhook: for number ${value.data.metadata?.phone_number_id ?? '?'}, not this channel's ${phoneNumberId}; ignored`);
      continue;
    }
    for (const raw of value.data.messages ?? []) {
      const message = inboundMessage.safeParse(raw);
      if (!message.success) {
        log(`WhatsApp webhook: unreadable message ignored (${message.error.issues[0]?.message})`);
        continue;
      }
      const name = value.data.contacts?.find((c) => c.wa_id === message.data.from)?.profile?.name ?? null;
      const event: WhatsappEvent = { kind: 'message', message: message.data, name };
      events.push({ conversation: message.data.from, dedupeKey: `m:${message.data.id}`, payload: event });
    }
    for (const raw of value.data.statuses ?? []) {
      const status = messageStatus.safeParse(raw);
      if (!status.success) {
        log(`WhatsApp webhook: unreadable status ignored (${status.error.issues[0]?.message})`);
        continue;
      }
      const event: WhatsappEvent = { kind: 'status', status: status.data };
      events.push({ conversation: status.data.recipient_id, dedupeKey: `s:${status.data.id}:${status.data.status}`, payload: event });
    }
  }
  return events;
}
