import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../client';
import { channels, messages, tags, ticketEvents, ticketReads, tickets, ticketTags } from '../schema';
import { limitRows, preparedPerConnection, p, ps } from '../prepared';
import { updateTicketFacts } from './ticket-facts';
import { markRollupPending } from './metric-rollups';

export type TicketRow = typeof tickets.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;
export type { NewTicketEvent } from '../../lib/ticket-events';
import type { NewTicketEvent, TypedTicketEvent } from '../../lib/ticket-events';

const prepared = preparedPerConnection((db) => ({
  ticket: db
    .select()
    .from(tickets)
    .where(eq(tickets.id, p('id')))
    .prepare(),
  ticketWithChannel: db
    .select({ ticket: tickets, channel: { id: channels.id, kind: channels.kind, name: channels.name } })
    .from(tickets)
    .innerJoin(channels, eq(channels.id, tickets.channelId))
    .where(eq(tickets.id, p('id')))
    .prepare(),
  maxNumber: db
    .select({ n: sql<number | null>`max(${tickets.number})` })
    .from(tickets)
    .prepare(),
  insertTicket: db
    .insert(tickets)
    .values({
      number: p('number'),
      subject: p('subject'),
      status: p('status'),
      priority: p('priority'),
      channelId: p('channelId'),
      customerId: p('customerId'),
      assigneeId: p('assigneeId'),
      teamId: p('teamId'),
      createdAt: p('createdAt'),
      updatedAt: p('updatedAt'),
      lastActivityAt: p('lastActivityAt'),
      isSpam: p('isSpam'),
    })
    .returning()
    .prepare(),
  insertMessage: db
    .insert(messages)
    .values({
      ticketId: p('ticketId'),
      authorKind: p('authorKind'),
      authorAgentId: p('authorAgentId'),
      authorCustomerId: p('authorCustomerId'),
      isInternal: p('isInternal'),
      bodyText: p('bodyText'),
      bodyHtml: p('bodyHtml'),
      channelMessageId: p('channelMessageId'),
      deliveryState: p('deliveryState'),
      deliveryError: p('deliveryError'),
      meta: p('meta'),
      clientKey: p('clientKey'),
      createdAt: p('createdAt'),
    })
    // Only the id: every message is inserted here, and callers know the rest.
    .returning({ id: messages.id })
    .prepare(),
  messageByClientKey: db
    .select({ id: messages.id, ticketId: messages.ticketId })
    .from(messages)
    .where(eq(messages.clientKey, p('clientKey')))
    .prepare(),
  insertEvent: db
    .insert(ticketEvents)
    .values({
      ticketId: p('ticketId'),
      type: p('type'),
      actorKind: p('actorKind'),
      actorAgentId: p('actorAgentId'),
      data: p('data'),
      createdAt: p('createdAt'),
    })
    .prepare(),
}));

export function findTicket(db: Queryable, id: number) {
  return prepared(db).ticket.get({ id });
}

export function findTicketWithChannel(db: Queryable, id: number) {
  return prepared(db).ticketWithChannel.get({ id });
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

/** A ticket's history, oldest first, each entry typed by its `type` (written only through `ticketEvent`). */
export function listEvents(db: Queryable, ticketId: number) {
  const rows = db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId)).orderBy(asc(ticketEvents.createdAt), asc(ticketEvents.id)).all();
  return rows as (Omit<(typeof rows)[number], 'type' | 'data'> & TypedTicketEvent)[];
}

// Every message updates its ticket, with one of a few column sets; each set's statement is built once.
const updateStatements = preparedPerConnection(() => new Map<string, { run: (values: Record<string, unknown>) => unknown }>());

/** Ticket columns are plain numbers and strings, so values bind as they are (see `ps`). */
export function updateTicketColumns(db: Queryable, id: number, patch: Partial<Omit<TicketRow, 'id' | 'number'>>) {
  const keys = (Object.keys(patch) as (keyof typeof patch)[]).filter((k) => patch[k] !== undefined).sort();
  if (!keys.length) return;
  const statements = updateStatements(db);
  let statement = statements.get(keys.join());
  if (!statement) {
    statement = db
      .update(tickets)
      .set(Object.fromEntries(keys.map((k) => [k, ps(k)])))
      .where(eq(tickets.id, p('id')))
      .prepare();
    statements.set(keys.join(), statement);
  }
  // Bound as they are (ps skips column encoders): SQLite stores booleans as 0/1.
  statement.run({ ...Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, typeof v === 'boolean' ? Number(v) : v])), id });
}

export function insertMessage(db: Queryable, m: NewMessage) {
  return prepared(db).insertMessage.get({
    authorAgentId: null,
    authorCustomerId: null,
    isInternal: false,
    bodyHtml: null,
    channelMessageId: null,
    deliveryState: 'none',
    deliveryError: null,
    meta: null,
    clientKey: null,
    ...m,
  })!;
}

/** The message an agent's composer already sent under this key (a re-send after a lost ack). */
export function findMessageByClientKey(db: Queryable, clientKey: string) {
  return prepared(db).messageByClientKey.get({ clientKey });
}

/** The one writer of ticket history; every event also keeps its ticket's dashboard facts current. */
export function insertEvents(db: Queryable, events: NewTicketEvent[]) {
  for (const e of events) prepared(db).insertEvent.run(e);
  if (events.length) updateTicketFacts(db, events);
}

export function replaceTicketTags(db: Queryable, ticketId: number, tagIds: number[]) {
  markRollupPending(db, ticketId);
  db.delete(ticketTags).where(eq(ticketTags.ticketId, ticketId)).run();
  if (tagIds.length)
    db.insert(ticketTags)
      .values(tagIds.map((tagId) => ({ ticketId, tagId })))
      .run();
}

/** Returns the ids of the named tags, creating the missing ones. */
export function ensureTags(db: Queryable, names: string[]): number[] {
  if (!names.length) return [];
  db.insert(tags)
    .values(names.map((name) => ({ name })))
    .onConflictDoNothing()
    .run();
  return db
    .select({ id: tags.id })
    .from(tags)
    .where(inArray(tags.name, names))
    .all()
    .map((r) => r.id);
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
  return (prepared(db).maxNumber.get()?.n ?? 1000) + 1;
}

export type NewTicket = Pick<
  typeof tickets.$inferInsert,
  'number' | 'subject' | 'status' | 'priority' | 'channelId' | 'customerId' | 'assigneeId' | 'teamId' | 'createdAt' | 'updatedAt' | 'lastActivityAt' | 'isSpam'
>;

export function insertTicket(db: Queryable, t: NewTicket) {
  return prepared(db).insertTicket.get({ status: 'new', priority: 'normal', assigneeId: null, teamId: null, isSpam: false, ...t })!;
}

/** With their settings, for the server to derive what the browser may see (the settings themselves never leave). */
export function listChannels(db: Db) {
  return db.select({ id: channels.id, kind: channels.kind, name: channels.name, settings: channels.settings }).from(channels).orderBy(asc(channels.name)).all();
}

export function listCustomerTickets(db: Db, customerId: number, limit: number) {
  return db
    .select({
      id: tickets.id,
      number: tickets.number,
      subject: tickets.subject,
      status: tickets.status,
      channelKind: channels.kind,
      lastActivityAt: tickets.lastActivityAt,
    })
    .from(tickets)
    .innerJoin(channels, eq(channels.id, tickets.channelId))
    .where(and(eq(tickets.customerId, customerId)))
    .orderBy(desc(tickets.lastActivityAt))
    .limit(limitRows(limit))
    .all();
}
