import type { Tx } from '@/db/client';
import * as q from '@/db/queries/tickets';
import * as slaQ from '@/db/queries/sla';
import { findCalendar } from '@/db/queries/calendars';
import type { TicketSlaTargetRow } from '@/db/schema';
import type { TicketStatus } from '@/lib/domain';
import { matchPolicy } from '@/lib/sla-policy';
import { conditionFactsOf } from '@/server/tickets/condition-facts';
import { ticketEvent, type NewTicketEvent } from '@/lib/ticket-events';
import { cancelJob, scheduleJob } from '@/server/jobs/durable-jobs';
import { planTargets, type PlannedTarget, type TicketTimeline } from './plan-targets';

const SYSTEM = { kind: 'system' } as const;
export const SLA_JOB = 'sla-check';

/**
 * Brings a ticket's SLA targets in line with its history and the policy that covers it now, inside the
 * caller's transaction: called after every write that can move a clock (a new ticket, a message, a reply,
 * a status, priority, team, tag or form-answer change) and by the target's own due jobs. Ended targets stay
 * as they ended; running ones follow the current policy (a move is recorded); a warning or breach whose
 * moment has passed is recorded once, at that moment. Then the due jobs are planned for what still runs.
 * Returns what it recorded (a job tells the agents then; a write that called it does anyway).
 */
export function applySla(tx: Tx, ticketId: number, now: number): { recorded: NewTicketEvent[] } {
  const row = q.findTicketWithChannel(tx, ticketId);
  if (!row) return { recorded: [] };
  const ticket = row.ticket;
  const stored = new Map(slaQ.listTicketSlaTargets(tx, ticketId).map((r) => [keyOf(r), r]));
  const policies = slaQ.listSlaPolicies(tx);
  // Most writes meet neither a policy nor a target: nothing to read further.
  if (policies.length === 0 && stored.size === 0) return { recorded: [] };

  // Spam is nobody's work: no clock runs on it (one that ran stops; releasing it plans again).
  const policy = ticket.isSpam
    ? null
    : matchPolicy(
        policies.map((p) => ({ ...p, conditions: p.definition.conditions })),
        conditionFactsOf(tx, ticket, row.channel.kind),
      );
  const calendar = policy?.calendarId ? (findCalendar(tx, policy.calendarId) ?? null) : null;
  // Met targets are settled: the plan leaves them out, and they stay as they are.
  const planned = planTargets(timelineOf(tx, ticket), policy, calendar, (target, cycle) => stored.get(keyOf({ target, cycle }))?.state === 'met');
  const events: NewTicketEvent[] = [];
  const current: TicketSlaTargetRow[] = [];
  let changed = false;

  for (const p of planned) {
    const before = stored.get(keyOf(p));
    stored.delete(keyOf(p));
    // A target stopped by solving stays stopped; one stopped only because no policy asked for it runs again once one does.
    if (before?.state === 'stopped' && p.endedAt !== null) {
      current.push(before);
      continue;
    }
    const next = merge(ticketId, before, p);
    // A target starting is its row (start, due time, policy); the history records only a move.
    if (before && (countedDifferently(before, next) || before.state === 'stopped')) {
      events.push(
        ticketEvent(
          ticketId,
          'sla_planned',
          { target: p.target, cycle: p.cycle, policyId: p.policyId, policy: p.policyName, dueAt: next.dueAt, previousDueAt: before.dueAt },
          SYSTEM,
          now,
        ),
      );
    }
    events.push(...catchUp(next, now));
    if (next.state === 'met') events.push(metEvent(next, p.countedMs!));
    if (next.state === 'stopped')
      events.push(ticketEvent(ticketId, 'sla_stopped', { target: next.target, cycle: next.cycle, reason: 'solved' }, SYSTEM, next.endedAt!));
    current.push(next);
    // Most writes leave a target as it was (a note, a tag): nothing to store, the job stands.
    if (before && sameRow(before, next)) continue;
    slaQ.upsertTicketSlaTarget(tx, next);
    changed = true;
  }
  // Running targets no policy asks for any more (another priority, the policy disabled or its conditions unmet);
  // the met ones were left out of the plan on purpose and stay.
  for (const left of stored.values()) {
    if (left.state === 'met') current.push(left);
    if (left.state === 'met' || left.state === 'stopped') continue;
    const stopped = { ...left, state: 'stopped' as const, dueAt: null, warnAt: null, endedAt: now, calendarMs: now - left.startedAt, businessMs: null };
    events.push(ticketEvent(ticketId, 'sla_stopped', { target: left.target, cycle: left.cycle, reason: 'policy_changed' }, SYSTEM, now));
    slaQ.upsertTicketSlaTarget(tx, stopped);
    changed = true;
    current.push(stopped);
  }
  if (changed) planJob(tx, ticketId, current, now);

  const soonest = current.filter((r) => r.state === 'running' && r.dueAt !== null).sort((a, b) => a.dueAt! - b.dueAt!)[0];
  const columns = { slaDueAt: soonest?.dueAt ?? null, slaTarget: soonest?.target ?? null, slaWarnAt: soonest?.warnAt ?? null };
  // Unchanged on most messages; a write would touch the due-time index for nothing.
  if (columns.slaDueAt !== ticket.slaDueAt || columns.slaTarget !== ticket.slaTarget || columns.slaWarnAt !== ticket.slaWarnAt)
    q.updateTicketColumns(tx, ticketId, columns);
  q.insertEvents(tx, events);
  return { recorded: events };
}

