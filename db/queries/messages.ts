import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { messages, tickets, type MessageMeta } from '../schema';
import { preparedPerConnection, p, ps } from '../prepared';

const prepared = preparedPerConnection((db) => ({
  setEnvelope: db
    .update(messages)
    .set({
      channelMessageId: ps('channelMessageId'),
      deliveryState: ps('deliveryState'),
      // Merged into what the message already carries (a survey's request), never replacing it.
      meta: sql`json_patch(coalesce(${messages.meta}, '{}'), ${sql.placeholder('meta')})`,
    })
    .where(eq(messages.id, p('id')))
    .prepare(),
  ticketIdOf: db
    .select({ ticketId: messages.ticketId })
    .from(messages)
    .where(eq(messages.id, p('id')))
    .prepare(),
}));

/** Records how an outgoing message travels: its channel id (our Message-ID), delivery state and envelope. */
export function updateMessageEnvelope(
  db: Queryable,
  id: number,
  patch: { channelMessageId: string; deliveryState: 'none' | 'queued' | 'sent' | 'failed'; meta: MessageMeta },
) {
  prepared(db).setEnvelope.run({ id, ...patch, meta: JSON.stringify(patch.meta) });
}

export function setMessageChannelId(db: Queryable, id: number, channelMessageId: string) {
  db.update(messages).set({ channelMessageId }).where(eq(messages.id, id)).run();
}

/** Delivery as a messenger platform reports it later: delivered and read only move forward; failed replaces any. */
export function setMessageDeliveryReport(db: Queryable, id: number, state: 'sent' | 'delivered' | 'read' | 'failed', error: string | null) {
  const rank = sql`case ${messages.deliveryState} when 'queued' then 0 when 'sent' then 1 when 'delivered' then 2 when 'read' then 3 else 4 end`;
  const newRank = { sent: 1, delivered: 2, read: 3, failed: 4 }[state];
  return (
    db
      .update(messages)
      .set({ deliveryState: state, deliveryError: error })
      .where(and(eq(messages.id, id), state === 'failed' ? sql`${messages.deliveryState} != 'failed'` : sql`${rank} < ${newRank}`))
      .returning({ id: messages.id })
      .all().length > 0
  );
}

export function findTicketIdOfMessage(db: Queryable, id: number): number | undefined {
  return prepared(db).ticketIdOf.get({ id })?.ticketId;
}

/** When an agent last answered the customer publicly on this ticket (null: never). */
export function lastPublicReplyAt(db: Queryable, ticketId: number): number | null {
  return (
    db
      .select({ at: sql<number | null>`max(${messages.createdAt})` })
      .from(messages)
      .where(and(eq(messages.ticketId, ticketId), eq(messages.authorKind, 'agent'), eq(messages.isInternal, false)))
      .get()?.at ?? null
  );
}

/** A customer's edit on their messenger: the new text, and when it was edited (in meta.editedAt). */
export function editCustomerMessage(db: Queryable, id: number, text: string, editedAt: number) {
  db.update(messages)
    .set({
      bodyText: text,
      meta: sql`json_set(case when json_type(${messages.meta}) = 'object' then ${messages.meta} else '{}' end, '$.editedAt', ${editedAt})`,
    })
    .where(and(eq(messages.id, id), eq(messages.authorKind, 'customer')))
    .run();
}

/** The ticket a message belongs to (its id and customer). */
export function findTicketOfMessage(db: Queryable, id: number) {
  return db
    .select({ id: tickets.id, customerId: tickets.customerId })
    .from(messages)
    .innerJoin(tickets, eq(tickets.id, messages.ticketId))
    .where(eq(messages.id, id))
    .get();
}

/** A receipt's watermark: our public replies on the ticket sent up to then are `state` now (never backwards). */
export function markRepliesUpTo(db: Queryable, ticketId: number, watermark: number, state: 'delivered' | 'read') {
  return db
    .update(messages)
    .set({ deliveryState: state })
    .where(
      and(
        eq(messages.ticketId, ticketId),
        eq(messages.authorKind, 'agent'),
        eq(messages.isInternal, false),
        sql`${messages.createdAt} <= ${watermark}`,
        inArray(messages.deliveryState, state === 'read' ? ['sent', 'delivered'] : ['sent']),
      ),
    )
    .returning({ id: messages.id })
    .all().length;
}
