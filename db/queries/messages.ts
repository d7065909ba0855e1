import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { messages, type MessageMeta } from '../schema';
import { preparedPerConnection } from '../prepared';

const p = (name: string) => sql.placeholder(name);
// update().set() takes SQL, not a bare placeholder; values bound this way skip column encoders (JSON is stringified by the caller).
const ps = (name: string) => sql`${sql.placeholder(name)}`;
const prepared = preparedPerConnection((db) => ({
  setEnvelope: db
    .update(messages)
    .set({ channelMessageId: ps('channelMessageId'), deliveryState: ps('deliveryState'), meta: ps('meta') })
    .where(eq(messages.id, p('id')))
    .prepare(),
  ticketIdOf: db.select({ ticketId: messages.ticketId }).from(messages).where(eq(messages.id, p('id'))).prepare(),
}));

/** Records how an outgoing message travels: its channel id (our Message-ID), delivery state and envelope. */
export function updateMessageEnvelope(db: Queryable, id: number, patch: { channelMessageId: string; deliveryState: 'none' | 'queued' | 'sent' | 'failed'; meta: MessageMeta }) {
  prepared(db).setEnvelope.run({ id, ...patch, meta: JSON.stringify(patch.meta) });
}

export function findTicketIdOfMessage(db: Queryable, id: number): number | undefined {
  return prepared(db).ticketIdOf.get({ id })?.ticketId;
}
