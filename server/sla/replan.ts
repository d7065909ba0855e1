import type { Tx } from '@/db/client';
import { listTicketIdsAfter } from '@/db/queries/sla';
import { registerJobHandler, scheduleJob } from '@/server/jobs/durable-jobs';
import { applySla, SLA_JOB } from './apply-sla';
import { getBus } from '@/server/realtime/bus';
import { notifySla } from '@/server/notifications/notify-sla';

export const SLA_REPLAN_JOB = 'sla-replan';
/** Tickets re-planned per job run: small enough that one run never holds the write lock for long. */
export const REPLAN_BATCH = 500;

/** After a policy or calendar changes, every open ticket is planned again, a batch per job run, each run handing the rest to the next. */
export function replanBatch(tx: Tx, afterId: number, now: number): { next: number | null; recorded: number[] } {
  const ids = listTicketIdsAfter(tx, afterId, REPLAN_BATCH, { openOnly: true });
  const recorded = ids.filter((id) => applySla(tx, id, now).recorded.length > 0);
  return { next: ids.length === REPLAN_BATCH ? ids.at(-1)! : null, recorded };
}

/** Plans the sweep over every open ticket, in the caller's transaction (it starts once that commits). */
export function replanOpenTickets(tx: Tx, now: number) {
  scheduleJob(tx, { id: SLA_REPLAN_JOB, kind: SLA_REPLAN_JOB, payload: { afterId: 0 }, runAt: now }, now);
}

export function registerSlaJobs() {
  registerJobHandler(SLA_JOB, (tx, payload, { now }) => {
    const { ticketId } = payload as { ticketId: number };
    const { recorded } = applySla(tx, ticketId, now);
    if (recorded.length === 0) return;
    const told = notifySla(tx, recorded, now);
    // Once the job's transaction has committed: the badge turns red, the history shows the breach, the bell rings.
    setImmediate(() => {
      getBus().emit('ticket.changed', { ticketId, kind: 'updated', actorAgentId: null });
      if (told.length) getBus().emit('notifications.new', { agentIds: told });
    });
  });
  registerJobHandler(SLA_REPLAN_JOB, (tx, payload, { now }) => {
    const { next, recorded } = replanBatch(tx, (payload as { afterId: number }).afterId, now);
    // The same id: the rest of the sweep is this job again, so a second change meanwhile restarts it rather than adding one.
    if (next !== null) scheduleJob(tx, { id: SLA_REPLAN_JOB, kind: SLA_REPLAN_JOB, payload: { afterId: next }, runAt: now }, now);
    // Tickets whose targets moved or came due under the new terms: their lists and badges refresh.
    setImmediate(() => recorded.forEach((ticketId) => getBus().emit('ticket.changed', { ticketId, kind: 'updated', actorAgentId: null })));
  });
}
