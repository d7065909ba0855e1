import { and, eq, or, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { messages, ticketLinks, tickets } from '../schema';

/** Moves every message of one ticket to another (a merge); how many moved. Attachments stay with their messages. */
export function moveMessages(db: Queryable, fromTicketId: number, toTicketId: number): number {
  return db.update(messages).set({ ticketId: toTicketId }).where(eq(messages.ticketId, fromTicketId)).run().changes;
}

/** A ticket's links, whichever side made them: the other ticket, its number, subject and status, and the kind. */
export function listTicketLinks(db: Queryable, ticketId: number) {
  const other = sql<number>`case when ${ticketLinks.ticketId} = ${ticketId} then ${ticketLinks.linkedTicketId} else ${ticketLinks.ticketId} end`;
  return db
    .select({ ticketId: tickets.id, number: tickets.number, subject: tickets.subject, status: tickets.status, kind: ticketLinks.kind })
    .from(ticketLinks)
    .innerJoin(tickets, eq(tickets.id, other))
    .where(or(eq(ticketLinks.ticketId, ticketId), eq(ticketLinks.linkedTicketId, ticketId)))
    .orderBy(tickets.number)
    .all();
}

const between = (a: number, b: number) =>
  or(and(eq(ticketLinks.ticketId, a), eq(ticketLinks.linkedTicketId, b)), and(eq(ticketLinks.ticketId, b), eq(ticketLinks.linkedTicketId, a)));

/** Whether two tickets are linked, either way round and of any kind. */
export function ticketsLinked(db: Queryable, a: number, b: number): boolean {
  return db.select({ kind: ticketLinks.kind }).from(ticketLinks).where(between(a, b)).get() !== undefined;
}

/** Removes a link either way round; whether there was one. */
export function unlinkTickets(db: Queryable, a: number, b: number): boolean {
  return db.delete(ticketLinks).where(between(a, b)).run().changes > 0;
}
