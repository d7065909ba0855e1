import type { Tx } from '@/db/client';
import * as q from '@/db/queries/tickets';
import * as inbound from '@/db/queries/inbound';
import { findCustomer } from '@/db/queries/customers';
import { insertOutbox } from '@/db/queries/outbox';
import { updateMessageEnvelope } from '@/db/queries/messages';
import type { MailAddress } from '@/db/schema';
import type { OutboundBody } from '../channel-adapter';
import { composeEmail, newReplyToken, type ThreadContext } from './compose-email';
import { emailSettingsSchema, splitPlusAddress } from './email-settings';

/**
 * The message as an email from `channel` (an email inbox) on the ticket's thread, inside the caller's
 * transaction: the message and its outbox row commit together, so a relay being down never loses it.
 * `fallback` (chat): sent only after `dueAt`, and not at all if the visitor has read it in the chat by then.
 */
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
  if (!settings.success) return failNow(tx, messageId, '@inbox_no_address');

  const ctx = threadContext(tx, ticket, settings.data.address);
  if (!ctx.to.length) return failNow(tx, messageId, '@customer_no_email');
  const payload = composeEmail(settings.data, ctx, body, messageId);
  updateMessageEnvelope(tx, messageId, {
    channelMessageId: payload.messageId,
    deliveryState: 'queued',
    meta: {
      ...(payload.autoSubmitted ? { autoSubmitted: true } : {}),
      email: {
        subject: payload.subject,
        from: payload.from,
        to: payload.to,
        cc: payload.cc,
        inReplyTo: payload.inReplyTo ?? undefined,
        references: payload.references,
      },
    },
  });
  insertOutbox(tx, { messageId, channelId: channel.id, payload: fallback ? { ...payload, chatFallback: true } : payload, now, dueAt: fallback?.dueAt });
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
  const to = lastCustomer?.meta?.email?.from ? [lastCustomer.meta.email.from] : customer?.email ? [{ address: customer.email, name: customer.name }] : [];
  // Keep everyone the customer had on the thread, as "reply all" would.
  const cc = [...(lastCustomer?.meta?.email?.to ?? []), ...(lastCustomer?.meta?.email?.cc ?? [])].filter(
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
