import type { BusinessCalendar } from '@/lib/business-hours';
import type { Priority, TicketStatus } from '@/lib/domain';
import { dueAt, elapsedMs, type Pause } from '@/lib/sla-clock';
import { pausingStatuses, warningLeadMs, type SlaTarget } from '@/lib/sla-policy';
import type { SlaPolicyDefinition } from '@/db/schema';

/**
 * What a ticket's SLA targets are, derived from its history alone: which targets ran in which cycle,
 * from when, paused when, due when, and how each ended. Pure, so the same history always gives the same
 * plan: applying it again changes nothing, a job firing twice finds nothing new, and a re-plan after a
 * policy or priority change moves only what is still running.
 *
 * - first response: from creation to the first public agent reply (once per ticket);
 * - next response: from the oldest customer message no public reply has answered yet (after the first
 *   response) to the next public reply; a new turn after each answer, a fresh one after a reopen;
 * - resolution: from creation, or from a reopen, to the next solve (one cycle per solve).
 * Solving stops every running clock; pausing statuses (per policy) pause the clocks they name.
 */

export type TicketTimeline = {
  createdAt: number;
  priority: Priority;
  /** Every status the ticket entered, oldest first, starting with its first. */
  statuses: { at: number; status: TicketStatus }[];
  customerMessages: number[];
  publicReplies: number[];
};

export type PlanPolicy = { id: number; name: string; calendarId: number | null; definition: SlaPolicyDefinition };
export type PlanCalendar = { id: number; name: string } & BusinessCalendar;

export type PlannedTarget = {
  target: SlaTarget;
  cycle: number;
  policyId: number;
  policyName: string;
  calendarId: number | null;
  calendarName: string | null;
  clock: 'business' | 'calendar';
  targetMs: number;
  warningLeadMs: number | null;
  startedAt: number;
  pauses: Pause[];
  state: 'running' | 'paused' | 'met' | 'stopped';
  dueAt: number | null;
  warnAt: number | null;
  endedAt: number | null;
  /** Set when it ended: how long it ran by the wall clock, and in business time on the policy's calendar (null without one). */
  calendarMs: number | null;
  businessMs: number | null;
  /** Set when it ended: the time the target's own clock counted (pauses left out), against `targetMs`. */
  countedMs: number | null;
};

const ENDED: readonly TicketStatus[] = ['solved', 'closed'];

type Interval = { target: SlaTarget; cycle: number; start: number; end: number | null; endKind: 'met' | 'stopped' | null };

/** The intervals each target ran in, per cycle, from the ticket's history. */
export function targetIntervals(t: TicketTimeline): Interval[] {
  const out: Interval[] = [];
  type Item = { at: number; kind: 'status'; status: TicketStatus } | { at: number; kind: 'customer' } | { at: number; kind: 'reply' };
  const items: Item[] = [
    ...t.statuses.map((s) => ({ at: s.at, kind: 'status' as const, status: s.status })),
    ...t.customerMessages.map((at) => ({ at, kind: 'customer' as const })),
    ...t.publicReplies.map((at) => ({ at, kind: 'reply' as const })),
  ];
  // At the same instant a message comes before the status change it caused (a reply "and set solved").
  const order = { customer: 0, reply: 1, status: 2 } as const;
  items.sort((a, b) => a.at - b.at || order[a.kind] - order[b.kind]);

  const first: Interval = { target: 'first_response', cycle: 1, start: t.createdAt, end: null, endKind: null };
  out.push(first);
  let resolution: Interval = { target: 'resolution', cycle: 1, start: t.createdAt, end: null, endKind: null };
  out.push(resolution);
  let next: Interval | null = null;
  let turns = 0;
  let status: TicketStatus = t.statuses[0]?.status ?? 'new';
  let responded = false;
  const end = (i: Interval | null, at: number, kind: 'met' | 'stopped') => {
    if (i && i.end === null) Object.assign(i, { end: at, endKind: kind });
  };
  for (const item of items) {
    if (item.kind === 'reply') {
      if (!responded) end(first, item.at, 'met');
      responded = true;
      end(next, item.at, 'met');
      next = null;
    } else if (item.kind === 'customer') {
      // The message that opened the ticket is the first response's to answer, not a turn of its own.
      if (responded && !next && !ENDED.includes(status))
        out.push((next = { target: 'next_response', cycle: ++turns, start: item.at, end: null, endKind: null }));
    } else {
      const was = status;
      status = item.status;
      if (ENDED.includes(status) && !ENDED.includes(was)) {
        end(first, item.at, 'stopped');
        end(next, item.at, 'stopped');
        next = null;
        end(resolution, item.at, 'met');
      } else if (!ENDED.includes(status) && ENDED.includes(was)) {
        // Reopened: a new resolution cycle, and the message that reopened it starts a fresh turn.
        out.push((resolution = { target: 'resolution', cycle: resolution.cycle + 1, start: item.at, end: null, endKind: null }));
        const reopener = t.customerMessages.find((m) => m === item.at);
        // Answered before or not, someone now owes the customer an answer.
        if (reopener !== undefined) out.push((next = { target: 'next_response', cycle: ++turns, start: reopener, end: null, endKind: null }));
      }
    }
  }
  return out;
}

