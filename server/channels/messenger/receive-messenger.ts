import { type Db, transact } from '@/db/client';
import { findChannel, findCustomerByIdentity, findMessageByChannelMessageId } from '@/db/queries/inbound';
import { markRepliesUpTo, setMessageDeliveryReport } from '@/db/queries/messages';
import { findLatestTicketOnChannel } from '@/db/queries/chat';
import { insertEvents, insertMessage, updateTicketColumns } from '@/db/queries/tickets';
import { hasPendingDelivery } from '@/db/queries/outbox';
import type { NewAttachment } from '@/db/queries/attachments';
import type { WebhookEventRow } from '@/db/queries/webhook-events';
import { messengerSettingsSchema, type MessengerSettings } from '@/lib/channel-settings/messenger';
import { previewOf } from '@/lib/preview';
import { getBus } from '@/server/realtime/bus';
import { applySla } from '@/server/sla/apply-sla';
import { decide } from '@/server/tickets/status-machine';
import { PermanentEventError } from '../channel-adapter';
import { openSecret } from '../channel-secrets';
import { fetchAttachment } from '../messaging/fetch-attachment';
import { ingestMessengerMessage } from '../messaging/ingest-messenger-message';
import { placeText } from '../messaging/place-text';
import { senderName } from './messenger-api';
import type { MessengerEvent, MessengerItem } from './messenger-events';
import { windowMsOf } from './messenger-window';
import { answerByButton } from '@/server/surveys/answer-by-button';

/** Our id for a Messenger message: the platform's mid, prefixed so no other channel's id can collide. */
export const fbMessageId = (mid: string) => `fb:${mid}`;
const FILE_NAMES: Record<string, string> = { image: 'image.jpg', video: 'video.mp4', audio: 'audio.mp4', file: 'file' };
/** How often an echo of a send still in flight waits for the outbox to record its id before it counts as sent from elsewhere. */
const ECHO_WAITS = 5;

type FileRef = { url: string; filename: string; contentType: string };

/** The message's text as the agent reads it, and its files (Messenger sends them as URLs). */
export function contentOf(i: MessengerItem): { text: string; files: FileRef[] } {
  if (i.postback) return { text: i.postback.title, files: [] };
  const m = i.message!;
  const files: FileRef[] = [];
  const lines: string[] = [];
  for (const a of m.attachments ?? []) {
    const p = (a.payload ?? {}) as { url?: string; coordinates?: { lat: number; long: number }; title?: string };
    if (a.type === 'location' && p.coordinates) {
      lines.push(placeText(p.coordinates.lat, p.coordinates.long, p.title));
    } else if (FILE_NAMES[a.type] && p.url) {
      const name = decodeURIComponent(new URL(p.url).pathname.split('/').pop() ?? '') || FILE_NAMES[a.type]!;
      files.push({ url: p.url, filename: name, contentType: a.type === 'image' ? 'image/jpeg' : 'application/octet-stream' });
    } else if (p.url) lines.push(p.url);
  }
  const text = [m.text, ...lines].filter(Boolean).join('\n');
  return { text: text || files.map((f) => f.filename).join(', ') || '⚠ Messenger message of a kind not shown here', files };
}

/** One stored webhook event of a Messenger page, in order for its person. */
export async function handleMessengerEvent(db: Db, row: WebhookEventRow) {
  const channel = findChannel(db, row.channelId);
  const settings = messengerSettingsSchema.safeParse(channel?.settings);
  if (!channel || !settings.success) throw new PermanentEventError(`Channel ${row.channelId} has no valid Messenger settings`);
  const { kind, item } = row.payload as MessengerEvent;
  if (kind === 'echo') return recordEcho(db, row, channel.id, item);
  if (kind === 'delivery' || kind === 'read') return applyReceipt(db, channel.id, kind, item);
  return receiveMessage(db, row, channel.id, settings.data, item);
}

