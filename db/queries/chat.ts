import { and, asc, eq, gt, inArray, sql, type SQLWrapper } from 'drizzle-orm';
import type { Queryable } from '../client';
import { agents, agentTeams, attachments, channels, customerIdentities, customers, messages, tickets } from '../schema';
import { limitRows, preparedPerConnection, p } from '../prepared';
import { moveConversations } from './customer-merge';

/** A message as the widget shows it: who wrote it (the agent's name), what, when, and the client's id. */
const chatMessageColumns = {
  id: messages.id,
  ticketId: messages.ticketId,
  authorKind: messages.authorKind,
  agentName: agents.name,
  bodyText: messages.bodyText,
  channelMessageId: messages.channelMessageId,
  createdAt: messages.createdAt,
};

/**
 * "This customer's newest ticket on this widget" as `id = (select max(id) …)`: one seek in
 * tickets_customer_channel, and no LIMIT (a bound one cost 25 µs a lookup here against 9 µs; see
 * inlineLimit in db/prepared.ts).
 */
const isNewestTicketOf = (customerId: SQLWrapper) =>
  eq(tickets.id, sql`(select max(${tickets.id}) from ${tickets} where ${tickets.channelId} = ${p('channelId')} and ${tickets.customerId} = ${customerId})`);

const prepared = preparedPerConnection((db) => ({
  channelByPublicToken: db
    .select()
    .from(channels)
    .where(and(eq(channels.kind, 'chat'), sql`json_extract(${channels.settings}, '$.publicToken') = ${p('token')}`))
    .prepare(),
  latestTicket: db
    .select()
    .from(tickets)
    .where(isNewestTicketOf(p('customerId')))
    .prepare(),
  // Every visitor message asks this before its transaction: identity to newest conversation in one read.
  latestConversation: db
    .select({ id: tickets.id, status: tickets.status })
    .from(customerIdentities)
    .innerJoin(tickets, isNewestTicketOf(customerIdentities.customerId))
    .where(and(eq(customerIdentities.kind, 'chat'), eq(customerIdentities.externalId, p('externalId'))))
    .prepare(),
  publicMessage: db
    .select(chatMessageColumns)
    .from(messages)
    .leftJoin(agents, eq(agents.id, messages.authorAgentId))
    .where(and(eq(messages.id, p('id')), eq(messages.isInternal, false)))
    .prepare(),
  attachmentsOf: db
    .select({ id: attachments.id, filename: attachments.filename, size: attachments.size, sha256: attachments.sha256 })
    .from(attachments)
    .where(eq(attachments.messageId, p('messageId')))
    .prepare(),
  // Runs for every visitor message while an agent has the chat open.
  markAgentRead: db
    .update(tickets)
    .set({ agentReadMessageId: sql`(select max(id) from messages where ticket_id = ${p('ticketId')} and author_kind = 'customer')` })
    .where(eq(tickets.id, p('ticketId')))
    .returning({ upTo: tickets.agentReadMessageId })
    .prepare(),
}));

export type ChatMessageRow = {
  id: number;
  ticketId: number;
  authorKind: string;
  agentName: string | null;
  bodyText: string;
  channelMessageId: string | null;
  createdAt: number;
};

export function findChatChannelByPublicToken(db: Queryable, token: string) {
  return prepared(db).channelByPublicToken.get({ token });
}

/** A customer's newest ticket on a channel: the conversation a chat or messenger message continues. */
export function findLatestTicketOnChannel(db: Queryable, channelId: number, customerId: number) {
  return prepared(db).latestTicket.get({ channelId, customerId });
}

/** A chat identity's newest conversation on this widget (id and status only); undefined before its first message. */
export function findLatestChatConversation(db: Queryable, channelId: number, externalId: string) {
  return prepared(db).latestConversation.get({ channelId, externalId });
}

export function findPublicMessage(db: Queryable, id: number): ChatMessageRow | undefined {
  return prepared(db).publicMessage.get({ id });
}

/** Public messages (never internal notes) of these tickets, oldest first, after a message id. */
export function listPublicMessages(db: Queryable, ticketIds: number[], afterId: number, limit: number): ChatMessageRow[] {
  if (!ticketIds.length) return [];
  return db
    .select(chatMessageColumns)
    .from(messages)
    .leftJoin(agents, eq(agents.id, messages.authorAgentId))
    .where(and(inArray(messages.ticketId, ticketIds), eq(messages.isInternal, false), gt(messages.id, afterId)))
    .orderBy(asc(messages.id))
    .limit(limitRows(limit))
    .all();
}

/** File names and sizes of one message (every widget message is looked up this way once). */
export function listAttachmentsOf(db: Queryable, messageId: number) {
  return prepared(db).attachmentsOf.all({ messageId });
}

export function listAttachmentNames(db: Queryable, messageIds: number[]) {
  if (!messageIds.length) return [];
  return db
    .select({ id: attachments.id, messageId: attachments.messageId, filename: attachments.filename, size: attachments.size, sha256: attachments.sha256 })
    .from(attachments)
    .where(inArray(attachments.messageId, messageIds))
    .all();
}

export function listChatTicketIds(db: Queryable, channelId: number, customerId: number) {
  return db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.channelId, channelId), eq(tickets.customerId, customerId)))
    .orderBy(asc(tickets.id))
    .all()
    .map((r) => r.id);
}

/** Read receipts only move forward. */
export function markCustomerRead(db: Queryable, ticketId: number, messageId: number) {
  db.update(tickets)
    .set({ customerReadMessageId: sql`max(coalesce(${tickets.customerReadMessageId}, 0), ${messageId})` })
    .where(eq(tickets.id, ticketId))
    .run();
}

export function markAgentRead(db: Queryable, ticketId: number) {
  return prepared(db).markAgentRead.get({ ticketId })?.upTo ?? null;
}

export function listTeamMemberIds(db: Queryable, teamId: number) {
  return db
    .select({ id: agentTeams.agentId })
    .from(agentTeams)
    .where(eq(agentTeams.teamId, teamId))
    .all()
    .map((r) => r.id);
}

export function addIdentity(db: Queryable, customerId: number, kind: 'email' | 'chat', externalId: string, now: number) {
  db.insert(customerIdentities).values({ customerId, kind, externalId, createdAt: now }).onConflictDoNothing().run();
}

export function deleteIdentity(db: Queryable, kind: 'chat', externalId: string) {
  db.delete(customerIdentities)
    .where(and(eq(customerIdentities.kind, kind), eq(customerIdentities.externalId, externalId)))
    .run();
}

/**
 * Moves an anonymous widget customer's conversations (tickets, their messages and surveys, attributes not set on the
 * target) to another customer. Identities stay where they are; the record goes once it holds none.
 */
export function moveConversationsInto(db: Queryable, fromId: number, intoId: number) {
  if (fromId === intoId) return;
  moveConversations(db, fromId, intoId);
  const remaining = db
    .select({ id: customerIdentities.id })
    .from(customerIdentities)
    .where(eq(customerIdentities.customerId, fromId))
    .limit(limitRows(1))
    .get();
  if (!remaining) db.delete(customers).where(eq(customers.id, fromId)).run();
}

/** Contact data; `emailVerified` says whether the address is proven or only typed by the visitor. */
export function updateCustomerContact(db: Queryable, id: number, patch: { name?: string; email?: string; emailVerified?: boolean }) {
  if (patch.name || patch.email) db.update(customers).set(patch).where(eq(customers.id, id)).run();
}
