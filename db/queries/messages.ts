import { eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { messages, type MessageMeta } from '../schema';


export function updateMessageEnvelope(db: Queryable, id: number, patch: { channelMessageId?: string; deliveryState?: 'none' | 'queued' | 'sent' | 'failed'; meta?: MessageMeta }) {
  db.update(messages).set(patch).where(eq(messages.id, id)).run();
}

export function findTicketIdOfMessage(db: Queryable, id: number): number | undefined {
  return db.select({ ticketId: messages.ticketId }).from(messages).where(eq(messages.id, id)).get()?.ticketId;
}
