import type { ChannelKind, Priority } from './domain';
import type { TypedTicketEvent } from './ticket-events';

/**
 * What the dashboard counts about one ticket, folded from its history alone (DESIGN.md §5): when the
 * customer first wrote and was first answered, how many public agent replies came before the first
 * solve (FCR), when it was solved and reopened, the durations in calendar and business time, whether
 * the first-response and resolution targets were met, and the latest survey answer of each type. The
 * same fold keeps the row current as events are written and rebuilds it from `ticket_events`, so the two
 * can never disagree. Universal: a pure function of the events.
 */
export type TicketFacts = {
  ticketId: number;
  channel: ChannelKind | null;
  teamId: number | null;
  assigneeId: number | null;
  priority: Priority | null;
  createdAt: number | null;
  firstCustomerMessageAt: number | null;
  firstResponseAt: number | null;
  firstResponseCalendarMs: number | null;
  firstResponseBusinessMs: number | null;
  publicReplies: number;
  /** Public agent replies before the first solve: 1 is a first-contact resolution (unless reopened within the window). */
  repliesBeforeFirstSolve: number;
  firstSolvedAt: number | null;
  lastSolvedAt: number | null;
  resolutionCalendarMs: number | null;
  resolutionBusinessMs: number | null;
  /** The team and agent when it was first solved: whom a resolution is credited to. */
  solvedTeamId: number | null;
  solvedAssigneeId: number | null;
  reopenCount: number;
  /** The first reopen after the first solve (FCR looks whether it falls within the reopen window). */
  firstReopenAt: number | null;
  firstResponseMet: boolean | null;
  resolutionMet: boolean | null;
  isSpam: boolean;
  csatScore: number | null;
  /** The scale the CSAT answer was given on (its satisfied share is read as a position on it). */
  csatMin: number | null;
  csatMax: number | null;
  npsScore: number | null;
  cesScore: number | null;
  /** The time of the last event folded in: an event written later but dated earlier (an SLA moment caught up) means fold again from the start. */
  lastEventAt: number | null;
};

export function emptyFacts(ticketId: number): TicketFacts {
  return {
    ticketId,
    channel: null,
    teamId: null,
    assigneeId: null,
    priority: null,
    createdAt: null,
    firstCustomerMessageAt: null,
    firstResponseAt: null,
    firstResponseCalendarMs: null,
    firstResponseBusinessMs: null,
    publicReplies: 0,
    repliesBeforeFirstSolve: 0,
    firstSolvedAt: null,
    lastSolvedAt: null,
    resolutionCalendarMs: null,
    resolutionBusinessMs: null,
    solvedTeamId: null,
    solvedAssigneeId: null,
    reopenCount: 0,
    firstReopenAt: null,
    firstResponseMet: null,
    resolutionMet: null,
    isSpam: false,
    csatScore: null,
    csatMin: null,
    csatMax: null,
    npsScore: null,
    cesScore: null,
    lastEventAt: null,
  };
}

const ENDED = new Set(['solved', 'closed']);

/** The facts after one more event (events come in the order they were written). */
export function applyEvent(before: TicketFacts, e: TypedTicketEvent & { createdAt: number }): TicketFacts {
  const at = e.createdAt;
  const f = { ...before, lastEventAt: Math.max(before.lastEventAt ?? at, at) };
  switch (e.type) {
    case 'created':
      return { ...f, channel: e.data.channel, teamId: e.data.teamId, assigneeId: e.data.assigneeId, priority: e.data.priority, createdAt: at };
    case 'customer_message':
      return f.firstCustomerMessageAt === null ? { ...f, firstCustomerMessageAt: at } : f;
    case 'public_reply': {
      const next = { ...f, publicReplies: f.publicReplies + 1, repliesBeforeFirstSolve: f.repliesBeforeFirstSolve + (f.firstSolvedAt === null ? 1 : 0) };
      if (!e.data.firstResponse || f.firstResponseAt !== null) return next;
      const business = e.data.firstResponse.businessMs;
      return {
        ...next,
        firstResponseAt: at,
        firstResponseCalendarMs: e.data.firstResponse.calendarMs,
        firstResponseBusinessMs: business ?? next.firstResponseBusinessMs,
      };
    }
    case 'status_changed': {
      if (e.data.to === 'solved') {
        const first = f.firstSolvedAt === null;
        return {
          ...f,
          lastSolvedAt: at,
          ...(first
            ? {
                firstSolvedAt: at,
                resolutionCalendarMs: e.data.resolution?.calendarMs ?? null,
                // An SLA resolution target's own count (sla_met) wins where the ticket has one.
                resolutionBusinessMs: f.resolutionBusinessMs ?? e.data.resolution?.businessMs ?? null,
                solvedTeamId: f.teamId,
                solvedAssigneeId: f.assigneeId,
              }
            : {}),
        };
      }
      if (ENDED.has(e.data.from) && !ENDED.has(e.data.to)) {
        return { ...f, reopenCount: f.reopenCount + 1, firstReopenAt: f.firstReopenAt ?? (f.firstSolvedAt !== null ? at : null) };
      }
      return f;
    }
    case 'assignee_changed':
      return { ...f, assigneeId: e.data.to };
    case 'team_changed':
      return { ...f, teamId: e.data.to };
    case 'priority_changed':
      return { ...f, priority: e.data.to };
    case 'marked_spam':
      return { ...f, isSpam: true };
    case 'marked_not_spam':
      return { ...f, isSpam: false };
    case 'sla_met':
      // The first cycle's targets: the first response, and the resolution up to the first solve.
      if (e.data.cycle !== 1) return f;
      if (e.data.target === 'first_response')
        return { ...f, firstResponseMet: e.data.met, firstResponseBusinessMs: e.data.duration.businessMs ?? f.firstResponseBusinessMs };
      if (e.data.target === 'resolution')
        return { ...f, resolutionMet: e.data.met, resolutionBusinessMs: e.data.duration.businessMs ?? f.resolutionBusinessMs };
      return f;
    case 'sla_breached':
      if (e.data.cycle !== 1) return f;
      if (e.data.target === 'first_response' && f.firstResponseMet === null) return { ...f, firstResponseMet: false };
      if (e.data.target === 'resolution' && f.resolutionMet === null) return { ...f, resolutionMet: false };
      return f;
    case 'survey_answered':
      if (e.data.type === 'csat') return { ...f, csatScore: e.data.score, csatMin: e.data.scale.min, csatMax: e.data.scale.max };
      return e.data.type === 'nps' ? { ...f, npsScore: e.data.score } : { ...f, cesScore: e.data.score };
    default:
      return f;
  }
}

/** A ticket's facts from its whole history, oldest event first. */
export function factsOf(ticketId: number, events: readonly (TypedTicketEvent & { createdAt: number })[]): TicketFacts {
  return events.reduce(applyEvent, emptyFacts(ticketId));
}
