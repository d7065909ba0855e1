import { and, eq, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { webhookEvents } from '../schema';
import { limitRows } from '../prepared';

export type WebhookEventRow = typeof webhookEvents.$inferSelect;
export type NewWebhookEvent = { conversation: string; dedupeKey: string | null; payload: Record<string, unknown> };

/** Stores a delivery's events; one the platform already delivered (same dedupe key) is skipped. Returns how many were new. */
export function insertWebhookEvents(db: Queryable, channelId: number, events: NewWebhookEvent[], now: number): number {
  if (!events.length) return 0;
  return db
    .insert(webhookEvents)
    .values(events.map((e) => ({ ...e, channelId, nextAttemptAt: now, receivedAt: now, updatedAt: now })))
    .onConflictDoNothing()
    .returning({ id: webhookEvents.id })
    .all().length;
}

/**
 * The events that may run now: for each conversation only its oldest waiting one (a later message never
 * overtakes an earlier one that is being retried), oldest first.
 */
export function listRunnableWebhookEvents(db: Queryable, now: number, limit: number): WebhookEventRow[] {
  return db
    .select()
    .from(webhookEvents)
    .where(
      and(
        eq(webhookEvents.state, 'queued'),
        sql`${webhookEvents.id} = (select min(w.id) from webhook_events w where w.state = 'queued' and w.channel_id = ${webhookEvents.channelId} and w.conversation = ${webhookEvents.conversation})`,
        sql`${webhookEvents.nextAttemptAt} <= ${now}`,
      ),
    )
    .orderBy(webhookEvents.id)
    .limit(limitRows(limit))
    .all();
}

export function finishWebhookEvent(
  db: Queryable,
  id: number,
  patch: { state: 'queued' | 'done' | 'failed'; attempts: number; nextAttemptAt: number; lastError: string | null; now: number },
) {
  const { now, ...cols } = patch;
  db.update(webhookEvents)
    .set({ ...cols, updatedAt: now })
    .where(eq(webhookEvents.id, id))
    .run();
}

/** Handled events are kept a while for support questions ("did the platform send it?"), then dropped. */
export function deleteSettledWebhookEvents(db: Queryable, before: number) {
  db.delete(webhookEvents)
    .where(and(eq(webhookEvents.state, 'done'), lt(webhookEvents.updatedAt, before)))
    .run();
}