const keyOf = (r: { target: string; cycle: number }) => `${r.target}:${r.cycle}`;

const sameRow = (a: TicketSlaTargetRow, b: TicketSlaTargetRow) =>
  (Object.keys(b) as (keyof TicketSlaTargetRow)[]).every((k) => (k === 'pauses' ? JSON.stringify(a.pauses) === JSON.stringify(b.pauses) : a[k] === b[k]));

/** The planned target as a row, keeping what was already recorded of its warning and breach. */
function merge(ticketId: number, before: TicketSlaTargetRow | undefined, p: PlannedTarget): TicketSlaTargetRow {
  const { countedMs: _counted, ...fields } = p;
  return { ticketId, ...fields, warnedAt: before?.warnedAt ?? null, breachedAt: before?.breachedAt ?? null };
}

/** A running target counted under other terms than before (policy, priority, clock, calendar): a move to record, unlike a pause. */
function countedDifferently(a: TicketSlaTargetRow, b: TicketSlaTargetRow) {
  return a.policyId !== b.policyId || a.targetMs !== b.targetMs || a.clock !== b.clock || a.calendarId !== b.calendarId;
}

/** The warning and the breach whose moment came while the target ran, each recorded once, at its moment. */
function catchUp(r: TicketSlaTargetRow, now: number): NewTicketEvent[] {
  const until = r.endedAt ?? now;
  const out: NewTicketEvent[] = [];
  if (r.warnAt !== null && r.warnedAt === null && r.warnAt <= until && (r.endedAt === null || r.warnAt < r.endedAt)) {
    r.warnedAt = r.warnAt;
    out.push(ticketEvent(r.ticketId, 'sla_warning', { target: r.target, cycle: r.cycle, dueAt: r.dueAt! }, SYSTEM, r.warnAt));
  }
  if (r.dueAt !== null && r.breachedAt === null && (r.endedAt === null ? r.dueAt <= now : r.dueAt < r.endedAt)) {
    r.breachedAt = r.dueAt;
    out.push(ticketEvent(r.ticketId, 'sla_breached', { target: r.target, cycle: r.cycle, dueAt: r.dueAt }, SYSTEM, r.dueAt));
  }
  return out;
}

function metEvent(r: TicketSlaTargetRow, countedMs: number): NewTicketEvent {
  const met = r.dueAt === null || r.endedAt! <= r.dueAt;
  return ticketEvent(
    r.ticketId,
    'sla_met',
    {
      target: r.target,
      cycle: r.cycle,
      met,
      targetMs: r.targetMs,
      overByMs: met ? 0 : Math.max(0, countedMs - r.targetMs),
      duration: { calendarMs: r.calendarMs!, businessMs: r.businessMs, calendarId: r.calendarId, policyId: r.policyId },
    },
    SYSTEM,
    r.endedAt!,
  );
}

/**
 * One job per ticket, at its next moment still ahead (a warning or a due time of a running target): when
 * it fires, the ticket is planned again, which records what came due and plans the job for the moment
 * after. A ticket with nothing ahead has none.
 */
function planJob(tx: Tx, ticketId: number, rows: readonly TicketSlaTargetRow[], now: number) {
  const ahead = rows
    .filter((r) => r.state === 'running')
    .flatMap((r) => [r.warnedAt === null ? r.warnAt : null, r.breachedAt === null ? r.dueAt : null])
    .filter((at): at is number => at !== null);
  const id = `sla:${ticketId}`;
  if (ahead.length) scheduleJob(tx, { id, kind: SLA_JOB, payload: { ticketId }, runAt: Math.min(...ahead) }, now);
  else cancelJob(tx, id, now);
}

/** The ticket's history as the clocks read it: it started in the status its first change left (new, for every ticket ingest opens). */
function timelineOf(tx: Tx, ticket: q.TicketRow): TicketTimeline {
  const t: TicketTimeline = { createdAt: ticket.createdAt, priority: ticket.priority, statuses: [], customerMessages: [], publicReplies: [] };
  for (const e of slaQ.listSlaTimelineEvents(tx, ticket.id)) {
    const change = e.data as { from: TicketStatus; to: TicketStatus };
    if (e.type === 'status_changed' && t.statuses.length === 0) t.statuses.push({ at: ticket.createdAt, status: change.from });
    if (e.type === 'status_changed') t.statuses.push({ at: e.createdAt, status: change.to });
    else if (e.type === 'customer_message') t.customerMessages.push(e.createdAt);
    else if (e.type === 'public_reply') t.publicReplies.push(e.createdAt);
  }
  if (t.statuses.length === 0) t.statuses.push({ at: ticket.createdAt, status: ticket.status });
  return t;
}
