import { describe, expect, it } from 'vitest';
import { factsOf } from './ticket-facts';
import { ticketEvent, type TicketEventData, type TicketEventType, type Duration } from './ticket-events';

const H = 3600_000;
const T = Date.UTC(2026, 10, 2, 9, 0);
const agent = { kind: 'agent', agentId: 4 } as const;
const cal = (ms: number, businessMs: number | null = null): Duration => ({ calendarMs: ms, businessMs, calendarId: null, policyId: null });
const e = <K extends TicketEventType>(type: K, data: TicketEventData<K>, atH: number) => ticketEvent(7, type, data, agent, T + atH * H);
const created = e('created', { channelId: 1, channel: 'email', teamId: 2, priority: 'normal', assigneeId: null, formId: null }, 0);

describe('a ticket’s facts from its history', () => {
  it('first response from the first public reply (a note and an acknowledgement are none), FCR counts before the first solve', () => {
    const f = factsOf(7, [
      created,
      e('customer_message', { messageId: 1 }, 0),
      e('acknowledgement_sent', { messageId: 2 }, 0),
      e('internal_note', { messageId: 3 }, 1),
      e('assignee_changed', { from: null, to: 4 }, 1),
      e('public_reply', { messageId: 4, firstResponse: cal(2 * H) }, 2),
      e('status_changed', { from: 'open', to: 'solved', resolution: cal(3 * H) }, 3),
      e('team_changed', { from: 2, to: 5 }, 4),
      e('status_changed', { from: 'solved', to: 'open' }, 30),
      e('public_reply', { messageId: 5 }, 31),
      e('status_changed', { from: 'open', to: 'solved', resolution: cal(31 * H) }, 32),
      e('status_changed', { from: 'solved', to: 'closed' }, 100),
    ]);
    expect(f).toMatchObject({
      ticketId: 7,
      channel: 'email',
      createdAt: T,
      firstCustomerMessageAt: T,
      firstResponseAt: T + 2 * H,
      firstResponseCalendarMs: 2 * H,
      publicReplies: 2,
      repliesBeforeFirstSolve: 1,
      firstSolvedAt: T + 3 * H,
      lastSolvedAt: T + 32 * H,
      resolutionCalendarMs: 3 * H,
      // Credited to the team and agent that solved it first, wherever it moved later.
      solvedTeamId: 2,
      solvedAssigneeId: 4,
      teamId: 5,
      reopenCount: 1,
      firstReopenAt: T + 30 * H,
      lastEventAt: T + 100 * H,
    });
  });

  it('a ticket solved without a reply has no first response; a reopen before any solve is no first reopen', () => {
    const f = factsOf(7, [created, e('status_changed', { from: 'new', to: 'closed' }, 1), e('status_changed', { from: 'closed', to: 'open' }, 2)]);
    expect(f).toMatchObject({ firstResponseAt: null, repliesBeforeFirstSolve: 0, firstSolvedAt: null, reopenCount: 1, firstReopenAt: null });
  });

  it('SLA outcomes of the first cycle in business time, breaches count as missed, later cycles do not change them', () => {
    const sla = (target: 'first_response' | 'resolution', cycle: number, met: boolean, business: number) =>
      e('sla_met', { target, cycle, met, targetMs: H, overByMs: 0, duration: cal(5 * H, business) }, 5);
    const f = factsOf(7, [
      created,
      e('sla_breached', { target: 'first_response', cycle: 1, dueAt: T + H }, 1),
      e('public_reply', { messageId: 4, firstResponse: cal(2 * H) }, 2),
      sla('first_response', 1, false, 90 * 60_000),
      sla('resolution', 1, true, 2 * H),
      sla('resolution', 2, false, 9 * H),
      e('sla_breached', { target: 'resolution', cycle: 2, dueAt: T + 9 * H }, 9),
    ]);
    expect(f).toMatchObject({ firstResponseMet: false, firstResponseBusinessMs: 90 * 60_000, resolutionMet: true, resolutionBusinessMs: 2 * H });
    expect(factsOf(7, [created, e('sla_breached', { target: 'resolution', cycle: 1, dueAt: T }, 1)]).resolutionMet).toBe(false);
  });

  it('the latest survey answer of each type counts; spam follows its marks; priority its changes', () => {
    const answered = (type: 'csat' | 'nps' | 'ces', score: number, max: number, atH: number) =>
      e(
        'survey_answered',
        {
          requestId: 1,
          answerId: atH,
          type,
          scale: { min: 1, max },
          score,
          reason: null,
          comment: false,
          channel: 'email',
          agentId: 4,
          teamId: 2,
          changed: false,
          unhappy: false,
        },
        atH,
      );
    const f = factsOf(7, [
      created,
      answered('csat', 2, 5, 1),
      answered('csat', 4, 5, 2),
      answered('nps', 9, 10, 3),
      answered('ces', 6, 7, 4),
      e('marked_spam', {}, 5),
      e('priority_changed', { from: 'normal', to: 'urgent' }, 6),
    ]);
    expect(f).toMatchObject({ csatScore: 4, csatMax: 5, npsScore: 9, cesScore: 6, isSpam: true, priority: 'urgent' });
    expect(factsOf(7, [created, e('marked_spam', {}, 1), e('marked_not_spam', {}, 2)]).isSpam).toBe(false);
  });
});
