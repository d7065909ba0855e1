import type { Tx } from '@/db/client';
import type { CustomerUpdateKind } from '@/lib/customer-updates';
import type { NewTicketEvent } from '@/lib/ticket-events';
import { scheduleJob } from '@/server/jobs/durable-jobs';

export const CUSTOMER_UPDATE_JOB = 'customer-update';
/** Rapid changes (pending, then open again a minute later) settle before anything is sent. */
export const UPDATE_DEBOUNCE_MS = 2 * 60_000;
export type CustomerUpdatePayload = { ticketId: number; kind: CustomerUpdateKind; changedAt: number };

/**
 * What a write means for the customer, from the events it recorded: an agent taking the ticket
 * (assigned where nobody was), waiting for the customer (pending), solved. Internal changes (team,
 * priority, tags, notes, a reassignment between agents) are nothing to tell.
 */
export function updateKindOf(events: readonly NewTicketEvent[]): CustomerUpdateKind | null {
  let kind: CustomerUpdateKind | null = null;
  for (const e of events) {
    if (e.type === 'assignee_changed' && e.data.from === null && e.data.to !== null) kind ??= 'working';
    if (e.type === 'status_changed' && e.data.to === 'pending') kind = 'waiting';
    if (e.type === 'status_changed' && e.data.to === 'solved') kind = 'solved';
  }
  return kind;
}

/**
 * Plans the progress message inside the write's transaction as one durable job per ticket: a later
 * change re-plans (replaces) it, so only the state the ticket settles in is told, once the debounce has
 * passed. Whether the team sends it at all is read when it is due (send-customer-update.ts).
 */
export function planCustomerUpdate(tx: Tx, ticketId: number, events: readonly NewTicketEvent[], now: number) {
  const kind = updateKindOf(events);
  if (!kind) return;
  const payload: CustomerUpdatePayload = { ticketId, kind, changedAt: now };
  scheduleJob(tx, { id: `${CUSTOMER_UPDATE_JOB}:${ticketId}`, kind: CUSTOMER_UPDATE_JOB, payload, runAt: now + UPDATE_DEBOUNCE_MS }, now);
}
