import { isDeepStrictEqual } from 'node:util';
import { asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { ticketEvents, ticketFacts, tickets } from '../schema';
import { limitRows, p, preparedPerConnection, ps } from '../prepared';
import { applyEvent, emptyFacts, factsOf, type TicketFacts } from '../../lib/ticket-facts';
import { markRollupPending } from './metric-rollups';
import type { NewTicketEvent, TypedTicketEvent } from '../../lib/ticket-events';

type FoldableEvent = TypedTicketEvent & { ticketId: number; createdAt: number };

const COLUMNS = Object.keys(emptyFacts(0)) as (keyof TicketFacts)[];
const BOOLEANS = new Set<keyof TicketFacts>(['firstResponseMet', 'resolutionMet', 'isSpam']);

// Every event written passes here (an inbound message, a reply): built once per connection.
const prepared = preparedPerConnection((db) => ({
  find: db
    .select()
    .from(ticketFacts)
    .where(eq(ticketFacts.ticketId, p('ticketId')))
    .prepare(),
  upsert: db
    .insert(ticketFacts)
    // ps: bound as given, past drizzle's encoders (which would store a null boolean as 0).
    .values(Object.fromEntries(COLUMNS.map((c) => [c, ps(c)])) as unknown as TicketFacts)
    .onConflictDoUpdate({
      target: ticketFacts.ticketId,
      set: Object.fromEntries(COLUMNS.filter((c) => c !== 'ticketId').map((c) => [c, sql.raw(`excluded.${ticketFacts[c].name}`)])),
    })
    .prepare(),
}));

export function findTicketFacts(db: Queryable, ticketId: number): TicketFacts | undefined {
  return prepared(db).find.get({ ticketId });
}

function upsert(db: Queryable, rows: TicketFacts[]) {
  // The rollups learn what the ticket contributed until now before the row changes; booleans as SQLite stores them: 0 and 1 (null stays null).
  for (const f of rows) {
    markRollupPending(db, f.ticketId);
    prepared(db).upsert.run(Object.fromEntries(COLUMNS.map((c) => [c, BOOLEANS.has(c) && f[c] !== null ? Number(f[c]) : f[c]])));
  }
}

/** The events of these tickets in their canonical order (time, then as written), grouped by ticket. */
function eventsOf(db: Queryable, ticketIds: number[]): Map<number, FoldableEvent[]> {
  const rows = db
    .select({ ticketId: ticketEvents.ticketId, type: ticketEvents.type, data: ticketEvents.data, createdAt: ticketEvents.createdAt })
    .from(ticketEvents)
    .where(inArray(ticketEvents.ticketId, ticketIds))
    .orderBy(asc(ticketEvents.ticketId), asc(ticketEvents.createdAt), asc(ticketEvents.id))
    .all() as FoldableEvent[];
  const byTicket = new Map<number, FoldableEvent[]>(ticketIds.map((id) => [id, []]));
  for (const e of rows) byTicket.get(e.ticketId)!.push(e);
  return byTicket;
}

/**
 * Brings the facts of the tickets these just-written events belong to up to date, in the writer's
 * transaction: folds them into the stored row, or folds the ticket's whole history where there is no
 * row yet or an event is dated before what was folded (history caught up, written out of order).
 */
export function updateTicketFacts(db: Queryable, events: readonly NewTicketEvent[]) {
  const byTicket = new Map<number, NewTicketEvent[]>();
  for (const e of events) byTicket.set(e.ticketId, [...(byTicket.get(e.ticketId) ?? []), e]);
  const refold: number[] = [];
  const next: TicketFacts[] = [];
  for (const [ticketId, mine] of byTicket) {
    const stored = findTicketFacts(db, ticketId);
    const inOrder = mine.every((e, i) => e.createdAt >= Math.max(stored?.lastEventAt ?? -Infinity, i ? mine[i - 1]!.createdAt : -Infinity));
    if (stored && inOrder) next.push(mine.reduce(applyEvent, stored));
    else refold.push(ticketId);
  }
  upsert(db, next);
  if (refold.length) rebuildFactsOf(db, refold);
}

/** Folds these tickets' whole histories again. */
export function rebuildFactsOf(db: Queryable, ticketIds: number[]) {
  upsert(
    db,
    [...eventsOf(db, ticketIds)].map(([id, events]) => factsOf(id, events)),
  );
}

/** Every ticket's facts from `ticket_events` alone, a batch of tickets at a time; returns how many. */
export function rebuildAllTicketFacts(db: Queryable, batch = 500): number {
  let afterId = 0;
  let done = 0;
  for (;;) {
    const ids = db
      .select({ id: tickets.id })
      .from(tickets)
      .where(gt(tickets.id, afterId))
      .orderBy(asc(tickets.id))
      .limit(limitRows(batch))
      .all()
      .map((r) => r.id);
    if (ids.length === 0) return done;
    rebuildFactsOf(db, ids);
    done += ids.length;
    afterId = ids.at(-1)!;
  }
}

/** Facts rows that differ from a fold of their ticket's history (the rebuild-equals-incremental check). */
export function factsDifferingFromHistory(db: Queryable, ticketIds: number[]) {
  const history = eventsOf(db, ticketIds);
  return ticketIds.flatMap((id) => {
    const stored = findTicketFacts(db, id);
    const folded = factsOf(id, history.get(id) ?? []);
    return isDeepStrictEqual(stored, folded) ? [] : [{ ticketId: id, stored, folded }];
  });
}