async function receiveMessage(db: Db, row: WebhookEventRow, channelId: number, settings: MessengerSettings, i: MessengerItem) {
  const mid = i.message?.mid ?? i.postback?.mid ?? `${i.sender.id}:${i.timestamp}`;
  const channelMessageId = fbMessageId(mid);
  if (findMessageByChannelMessageId(db, channelMessageId)) return;
  // A survey's quick reply is an answer, not a message (the button's payload names the survey).
  const choiceId = i.message?.quick_reply?.payload ?? i.postback?.payload;
  const receivedAt = Math.min(Date.now(), i.timestamp);
  if (choiceId && answerByButton(db, { kind: 'messenger', channelId, externalId: i.sender.id, choiceId, submissionKey: channelMessageId, at: receivedAt }))
    return;
  const { text, files } = contentOf(i);
  const attachments: NewAttachment[] = [];
  for (const f of files) {
    attachments.push(
      ...(await fetchAttachment({
        filename: f.filename,
        contentType: f.contentType,
        attempt: row.attempts + 1,
        locate: async () => ({ url: f.url, size: null }),
      })),
    );
  }
  // Messenger's webhook names nobody: a new person's name comes from their public profile.
  const token = openSecret(settings.pageAccessToken);
  const known = findCustomerByIdentity(db, 'messenger', i.sender.id);
  const name = known?.name ?? (token ? await senderName(settings, token, i.sender.id) : null) ?? `Messenger ${i.sender.id}`;
  await ingestMessengerMessage(db, {
    channelId,
    kind: 'messenger',
    externalId: i.sender.id,
    name,
    channelMessageId,
    text,
    receivedAt,
    attachments,
    reopenDays: settings.reopenDays,
    windowMs: windowMsOf(settings),
  });
}

/**
 * What the page sent comes back as an echo. Our own replies are known by their mid (or still being
 * sent: then it waits for the outbox to record the mid); anything else was answered from the page's own
 * inbox on Facebook and joins the thread once, as a public reply.
 */
function recordEcho(db: Db, row: WebhookEventRow, channelId: number, i: MessengerItem) {
  const m = i.message!;
  if (findMessageByChannelMessageId(db, fbMessageId(m.mid))) return;
  if (hasPendingDelivery(db, channelId) && row.attempts + 1 < ECHO_WAITS) throw new Error('An own reply is still being sent; its echo waits for it');
  const customer = findCustomerByIdentity(db, 'messenger', i.recipient.id);
  const ticket = customer ? findLatestTicketOnChannel(db, channelId, customer.id) : undefined;
  if (!ticket || ticket.status === 'closed') return;
  const text = contentOf(i).text;
  const at = Math.min(Date.now(), i.timestamp);
  const status = transact(db, (tx) => {
    const message = insertMessage(tx, { ticketId: ticket.id, authorKind: 'agent', bodyText: text, channelMessageId: fbMessageId(m.mid), createdAt: at });
    const transition = decide(ticket, { kind: 'public_reply', messageId: message.id }, { kind: 'agent', agentId: null }, at);
    updateTicketColumns(tx, ticket.id, { updatedAt: at, lastActivityAt: at, preview: previewOf(text), ...transition.cols });
    insertEvents(tx, transition.events);
    setMessageDeliveryReport(tx, message.id, 'sent', null);
    applySla(tx, ticket.id, at);
    return transition.status;
  });
  if (status) getBus().emit('ticket.status', { ticketId: ticket.id, ...status });
  getBus().emit('ticket.changed', { ticketId: ticket.id, kind: 'message', actorAgentId: null });
}

/** Delivery and read receipts: by the mids they name, or everything we sent up to the watermark. */
function applyReceipt(db: Db, channelId: number, kind: 'delivery' | 'read', i: MessengerItem) {
  const customer = findCustomerByIdentity(db, 'messenger', i.sender.id);
  const ticket = customer ? findLatestTicketOnChannel(db, channelId, customer.id) : undefined;
  if (!ticket) return;
  let changed = 0;
  if (kind === 'delivery') {
    for (const mid of i.delivery!.mids ?? []) {
      const message = findMessageByChannelMessageId(db, fbMessageId(mid));
      if (message && setMessageDeliveryReport(db, message.id, 'delivered', null)) changed++;
    }
    changed += markRepliesUpTo(db, ticket.id, i.delivery!.watermark, 'delivered');
  } else changed = markRepliesUpTo(db, ticket.id, i.read!.watermark, 'read');
  if (changed) getBus().emit('ticket.changed', { ticketId: ticket.id, kind: 'message', actorAgentId: null });
}
