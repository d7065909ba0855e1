import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { channels, customerIdentities, customers, messages, ticketLinks, tickets } from '../schema';
import type { ChannelKind } from '../../lib/domain';
import { limitRows, preparedPerConnection, p, ps } from '../prepared';

const prepared = preparedPerConnection((db) => ({
  channel: db
    .select()
    .from(channels)
    .where(eq(channels.id, p('id')))
    .prepare(),
  channelKind: db
    .select({ id: channels.id, kind: channels.kind, defaultTeamId: channels.defaultTeamId })
    .from(channels)
    .where(eq(channels.id, p('id')))
    .prepare(),
  channelsOfKind: db
    .select()
    .from(channels)
    .where(eq(channels.kind, p('kind')))
    .prepare(),
  messageByChannelId: db
    .select({ id: messages.id, ticketId: messages.ticketId })
    .from(messages)
    .where(eq(messages.channelMessageId, p('id')))
    .prepare(),
  customerByIdentity: db
    .select({ id: customers.id, name: customers.name, emailVerified: customers.emailVerified })
    .from(customerIdentities)
    .innerJoin(customers, eq(customers.id, customerIdentities.customerId))
    .where(and(eq(customerIdentities.kind, p('kind')), eq(customerIdentities.externalId, p('externalId'))))
    .prepare(),
  insertCustomer: db
    .insert(customers)
    .values({ name: p('name'), email: p('email'), emailVerified: p('emailVerified'), createdAt: p('now') })
    .returning({ id: customers.id, name: customers.name, emailVerified: customers.emailVerified })
    .prepare(),
  verifyEmail: db
    .update(customers)
    .set({ email: ps('email'), emailVerified: true })
    .where(eq(customers.id, p('id')))
    .prepare(),
  insertIdentity: db
    .insert(customerIdentities)
    .values({ customerId: p('customerId'), kind: p('kind'), externalId: p('externalId'), createdAt: p('now') })
    .prepare(),
  ticketByReplyToken: db
    .select()
    .from(tickets)
    .where(eq(tickets.replyToken, p('token')))
    .prepare(),
  setReplyToken: db
    .update(tickets)
    .set({ replyToken: ps('token') })
    .where(eq(tickets.id, p('id')))
    .prepare(),
  setDelivery: db
    .update(messages)
    .set({ deliveryState: ps('state'), deliveryError: ps('error') })
    .where(eq(messages.id, p('id')))
    .prepare(),
  envelopes: db
    .select({ id: messages.id, authorKind: messages.authorKind, channelMessageId: messages.channelMessageId, meta: messages.meta })
    .from(messages)
    .where(eq(messages.ticketId, p('ticketId')))
    .orderBy(asc(messages.id))
    .prepare(),
}));

export function findChannel(db: Queryable, id: number) {
  return prepared(db).channel.get({ id });
}

/** Kind and default team only, without the settings JSON: every inbound message asks. */
export function findChannelKind(db: Queryable, id: number) {
  return prepared(db).channelKind.get({ id });
}

export function listChannelsOfKind(db: Queryable, kind: ChannelKind) {
  return prepared(db).channelsOfKind.all({ kind });
}

export function findMessageByChannelMessageId(db: Queryable, channelMessageId: string) {
  return prepared(db).messageByChannelId.get({ id: channelMessageId });
}

/** The newest message whose channel id is one of these (email In-Reply-To / References). */
export function findMessageByAnyChannelMessageId(db: Queryable, ids: string[]) {
  if (!ids.length) return undefined;
  return db
    .select({ id: messages.id, ticketId: messages.ticketId })
    .from(messages)
    .where(inArray(messages.channelMessageId, ids))
    .orderBy(sql`${messages.id} desc`)
    .limit(limitRows(1))
    .get();
}

export function findCustomerByIdentity(db: Queryable, kind: ChannelKind, externalId: string) {
  return prepared(db).customerByIdentity.get({ kind, externalId });
}

/** `emailVerified`: the address is proven (mail came from it, or a site signed it), not merely typed. */
export function insertCustomerWithIdentity(
  db: Queryable,
  c: { name: string; email: string | null; emailVerified: boolean; kind: ChannelKind; externalId: string; now: number },
) {
  const row = prepared(db).insertCustomer.get({ name: c.name, email: c.email, emailVerified: c.emailVerified, now: c.now })!;
  prepared(db).insertIdentity.run({ customerId: row.id, kind: c.kind, externalId: c.externalId, now: c.now });
  return row;
}

/** Mail arrived from this address: it is the customer's proven one from now on. */
export function markEmailVerified(db: Queryable, customerId: number, email: string) {
  prepared(db).verifyEmail.run({ id: customerId, email });
}

export function findTicketByReplyToken(db: Queryable, token: string) {
  return prepared(db).ticketByReplyToken.get({ token });
}

export function findTicketByNumber(db: Queryable, number: number) {
  return db.select().from(tickets).where(eq(tickets.number, number)).get();
}

export function setReplyToken(db: Queryable, ticketId: number, token: string) {
  prepared(db).setReplyToken.run({ id: ticketId, token });
}

export function linkTickets(db: Queryable, ticketId: number, linkedTicketId: number, kind: 'follow_up' | 'related', now: number) {
  db.insert(ticketLinks).values({ ticketId, linkedTicketId, kind, createdAt: now }).onConflictDoNothing().run();
}

/** Envelope data of a ticket's messages, oldest first: who took part and which Message-IDs exist. */
export function listMessageEnvelopes(db: Queryable, ticketId: number) {
  return prepared(db).envelopes.all({ ticketId });
}

export function setMessageDelivery(db: Queryable, messageId: number, state: 'queued' | 'sent' | 'failed', error: string | null) {
  prepared(db).setDelivery.run({ id: messageId, state, error });
}
