import type { Queryable, Tx } from '@/db/client';
import * as q from '@/db/queries/tickets';
import * as inbound from '@/db/queries/inbound';
import { findCustomer } from '@/db/queries/customers';
import { insertOutbox } from '@/db/queries/outbox';
import { updateMessageEnvelope } from '@/db/queries/messages';
import type { MailAddress } from '@/db/schema';
import type { OutboundBody } from '../channel-adapter';
import { composeEmail, newReplyToken, type ThreadContext } from './compose-email';
import { emailSettingsSchema, splitPlusAddress, type EmailSettings } from './email-settings';

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

  const thread = threadContext(tx, ticket, settings.data.address);
  if (!thread.to.length) return failNow(tx, messageId, '@customer_no_email');
  // The agent's own choice of copies, or reply-all as the thread was.
  const ctx = body.cc ? { ...thread, cc: othersThan(body.cc, thread.to, settings.data.address) } : thread;
  const bcc = othersThan(body.bcc ?? [], [...ctx.to, ...ctx.cc], settings.data.address);
  const payload = { ...composeEmail(settings.data, ctx, body, messageId), bcc };
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
        ...(bcc.length ? { bcc } : {}),
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

/** The addresses without our own inbox, those already in `besides`, and repeats (compared without case). */
function othersThan(list: MailAddress[], besides: MailAddress[], ourAddress: string): MailAddress[] {
  const key = (a: MailAddress) => a.address.toLowerCase();
  return list.filter(
    (a, i, all) => splitPlusAddress(key(a)).base !== ourAddress && !besides.some((b) => key(b) === key(a)) && all.findIndex((b) => key(b) === key(a)) === i,
  );
}

/**
 * Who a reply goes to: the sender of the customer's newest mail (or the customer's address), and in copy
 * everyone else that mail had, as "reply all" would. The composer shows these before the agent sends.
 */
export function replyRecipients(
  tx: Queryable,
  ticket: Pick<q.TicketRow, 'id' | 'customerId'>,
  ourAddress: string,
  // The ticket's envelopes when the caller has read them already (a reply reads them for threading too).
  envelopes = inbound.listMessageEnvelopes(tx, ticket.id),
): { to: MailAddress[]; cc: MailAddress[] } {
  const lastCustomer = envelopes.filter((e) => e.authorKind === 'customer').at(-1);
  const customer = findCustomer(tx, ticket.customerId);
  const to = lastCustomer?.meta?.email?.from ? [lastCustomer.meta.email.from] : customer?.email ? [{ address: customer.email, name: customer.name }] : [];
  return { to, cc: othersThan([...(lastCustomer?.meta?.email?.to ?? []), ...(lastCustomer?.meta?.email?.cc ?? [])], to, ourAddress) };
}

/** The ticket's token in our Reply-To address (made on its first outgoing mail): answers to it find the ticket. */
function ensureReplyToken(tx: Tx, ticket: q.TicketRow): string {
  if (ticket.replyToken) return ticket.replyToken;
  const token = newReplyToken();
  inbound.setReplyToken(tx, ticket.id, token);
  return token;
}

/**
 * A forward of the conversation to someone outside it, as its own mail (not on the customer's thread,
 * so no In-Reply-To or References) with the ticket's Reply-To, so their answer comes back into the ticket.
 */
export function queueForward(
  tx: Tx,
  ticket: q.TicketRow,
  inbox: { channel: { id: number }; settings: EmailSettings },
  messageId: number,
  f: { to: MailAddress[]; text: string; subject: string; now: number },
) {
  const ctx: ThreadContext = {
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    subject: ticket.subject,
    replyToken: ensureReplyToken(tx, ticket),
    to: f.to,
    cc: [],
    references: [],
    inReplyTo: null,
  };
  const payload = composeEmail(inbox.settings, ctx, { text: f.text, subject: f.subject }, messageId);
  updateMessageEnvelope(tx, messageId, {
    channelMessageId: payload.messageId,
    deliveryState: 'queued',
    meta: { forwarded: true, email: { subject: payload.subject, from: payload.from, to: payload.to } },
  });
  insertOutbox(tx, { messageId, channelId: inbox.channel.id, payload, now: f.now });
}

/** Who to write to and which ids to thread on, from the ticket's messages so far. */
function threadContext(tx: Tx, ticket: q.TicketRow, ourAddress: string): ThreadContext {
  const replyToken = ensureReplyToken(tx, ticket);
  const envelopes = inbound.listMessageEnvelopes(tx, ticket.id);
  const lastCustomer = envelopes.filter((e) => e.authorKind === 'customer').at(-1);
  const { to, cc } = replyRecipients(tx, ticket, ourAddress, envelopes);
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
