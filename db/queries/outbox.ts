import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Queryable } from '../client';
import { outbox } from '../schema';
import { limitRows, preparedPerConnection, p, ps } from '../prepared';

export type OutboxRow = typeof outbox.$inferSelect;

/** How many due deliveries one worker tick takes. */
const DUE_BATCH = 20;

const prepared = preparedPerConnection((db) => ({
  insert: db
    .insert(outbox)
    .values({
      messageId: p('messageId'),
      notificationId: p('notificationId'),
      digestId: p('digestId'),
      channelId: p('channelId'),
      payload: p('payload'),
      nextAttemptAt: p('dueAt'),
      createdAt: p('now'),
      updatedAt: p('now'),
    })
    .onConflictDoNothing()
    .prepare(),
  due: db
    .select()
    .from(outbox)
    .where(and(eq(outbox.state, 'queued'), lte(outbox.nextAttemptAt, p('now'))))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(limitRows(DUE_BATCH))
    .prepare(),
  claim: db
    .update(outbox)
    .set({ state: 'sending', updatedAt: ps('now') })
    .where(and(eq(outbox.id, p('id')), eq(outbox.state, 'queued')))
    .returning({ id: outbox.id })
    .prepare(),
  finish: db
    .update(outbox)
    .set({ state: ps('state'), attempts: ps('attempts'), nextAttemptAt: ps('nextAttemptAt'), lastError: ps('lastError'), updatedAt: ps('now') })
    .where(eq(outbox.id, p('id')))
    .prepare(),
}));

/** What a delivery carries: a message on a ticket's thread, an email notification to an agent, or a lead's weekly summary. */
export type OutboxSubject =
  | { messageId: number; notificationId?: never; digestId?: never }
  | { notificationId: number; messageId?: never; digestId?: never }
  | { digestId: number; messageId?: never; notificationId?: never };

export function insertOutbox(db: Queryable, row: OutboxSubject & { channelId: number; payload: Record<string, unknown>; now: number; dueAt?: number }) {
  prepared(db).insert.run({ messageId: null, notificationId: null, digestId: null, ...row, dueAt: row.dueAt ?? row.now });
}

export function listDueOutbox(db: Queryable, now: number) {
  return prepared(db).due.all({ now });
}

/** Claims a queued row for sending; false when another tick already took it. */
export function claimOutbox(db: Queryable, id: number, now: number): boolean {
  return prepared(db).claim.all({ id, now }).length === 1;
}

export function finishOutbox(
  db: Queryable,
  id: number,
  patch: { state: 'queued' | 'sent' | 'failed' | 'skipped'; attempts: number; nextAttemptAt: number; lastError: string | null; now: number },
) {
  prepared(db).finish.run({ id, ...patch });
}

/** After a crash a row may be left in 'sending': send it again (at least once; the Message-ID lets clients dedupe). */
export function requeueInterrupted(db: Queryable, now: number) {
  db.update(outbox).set({ state: 'queued', updatedAt: now }).where(eq(outbox.state, 'sending')).run();
}

/** Whether a delivery on this channel is waiting or being sent right now (an echo of it may overtake the record of its id). */
export function hasPendingDelivery(db: Queryable, channelId: number): boolean {
  return !!db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.channelId, channelId), inArray(outbox.state, ['queued', 'sending'])))
    .limit(limitRows(1))
    .get();
}
