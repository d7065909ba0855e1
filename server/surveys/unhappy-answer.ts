import type { Tx } from '@/db/client';
import { linkTickets } from '@/db/queries/inbound';
import { insertNotifications, listNotifiableAgentIds } from '@/db/queries/notifications';
import * as sq from '@/db/queries/surveys';
import * as q from '@/db/queries/tickets';
import type { SurveyPolicyDefinition } from '@/db/schema';
import { ticketEvent, type NewTicketEvent } from '@/lib/ticket-events';
import { leadsOf } from '@/server/notifications/notify-sla';
import { applySla } from '@/server/sla/apply-sla';
import { decide } from '@/server/tickets/status-machine';

const SYSTEM = { kind: 'system' } as const;

/**
 * What an unhappy answer sets in motion, once per survey (a changed answer does not repeat it): the
 * leads of the team that solved it are notified, the policy's tag is added, and the ticket is reopened
 * or a linked follow-up ticket opened (a closed ticket cannot reopen: it gets the follow-up). Returns the
 * agents told, for the live push.
 */
export function handleUnhappyAnswer(
  tx: Tx,
  request: sq.SurveyRequestRow,
  answer: sq.SurveyAnswerRow,
  actions: SurveyPolicyDefinition['unhappy'],
  now: number,
): number[] {
  if (!sq.claimUnhappyHandling(tx, request.id, now)) return [];
  const ticket = q.findTicket(tx, request.ticketId);
  if (!ticket) return [];
  const events: NewTicketEvent[] = [];
  if (actions.tag) {
    const before = q.listTicketTags(tx, ticket.id).map((t) => t.name);
    if (!before.includes(actions.tag)) {
      q.replaceTicketTags(tx, ticket.id, q.ensureTags(tx, [...before, actions.tag]));
      events.push(ticketEvent(ticket.id, 'tags_changed', { added: [actions.tag], removed: [] }, SYSTEM, now));
    }
  }
  let followUpId: number | null = null;
  if (actions.action === 'reopen' && ticket.status === 'solved') {
    const transition = decide(ticket, { kind: 'set_status', to: 'open' }, SYSTEM, now);
    q.updateTicketColumns(tx, ticket.id, { ...transition.cols, updatedAt: now });
    events.push(...transition.events);
  } else if (actions.action !== 'none') {
    followUpId = openFollowUp(tx, ticket, request, answer, now);
  }
  q.insertEvents(tx, events);
  applySla(tx, ticket.id, now);

  const told = actions.notifyLead ? listNotifiableAgentIds(tx, leadsOf(tx, request.teamId), 'survey_unhappy') : [];
  insertNotifications(
    tx,
    told.map((agentId) => ({ agentId, kind: 'survey_unhappy', ticketId: followUpId ?? ticket.id, surveyAnswerId: answer.id, createdAt: now })),
  );
  return told;
}

function openFollowUp(tx: Tx, ticket: q.TicketRow, request: sq.SurveyRequestRow, answer: sq.SurveyAnswerRow, now: number): number {
  const followUp = q.insertTicket(tx, {
    number: q.nextTicketNumber(tx),
    subject: ticket.subject,
    status: 'new',
    priority: ticket.priority,
    channelId: ticket.channelId,
    customerId: ticket.customerId,
    assigneeId: request.agentId,
    teamId: request.teamId,
    createdAt: now,
    updatedAt: now,
    lastActivityAt: now,
    isSpam: false,
  });
  const channel = q.findTicketWithChannel(tx, ticket.id)!.channel;
  q.updateTicketColumns(tx, followUp.id, { preview: answer.comment?.slice(0, 200) ?? '' });
  linkTickets(tx, followUp.id, ticket.id, 'follow_up', now);
  q.insertEvents(tx, [
    ticketEvent(
      followUp.id,
      'created',
      { channelId: ticket.channelId, channel: channel.kind, teamId: request.teamId, priority: ticket.priority, assigneeId: request.agentId, formId: null },
      SYSTEM,
      now,
    ),
    ticketEvent(
      followUp.id,
      'survey_follow_up',
      { fromTicketId: ticket.id, fromNumber: ticket.number, requestId: request.id, answerId: answer.id },
      SYSTEM,
      now,
    ),
  ]);
  applySla(tx, followUp.id, now);
  return followUp.id;
}
