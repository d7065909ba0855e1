import type { Tx } from '@/db/client';
import * as q from '@/db/queries/tickets';
import * as inbound from '@/db/queries/inbound';
import { findCustomer } from '@/db/queries/customers';
import { insertOutbox } from '@/db/queries/outbox';
import { updateMessageEnvelope } from '@/db/queries/messages';
import type { MailAddress } from '@/db/schema';
import type { ChannelKind } from '@/lib/domain';
import { composeEmail, newReplyToken, type ThreadContext } from './email/compose-email';
import { emailSettingsSchema, splitPlusAddress } from './email/email-settings';
import { isWatching } from './chat/chat-watchers';
import { chatEmailInbox } from './chat/chat-email-inbox';
import { getConfig } from '@/server/runtime-config';

export type OutboundBody = { text: string; subject?: string; autoSubmitted?: boolean };

/**
 * Queues a public message for delivery on its ticket's channel, inside the caller's transaction: the
 * message and its outbox row commit together, so a channel being down never loses a reply.
 * Chat replies travel over the visitor's socket; only a visitor who has left gets them by email.
 * Channels without an outbound adapter yet leave the message as it is.
 */
export function queueOutbound(tx: Tx, ticket: q.TicketRow, channel: { id: number; kind: ChannelKind }, messageId: number, body: OutboundBody, now: number) {
  if (channel.kind === 'email') queueEmail(tx, ticket, inbound.findChannel(tx, channel.id)!, messageId, body, now);
  else if (channel.kind === 'chat') queueChatFallback(tx, ticket, channel.id, messageId, body, now);
}

/** The message as an email from `channel` (an email inbox) on the ticket's thread. */
/** `chatFallback`: sent only after `dueAt`, and not at all if the visitor has read the message in the chat by then. */
export function queueEmail(
  tx: Tx,
  ticket: q.TicketRow,
  channel: { id: number; name: string; settings: Record<string, unknown> },
  messageId: number,
  body: OutboundBody,
  now: number,
  fallback?: { dueAt: number },
) {
  const settings = emailSettingsSchema.safeParse(channel.settings);
  if (!settings.success) return failNow(tx, messageId, `Inbox "${channel.name}" has no valid email address configured`);

  const ctx = threadContext(tx, ticket, settings.data.address);
  if (!ctx.to.length) return failNow(tx, messageId, 'The customer has no email address');
  const payload = composeEmail(settings.data, ctx, body, messageId);
  updateMessageEnvelope(tx, messageId, {
    channelMessageId: payload.messageId,
    deliveryState: 'queued',
    meta: { subject: payload.subject, from: payload.from, to: payload.to, cc: payload.cc, inReplyTo: payload.inReplyTo ?? undefined, references: payload.references, autoSubmitted: payload.autoSubmitted || undefined },
  });
  insertOutbox(tx, { messageId, channelId: channel.id, payload: fallback ? { ...payload, chatFallback: true } : payload, now, dueAt: fallback?.dueAt });
}

/**
 * A chat reply while the visitor is not connected: the conversation continues by email (if we know
 * their address) through the widget's email inbox. Their answer by email threads back onto the chat.
 */
function queueChatFallback(tx: Tx, ticket: q.TicketRow, chatChannelId: number, messageId: number, body: OutboundBody, now: number) {
  if (isWatching('visitor', ticket.id) || !findCustomer(tx, ticket.customerId)?.email) return;
  const inbox = chatEmailInbox(tx, chatChannelId);
  // A visitor who only switched tabs or lost the network for a moment reads it in the chat instead.
  if (inbox) queueEmail(tx, ticket, inbox, messageId, body, now, { dueAt: now + getConfig().CHAT_EMAIL_DELAY_SECONDS * 1000 });
}

function failNow(tx: Tx, messageId: number, reason: string) {
  inbound.setMessageDelivery(tx, messageId, 'failed', reason);
}

/** Who to write to and which ids to thread on, from the ticket's messages so far. */
function threadContext(tx: Tx, ticket: q.TicketRow, ourAddress: string): ThreadContext {
  let replyToken = ticket.replyToken;
  if (!replyToken) inbound.setReplyToken(tx, ticket.id, (replyToken = newReplyToken()));
  const envelopes = inbound.listMessageEnvelopes(tx, ticket.id);
  const lastCustomer = envelopes.filter((e) => e.authorKind === 'customer').at(-1);
  const ours = (a: MailAddress) => splitPlusAddress(a.address).base === ourAddress;
  const customer = findCustomer(tx, ticket.customerId);
  const to = lastCustomer?.meta?.from ? [lastCustomer.meta.from] : customer?.email ? [{ address: customer.email, name: customer.name }] : [];
  // Keep everyone the customer had on the thread, as "reply all" would.
  const cc = [...(lastCustomer?.meta?.to ?? []), ...(lastCustomer?.meta?.cc ?? [])].filter(
    (a, i, all) => !ours(a) && !to.some((t) => t.address === a.address) && all.findIndex((b) => b.address === a.address) === i,
  );
  return {
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    subject: ticket.subject,
    replyToken,
    to,
    cc,
    references: envelopes.map((e) => e.channelMessageId).filter((id): id is string => !!id && id.startsWith('<')),
    inReplyTo: lastCustomer?.channelMessageId ?? null,
  };
}
