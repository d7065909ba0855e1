import type { Db } from '@/db/client';
import { findChannel, findCustomerByIdentity, findMessageByChannelMessageId } from '@/db/queries/inbound';
import { findTicketIdOfMessage, setMessageDeliveryReport } from '@/db/queries/messages';
import { findLatestTicketOnChannel } from '@/db/queries/chat';
import { insertEvents } from '@/db/queries/tickets';
import type { NewAttachment } from '@/db/queries/attachments';
import type { WebhookEventRow } from '@/db/queries/webhook-events';
import { whatsappSettingsSchema, type WhatsappSettings } from '@/lib/channel-settings/whatsapp';
import { ticketEvent } from '@/lib/ticket-events';
import { getBus } from '@/server/realtime/bus';
import { PermanentDeliveryError, PermanentEventError } from '../channel-adapter';
import { openSecret } from '../channel-secrets';
import { fetchAttachment } from '../messaging/fetch-attachment';
import { ingestMessengerMessage } from '../messaging/ingest-messenger-message';
import { placeText } from '../messaging/place-text';
import { graphErrorText, mediaInfo } from './whatsapp-api';
import { answerByButton } from '@/server/surveys/answer-by-button';
import type { InboundWhatsappMessage, WhatsappEvent, WhatsappStatus } from './whatsapp-events';

/** Our ids for WhatsApp messages: the platform's wamid, prefixed so no other channel's id can collide. */
export const waMessageId = (wamid: string) => `wa:${wamid}`;

const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'] as const;
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/aac': 'aac',
  'video/mp4': 'mp4',
  'video/3gpp': '3gp',
  'application/pdf': 'pdf',
};

/** One stored webhook event of a WhatsApp channel, in order for its conversation (server/channels/messaging/webhook-worker.ts). */
export async function handleWhatsappEvent(db: Db, row: WebhookEventRow) {
  const channel = findChannel(db, row.channelId);
  const settings = whatsappSettingsSchema.safeParse(channel?.settings);
  if (!channel || !settings.success) throw new PermanentEventError(`Channel ${row.channelId} has no valid WhatsApp settings`);
  const event = row.payload as WhatsappEvent;
  if (event.kind === 'status') return applyStatus(db, row, event.status);
  if (event.message.type === 'reaction') return recordReaction(db, channel.id, event.message);
  return receiveMessage(db, row, channel.id, settings.data, event.message, event.name);
}

async function receiveMessage(db: Db, row: WebhookEventRow, channelId: number, settings: WhatsappSettings, m: InboundWhatsappMessage, name: string | null) {
  const channelMessageId = waMessageId(m.id);
  if (findMessageByChannelMessageId(db, channelMessageId)) return;
  // A survey's list row is an answer, not a message (the row's id names the survey).
  const choiceId = m.interactive?.list_reply?.id ?? m.interactive?.button_reply?.id;
  // The customer wrote (or tapped) at the platform's time; a delivery retried for hours must not make them look newer than they are.
  const receivedAt = Math.min(Date.now(), Number(m.timestamp) * 1000);
  if (choiceId && answerByButton(db, { kind: 'whatsapp', channelId, externalId: m.from, choiceId, submissionKey: channelMessageId, at: receivedAt })) return;
  const { text, media } = contentOf(m);
  const attachments = media ? await fetchMedia(settings, media, row.attempts + 1) : [];
  await ingestMessengerMessage(db, {
    channelId,
    kind: 'whatsapp',
    externalId: m.from,
    name: name ?? `+${m.from}`,
    channelMessageId,
    text,
    receivedAt,
    attachments,
    reopenDays: settings.reopenDays,
  });
}

type Media = { id: string; filename: string; mimeType: string };

