import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { slaPolicies, ticketEvents, ticketSlaTargets, tickets, type SlaPolicyDefinition, type TicketSlaTargetRow } from '../schema';
import { UNSOLVED_STATUSES } from '../../lib/domain';
import { limitRows, p, preparedPerConnection } from '../prepared';
import { markRollupPending } from './metric-rollups';

export type SlaPolicyRow = typeof slaPolicies.$inferSelect;

export function listSlaPolicies(db: Queryable): SlaPolicyRow[] {
  return prepared(db).policies.all();
}

export function findSlaPolicy(db: Queryable, id: number) {
  return db.select().from(slaPolicies).where(eq(slaPolicies.id, id)).get();
}

export function insertSlaPolicy(db: Queryable, p: { name: string; enabled: boolean; calendarId: number | null; definition: SlaPolicyDefinition; now: number }) {
  const position = (db
    .select({ n: sql<number>`coalesce(max(${slaPolicies.position}), -1) + 1` })
    .from(slaPolicies)
    .get()?.n ?? 0) as number;
  return db
    .insert(slaPolicies)
    .values({ name: p.name, enabled: p.enabled, calendarId: p.calendarId, definition: p.definition, position, createdAt: p.now, updatedAt: p.now })
    .returning({ id: slaPolicies.id })
    .get();
}

export function updateSlaPolicy(
  db: Queryable,
  id: number,
  p: { name: string; enabled: boolean; calendarId: number | null; definition: SlaPolicyDefinition; now: number },
) {
  db.update(slaPolicies)
    .set({ name: p.name, enabled: p.enabled, calendarId: p.calendarId, definition: p.definition, updatedAt: p.now })
    .where(eq(slaPolicies.id, id))
    .run();
}

export function setSlaPolicyPositions(db: Queryable, ids: number[]) {
  ids.forEach((id, position) => db.update(slaPolicies).set({ position }).where(eq(slaPolicies.id, id)).run());
}

export function deleteSlaPolicy(db: Queryable, id: number) {
  db.delete(slaPolicies).where(eq(slaPolicies.id, id)).run();
}

export function listPoliciesUsingCalendar(db: Queryable, calendarId: number) {
  return db.select({ id: slaPolicies.id, name: slaPolicies.name }).from(slaPolicies).where(eq(slaPolicies.calendarId, calendarId)).all();
}

export function listTicketSlaTargets(db: Queryable, ticketId: number): TicketSlaTargetRow[] {
  return prepared(db).ofTicket.all({ ticketId });
}

const UPDATED = [
  'policyId',
  'policyName',
  'calendarId',
  'calendarName',
  'clock',
  'targetMs',
  'warningLeadMs',
  'startedAt',
  'pauses',
  'state',
  'dueAt',
  'warnAt',
  'warnedAt',
  'breachedAt',
  'endedAt',
  'calendarMs',
  'businessMs',
] as const satisfies readonly (keyof TicketSlaTargetRow)[];

// Every write that can move a clock plans the ticket's targets again: built once per connection.
const prepared = preparedPerConnection((db) => ({
  upsert: db
    .insert(ticketSlaTargets)
    .values(Object.fromEntries(['ticketId', 'target', 'cycle', ...UPDATED].map((k) => [k, p(k)])) as never)
    .onConflictDoUpdate({
      target: [ticketSlaTargets.ticketId, ticketSlaTargets.target, ticketSlaTargets.cycle],
      set: Object.fromEntries(UPDATED.map((k) => [k, sql.raw(`excluded.${ticketSlaTargets[k].name}`)])),
    })
    .prepare(),
  ofTicket: db
    .select()
    .from(ticketSlaTargets)
    .where(eq(ticketSlaTargets.ticketId, p('ticketId')))
    .orderBy(asc(ticketSlaTargets.startedAt), asc(ticketSlaTargets.target), asc(ticketSlaTargets.cycle))
    .prepare(),
  policies: db.select().from(slaPolicies).orderBy(asc(slaPolicies.position), asc(slaPolicies.id)).prepare(),
  timeline: db
    .select({ type: ticketEvents.type, data: ticketEvents.data, createdAt: ticketEvents.createdAt })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, p('ticketId')), inArray(ticketEvents.type, ['status_changed', 'customer_message', 'public_reply'])))
    .orderBy(asc(ticketEvents.createdAt), asc(ticketEvents.id))
    .prepare(),
}));

export function upsertTicketSlaTarget(db: Queryable, row: TicketSlaTargetRow) {
  markRollupPending(db, row.ticketId);
  prepared(db).upsert.run(row);
}

/** What moves a ticket's clocks: its status changes, customer messages and public replies, oldest first. */
export function listSlaTimelineEvents(db: Queryable, ticketId: number) {
  return prepared(db).timeline.all({ ticketId });
}

/** Ticket ids after `afterId` in id order (only unsolved ones for a re-plan sweep), a batch at a time. */
export function listTicketIdsAfter(db: Queryable, afterId: number, limit: number, o: { openOnly: boolean }): number[] {
  return db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(o.openOnly ? inArray(tickets.status, [...UNSOLVED_STATUSES]) : undefined, sql`${tickets.id} > ${afterId}`))
    .orderBy(asc(tickets.id))
    .limit(limitRows(limit))
    .all()
    .map((r) => r.id);
}
