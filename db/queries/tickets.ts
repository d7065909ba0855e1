import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../client';
import { channels, messages, tags, ticketEvents, ticketReads, tickets, ticketTags } from '../schema';


export type TicketRow = typeof tickets.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;
export type NewTicketEvent = typeof ticketEvents.$inferInsert;

export function findTicket(db: Queryable, id: number) {
  return db.select().from(tickets).where(eq(tickets.id, id)).get();
}

export function findTicketWithChannel(db: Queryable, id: number) {
  return db
    .select({ ticket: tickets, channel: { id: channels.id, kind: channels.kind, name: channels.name } })
    .from(tickets)
    .innerJoin(channels, eq(channels.id, tickets.channelId))
    .where(eq(tickets.id, id))
    .get();
}

export function listTicketTags(db: Queryable, ticketId: number) {
  return db
    .select({ id: tags.id, name: tags.name })
    .from(ticketTags)
    .innerJoin(tags, eq(tags.id, ticketTags.tagId))
    .where(eq(ticketTags.ticketId, ticketId))
    .orderBy(asc(tags.name))
    .all();
}

export function listMessages(db: Queryable, ticketId: number) {
  return db.select().from(messages).where(eq(messages.ticketId, ticketId)).orderBy(asc(messages.createdAt), asc(messages.id)).all();
}

export function listEvents(db: Queryable, ticketId: number) {
  return db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId)).orderBy(asc(ticketEvents.createdAt), asc(ticketEvents.id)).all();
}

export function updateTicketColumns(db: Queryable, id: number, patch: Partial<Omit<TicketRow, 'id' | 'number'>>) {
  db.update(tickets).set(patch).where(eq(tickets.id, id)).run();
}

export function insertMessage(db: Queryable, m: NewMessage) {
  return db.insert(messages).values(m).returning().get();
}

export function insertEvents(db: Queryable, events: NewTicketEvent[]) {
  if (events.length) db.insert(ticketEvents).values(events).run();
}

export function replaceTicketTags(db: Queryable, ticketId: number, tagIds: number[]) {
  db.delete(ticketTags).where(eq(ticketTags.ticketId, ticketId)).run();
  if (tagIds.length) db.insert(ticketTags).values(tagIds.map((tagId) => ({ ticketId, tagId }))).run();
}

/** Returns the ids of the named tags, creating the missing ones. */
export function ensureTags(db: Queryable, names: string[]): number[] {
  if (!names.length) return [];
  db.insert(tags).values(names.map((name) => ({ name }))).onConflictDoNothing().run();
  return db.select({ id: tags.id }).from(tags).where(inArray(tags.name, names)).all().map((r) => r.id);
}

export function listAllTags(db: Db) {
  return db.select({ id: tags.id, name: tags.name }).from(tags).orderBy(asc(tags.name)).all();
}

export function markTicketRead(db: Db, agentId: number, ticketId: number, at: number) {
  db.insert(ticketReads)
    .values({ agentId, ticketId, readAt: at })
    .onConflictDoUpdate({ target: [ticketReads.agentId, ticketReads.ticketId], set: { readAt: at } })
    .run();
}

export function nextTicketNumber(db: Queryable): number {
  const row = db.get<{ n: number | null }>(sql`select max(${tickets.number}) as n from ${tickets}`);
  return (row?.n ?? 1000) + 1;
}

export function insertTicket(db: Queryable, t: typeof tickets.$inferInsert) {
  return db.insert(tickets).values(t).returning().get();
}

export function listChannels(db: Db) {
  return db.select({ id: channels.id, kind: channels.kind, name: channels.name }).from(channels).orderBy(asc(channels.name)).all();
}

export function listCustomerTickets(db: Db, customerId: number, limit: number) {
  return db
    .select({ id: tickets.id, number: tickets.number, subject: tickets.subject, status: tickets.status, channelKind: channels.kind, lastActivityAt: tickets.lastActivityAt })
    .from(tickets)
    .innerJoin(channels, eq(channels.id, tickets.channelId))
    .where(and(eq(tickets.customerId, customerId)))
    .orderBy(desc(tickets.lastActivityAt))
    .limit(limit)
    .all();
}
