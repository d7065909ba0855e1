import { type Db, type Tx, transact } from '@/db/client';
import * as q from '@/db/queries/tickets';
import { notifyAgents } from '@/server/notifications/notify-agents';
import { MAX_SNOOZE_MS, MAX_SNOOZE_REASON } from '@/lib/snooze';
import type { Viewer } from '@/server/auth/sessions';
import { DomainError } from '@/server/errors/domain-error';
import { registerJobHandler, scheduleJob } from '@/server/jobs/durable-jobs';
import { getBus } from '@/server/realtime/bus';
import { applySla } from '@/server/sla/apply-sla';
import { decide, type TicketAction, type Transition } from './status-machine';
import { accessibleTicket } from './ticket-access';

export const SNOOZE_JOB = 'snooze';

/**
 * Puts a ticket away until `until`, with an optional reason shown beside it: it waits (pending, or on hold
 * if it was there) and a durable job brings it back then. Snoozing again moves the one job (its id is the
 * ticket's). The customer writing, or an agent reopening it, ends the snooze sooner (the status machine).
 */
export function snoozeTicket(db: Db, viewer: Viewer, ticketId: number, input: { until: number; reason?: string | null }, now = Date.now()) {
  if (input.until <= now) throw new DomainError('BAD_REQUEST', 'snooze_in_past');
  if (input.until > now + MAX_SNOOZE_MS) throw new DomainError('BAD_REQUEST', 'snooze_too_far');
  const reason = input.reason?.trim().slice(0, MAX_SNOOZE_REASON) || null;
  const status = transact(db, (tx) => {
    const ticket = accessibleTicket(tx, viewer, ticketId);
    const change = applyAction(tx, ticket, { kind: 'snooze', until: input.until, reason }, { kind: 'agent', agentId: viewer.id }, now);
    scheduleJob(tx, { id: `${SNOOZE_JOB}:${ticketId}`, kind: SNOOZE_JOB, payload: { ticketId, until: input.until }, runAt: input.until }, now);
    return change.status;
  });
  announce(ticketId, status, viewer.id);
  return { snoozedUntil: input.until };
}

/**
 * When the time comes: back to open, and the assignee is told. A job whose snooze already ended (the
 * customer wrote) or was moved (snoozed again: the payload's time no longer matches) does nothing.
 */
export function registerSnoozeJobs() {
  registerJobHandler(SNOOZE_JOB, (tx, payload, { now, afterCommit }) => {
    const p = payload as { ticketId: number; until: number };
    const ticket = q.findTicket(tx, p.ticketId);
    if (!ticket || ticket.snoozedUntil !== p.until) return;
    const change = applyAction(tx, ticket, { kind: 'wake' }, { kind: 'system' }, now);
    const told = notifyAgents(tx, 'snooze_ended', [ticket.assigneeId], { ticketId: ticket.id, createdAt: now });
    afterCommit(() => {
      announce(ticket.id, change.status, null);
      if (told.length) getBus().emit('notifications.new', { agentIds: told });
    });
  });
}

function applyAction(tx: Tx, ticket: q.TicketRow, action: TicketAction, actor: Parameters<typeof decide>[2], now: number): Transition {
  const change = decide(ticket, action, actor, now);
  if (change.events.length === 0) return change;
  q.updateTicketColumns(tx, ticket.id, { ...change.cols, updatedAt: now });
  q.insertEvents(tx, change.events);
  // Waiting pauses the clocks the SLA policy pauses on that status; coming back restarts them.
  applySla(tx, ticket.id, now);
  return change;
}

function announce(ticketId: number, status: Transition['status'], actorAgentId: number | null) {
  if (status) getBus().emit('ticket.status', { ticketId, ...status });
  getBus().emit('ticket.changed', { ticketId, kind: 'updated', actorAgentId });
}
