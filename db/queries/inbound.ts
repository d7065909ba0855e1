import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { channels, customerIdentities, customers, messages, ticketLinks, tickets } from '../schema';
import type { ChannelKind } from '../../lib/domain';


export function findChannel(db: Queryable, id: number) {
  return db.select().from(channels).where(eq(channels.id, id)).get();
}

export function listChannelsOfKind(db: Queryable, kind: ChannelKind) {
  return db.select().from(channels).where(eq(channels.kind, kind)).all();
}

export function findMessageByChannelMessageId(db: Queryable, channelMessageId: string) {
  return db.select({ id: messages.id, ticketId: messages.ticketId }).from(messages).where(eq(messages.channelMessageId, channelMessageId)).get();
}

/** The newest message whose channel id is one of these (email In-Reply-To / References). */
export function findMessageByAnyChannelMessageId(db: Queryable, ids: string[]) {
  if (!ids.length) return undefined;
  return db
    .select({ id: messages.id, ticketId: messages.ticketId })
    .from(messages)
    .where(inArray(messages.channelMessageId, ids))
    .orderBy(sql`${messages.id} desc`)
    .limit(1)
    .get();
}

export function findCustomerByIdentity(db: Queryable, kind: ChannelKind, externalId: string) {
  return db
    .select({ id: customers.id, name: customers.name })
    .from(customerIdentities)
    .innerJoin(customers, eq(customers.id, customerIdentities.customerId))
    .where(and(eq(customerIdentities.kind, kind), eq(customerIdentities.externalId, externalId)))
    .get();
}

export function insertCustomerWithIdentity(db: Queryable, c: { name: string; email: string | null; kind: ChannelKind; externalId: string; now: number }) {
  const row = db.insert(customers).values({ name: c.name, email: c.email, createdAt: c.now }).returning({ id: customers.id, name: customers.name }).get();
  db.insert(customerIdentities).values({ customerId: row.id, kind: c.kind, externalId: c.externalId, createdAt: c.now }).run();
  return row;
}

export function findTicketByReplyToken(db: Queryable, token: string) {
  return db.select().from(tickets).where(eq(tickets.replyToken, token)).get();
}

export function findTicketByNumber(db: Queryable, number: number) {
  return db.select().from(tickets).where(eq(tickets.number, number)).get();
}

export function setReplyToken(db: Queryable, ticketId: number, token: string) {
  db.update(tickets).set({ replyToken: token }).where(eq(tickets.id, ticketId)).run();
}

export function linkTickets(db: Queryable, ticketId: number, linkedTicketId: number, kind: 'follow_up' | 'related', now: number) {
  db.insert(ticketLinks).values({ ticketId, linkedTicketId, kind, createdAt: now }).onConflictDoNothing().run();
}

/** Envelope data of a ticket's messages, oldest first: who took part and which Message-IDs exist. */
export function listMessageEnvelopes(db: Queryable, ticketId: number) {
  return db
    .select({ id: messages.id, authorKind: messages.authorKind, channelMessageId: messages.channelMessageId, meta: messages.meta })
    .from(messages)
    .where(eq(messages.ticketId, ticketId))
    .orderBy(asc(messages.id))
    .all();
}

export function setMessageDelivery(db: Queryable, messageId: number, state: 'queued' | 'sent' | 'failed', error: string | null) {
  db.update(messages).set({ deliveryState: state, deliveryError: error }).where(eq(messages.id, messageId)).run();
}
