import type { Db } from '@/db/client';
import { findChannelKind } from '@/db/queries/inbound';
import { finishWebhookEvent, listRunnableWebhookEvents } from '@/db/queries/webhook-events';
import { backoffMs } from '@/server/jobs/backoff';
import { adapterFor } from '../registry';
import { PermanentEventError, RetryLaterError } from '../channel-adapter';

export const WEBHOOK_EVENT_RETRY = { baseMs: 2_000, maxMs: 10 * 60_000 };
export const WEBHOOK_EVENT_MAX_ATTEMPTS = 12;
const BATCH = 50;

/**
 * Runs the stored webhook events that may run now (the oldest waiting one of each conversation), one
 * after another; returns how many it handled. A failure is retried with backoff and holds back the later
 * events of its conversation only, so one broken media download never stops the other customers.
 */
export async function runWebhookEventsOnce(db: Db, now = Date.now()): Promise<number> {
  const rows = listRunnableWebhookEvents(db, now, BATCH);
  for (const row of rows) {
    const attempts = row.attempts + 1;
    try {
      const kind = findChannelKind(db, row.channelId)?.kind;
      const handler = kind ? adapterFor(kind)?.handleWebhookEvent : undefined;
      if (!handler) throw new PermanentEventError(`Channel ${row.channelId} handles no webhook events`);
      await handler(db, row);
      finishWebhookEvent(db, row.id, { state: 'done', attempts, nextAttemptAt: now, lastError: null, now: Date.now() });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const failed = err instanceof PermanentEventError || attempts >= WEBHOOK_EVENT_MAX_ATTEMPTS;
      if (failed) console.error(`Webhook event ${row.id} (channel ${row.channelId}) given up after ${attempts} attempt(s): ${error}`);
      const wait = err instanceof RetryLaterError ? err.afterMs : backoffMs(attempts, WEBHOOK_EVENT_RETRY);
      finishWebhookEvent(db, row.id, { state: failed ? 'failed' : 'queued', attempts, nextAttemptAt: now + wait, lastError: error, now: Date.now() });
    }
  }
  return rows.length;
}

type WorkerState = { running: Promise<void> | null; again: boolean };
const registry = globalThis as unknown as { __helpdeskWebhookWorker?: WorkerState };
const state = (registry.__helpdeskWebhookWorker ??= { running: null, again: false });

/**
 * Handles what a webhook just stored, right away (the agent sees a message within milliseconds of the
 * platform's call, not at the next tick). One drain at a time; a kick during a drain runs one more.
 * Retries and events left over from a restart are picked up by the scheduler's tick.
 */
export function kickWebhookWorker(db: Db): Promise<void> {
  if (state.running) {
    state.again = true;
    return state.running;
  }
  state.running = (async () => {
    try {
      do {
        state.again = false;
        while ((await runWebhookEventsOnce(db)) > 0);
      } while (state.again);
    } catch (err) {
      console.error('Webhook worker failed:', err);
    } finally {
      state.running = null;
    }
  })();
  return state.running;
}
