import { and, asc, eq, lte } from 'drizzle-orm';
import type { Queryable } from '../client';
import { outbox } from '../schema';


export type OutboxRow = typeof outbox.$inferSelect;

export function insertOutbox(db: Queryable, row: { messageId: number; channelId: number; payload: Record<string, unknown>; now: number }) {
  db.insert(outbox)
    .values({ messageId: row.messageId, channelId: row.channelId, payload: row.payload, nextAttemptAt: row.now, createdAt: row.now, updatedAt: row.now })
    .onConflictDoNothing()
    .run();
}

export function listDueOutbox(db: Queryable, now: number, limit: number) {
  return db.select().from(outbox).where(and(eq(outbox.state, 'queued'), lte(outbox.nextAttemptAt, now))).orderBy(asc(outbox.nextAttemptAt)).limit(limit).all();
}

/** Claims a queued row for sending; false when another tick already took it. */
export function claimOutbox(db: Queryable, id: number, now: number): boolean {
  return db.update(outbox).set({ state: 'sending', updatedAt: now }).where(and(eq(outbox.id, id), eq(outbox.state, 'queued'))).returning({ id: outbox.id }).all().length === 1;
}

export function finishOutbox(db: Queryable, id: number, patch: { state: 'queued' | 'sent' | 'failed'; attempts: number; nextAttemptAt?: number; lastError?: string | null; now: number }) {
  db.update(outbox)
    .set({ state: patch.state, attempts: patch.attempts, nextAttemptAt: patch.nextAttemptAt, lastError: patch.lastError ?? null, updatedAt: patch.now })
    .where(eq(outbox.id, id))
    .run();
}

/** After a crash a row may be left in 'sending': send it again (at least once; the Message-ID lets clients dedupe). */
export function requeueInterrupted(db: Queryable, now: number) {
  db.update(outbox).set({ state: 'queued', updatedAt: now }).where(eq(outbox.state, 'sending')).run();
}

export function findOutboxByMessage(db: Queryable, messageId: number) {
  return db.select().from(outbox).where(eq(outbox.messageId, messageId)).get();
}
