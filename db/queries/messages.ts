import { eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { messages, type MessageMeta } from '../schema';
import { preparedPerConnection, p, ps } from '../prepared';

const prepared = preparedPerConnection((db) => ({
  setEnvelope: db
    .update(messages)
    .set({ channelMessageId: ps('channelMessageId'), deliveryState: ps('deliveryState'), meta: ps('meta') })
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

export function findTicketIdOfMessage(db: Queryable, id: number): number | undefined {
  return prepared(db).ticketIdOf.get({ id })?.ticketId;
}