/** The pauses within [start, end) for a target: the stretches spent in a status that pauses it. */
function pausesOf(t: TicketTimeline, pausing: readonly TicketStatus[], start: number, end: number | null): Pause[] {
  const out: Pause[] = [];
  for (let i = 0; i < t.statuses.length; i++) {
    const s = t.statuses[i]!;
    if (!pausing.includes(s.status)) continue;
    const to = t.statuses[i + 1]?.at ?? null;
    const from = Math.max(s.at, start);
    const until = to === null ? end : end === null ? to : Math.min(to, end);
    if (until !== null && until <= from) continue;
    out.push([from, until]);
  }
  return out;
}

/**
 * The plan under a policy (null: no policy covers the ticket, so nothing is planned). `settled` names
 * targets already met, which nothing changes any more: they are left out rather than counted again (a
 * long chat has hundreds of answered turns).
 */
export function planTargets(
  t: TicketTimeline,
  policy: PlanPolicy | null,
  calendar: PlanCalendar | null,
  settled?: (target: SlaTarget, cycle: number) => boolean,
): PlannedTarget[] {
  if (!policy) return [];
  const specs = policy.definition.targets[t.priority];
  const planned: PlannedTarget[] = [];
  for (const i of targetIntervals(t)) {
    const spec = specs[i.target];
    if (!spec || settled?.(i.target, i.cycle)) continue;
    const cal = spec.clock === 'business' ? calendar : null;
    const targetMs = spec.minutes * 60_000;
    const lead = warningLeadMs(spec);
    const pauses = pausesOf(t, pausingStatuses(policy.definition.pauses, i.target), i.start, i.end);
    const paused = i.end === null && pauses.some(([, to]) => to === null);
    const due = dueAt(cal, i.start, targetMs, pauses);
    const warn = lead === null ? null : dueAt(cal, i.start, Math.max(0, targetMs - lead), pauses);
    const ended = i.end !== null;
    planned.push({
      target: i.target,
      cycle: i.cycle,
      policyId: policy.id,
      policyName: policy.name,
      calendarId: cal ? (calendar?.id ?? null) : null,
      calendarName: cal ? (calendar?.name ?? null) : null,
      clock: spec.clock,
      targetMs,
      warningLeadMs: lead,
      startedAt: i.start,
      pauses,
      state: ended ? i.endKind! : paused ? 'paused' : 'running',
      dueAt: paused ? null : due,
      warnAt: paused ? null : warn,
      endedAt: i.end,
      calendarMs: ended ? i.end! - i.start : null,
      businessMs: ended && calendar ? elapsedMs(calendar, i.start, i.end!, pauses) : null,
      countedMs: ended ? elapsedMs(cal, i.start, i.end!, pauses) : null,
    });
  }
  return planned;
}