/** The message's text as the agent reads it, and its file if it has one. */
export function contentOf(m: InboundWhatsappMessage): { text: string; media: Media | null } {
  const type = MEDIA_TYPES.find((t) => t === m.type);
  const file = type ? m[type] : undefined;
  if (type && file) {
    const mimeType = (file.mime_type ?? 'application/octet-stream').split(';')[0]!.trim();
    const filename = file.filename ?? `${type === 'audio' ? 'voice' : type}.${EXTENSIONS[mimeType] ?? 'bin'}`;
    return { text: file.caption?.trim() || filename, media: { id: file.id, filename, mimeType } };
  }
  if (m.type === 'text' && m.text) return { text: m.text.body, media: null };
  if (m.type === 'location' && m.location) {
    const { latitude: lat, longitude: lon, name, address } = m.location;
    return { text: placeText(lat, lon, [name, address].filter(Boolean).join(', ')), media: null };
  }
  if (m.type === 'contacts' && m.contacts) {
    const lines = m.contacts.map((c) => `👤 ${[c.name?.formatted_name, ...(c.phones ?? []).map((p) => p.phone)].filter(Boolean).join(', ')}`);
    return { text: lines.join('\n'), media: null };
  }
  if (m.type === 'interactive' && m.interactive) {
    const choice = m.interactive.button_reply ?? m.interactive.list_reply;
    const description = m.interactive.list_reply?.description;
    if (choice) return { text: description ? `${choice.title} — ${description}` : choice.title, media: null };
  }
  if (m.type === 'button' && m.button) return { text: m.button.text, media: null };
  return { text: `⚠ WhatsApp message of type “${m.type}” (not shown here)`, media: null };
}

/** The file through the media endpoint with the number's token (the download URL wants the token too). */
function fetchMedia(settings: WhatsappSettings, media: Media, attempt: number): Promise<NewAttachment[]> {
  const token = openSecret(settings.accessToken);
  return fetchAttachment({
    filename: media.filename,
    contentType: media.mimeType,
    attempt,
    locate: async () => {
      if (!token) throw new PermanentDeliveryError('no access token is configured');
      const info = await mediaInfo(settings, token, media.id);
      return { url: info.url, size: info.size, headers: { authorization: `Bearer ${token}` } };
    },
  });
}

/** A reaction belongs to the message it reacts to (or the customer's newest ticket here): an event, not a new turn. */
function recordReaction(db: Db, channelId: number, m: InboundWhatsappMessage) {
  const target = m.reaction ? findMessageByChannelMessageId(db, waMessageId(m.reaction.message_id)) : undefined;
  const customer = findCustomerByIdentity(db, 'whatsapp', m.from);
  const ticketId = target?.ticketId ?? (customer ? findLatestTicketOnChannel(db, channelId, customer.id)?.id : undefined);
  if (!ticketId) return;
  insertEvents(db, [
    ticketEvent(
      ticketId,
      'customer_reaction',
      { emoji: m.reaction?.emoji ?? '', messageId: target?.id ?? null },
      { kind: 'customer' },
      Number(m.timestamp) * 1000,
    ),
  ]);
  getBus().emit('ticket.changed', { ticketId, kind: 'updated', actorAgentId: null });
}

const STATES = { sent: 'sent', delivered: 'delivered', read: 'read', failed: 'failed' } as const;
/** A status can overtake the outbox worker's record of the wamid it names: wait for it this often. */
const STATUS_WAITS = 5;

/** The platform's word on a reply we sent: delivered and read move forward only; a failure shows with its code and title. */
function applyStatus(db: Db, row: WebhookEventRow, s: WhatsappStatus) {
  const state = STATES[s.status as keyof typeof STATES];
  if (!state) return;
  const message = findMessageByChannelMessageId(db, waMessageId(s.id));
  if (!message) {
    if (row.attempts + 1 < STATUS_WAITS) throw new Error(`No message with WhatsApp id ${s.id} yet`);
    return;
  }
  const e = s.errors?.[0];
  const error = state === 'failed' ? graphErrorText(e?.code ?? null, e?.title ?? e?.message ?? 'failed', e?.error_data?.details) : null;
  if (!setMessageDeliveryReport(db, message.id, state, error)) return;
  const ticketId = findTicketIdOfMessage(db, message.id);
  if (ticketId) getBus().emit('ticket.changed', { ticketId, kind: 'message', actorAgentId: null });
}
