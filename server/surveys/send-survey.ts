import type { Tx } from '@/db/client';
import { findCustomer } from '@/db/queries/customers';
import * as sq from '@/db/queries/surveys';
import * as q from '@/db/queries/tickets';
import type { ChannelKind } from '@/lib/domain';
import { surveySkipReason } from '@/lib/surveys/survey-eligibility';
import type { SkipReason } from '@/lib/surveys/survey-policy';
import { ticketEvent } from '@/lib/ticket-events';
import { queueOutbound } from '@/server/channels/outbound';
import { unreachableReason } from '@/server/channels/reachability';
import { registerJobHandler } from '@/server/jobs/durable-jobs';
import { getConfig } from '@/server/runtime-config';
import { getBus } from '@/server/realtime/bus';
import { SURVEY_JOB, type SurveyJobPayload } from './plan-survey';
import { surveyChat, surveyEmail } from './survey-content';
import { issueSurveyToken } from './survey-token';

const SYSTEM = { kind: 'system' } as const;
const DAY = 24 * 3600_000;
const MESSENGERS: readonly ChannelKind[] = ['whatsapp', 'messenger', 'telegram'];

/**
 * A planned survey when it is due, in the job's transaction: asks the eligibility rules again (the ticket
 * may have been reopened, the customer may have written, opted out or been surveyed meanwhile) and
 * whether the customer can be reached on the ticket's channel now; then either records the skip with its
 * reason, or writes the survey request, its message on the thread and its delivery in the outbox. The
 * request is unique per ticket and cycle, so a second run finds it and does nothing.
 */
export function sendSurvey(tx: Tx, p: SurveyJobPayload, now: number, afterCommit: (fn: () => void) => void) {
  const row = q.findTicketWithChannel(tx, p.ticketId);
  if (!row || sq.findSurveyRequestOfCycle(tx, p.ticketId, p.cycle)) return;
  const { ticket, channel } = row;
  const policy = sq.findSurveyPolicy(tx, p.policyId);
  const customer = findCustomer(tx, ticket.customerId);
  if (!customer) return;
  const messages = q.listMessages(tx, ticket.id);
  const replies = messages.filter((m) => m.authorKind === 'agent' && !m.isInternal);
  const reason =
    surveySkipReason({
      policyEnabled: !!policy?.enabled,
      stillSolvedInCycle: (ticket.status === 'solved' || ticket.status === 'closed') && ticket.reopenCount + 1 === p.cycle,
      customerWroteSince: sq.customerWroteAfter(tx, customer.id, p.solvedAt),
      isSpam: ticket.isSpam,
      automatic: !!messages.find((m) => m.authorKind === 'customer')?.meta?.autoSubmitted,
      publicAgentReplies: replies.length,
      lastReplyFailed: replies.at(-1)?.deliveryState === 'failed',
      optedOut: customer.surveyOptOutAt !== null,
      lastSurveyedAt: sq.lastSurveySentAt(tx, customer.id),
      quietDays: policy?.definition.quietDays ?? 0,
      now,
    }) ?? unreachableReason(tx, ticket, channel.kind, customer.email, now);
  if (reason || !policy) return skip(tx, ticket.id, p, reason ?? 'policy_disabled', now, afterCommit);

  const { question, answerDays, fallbackLocale } = policy.definition;
  const locale = customer.locale ?? fallbackLocale;
  const answerableUntil = now + answerDays * DAY;
  const request = sq.insertSurveyRequest(tx, {
    ticketId: ticket.id,
    cycle: p.cycle,
    policyId: policy.id,
    customerId: customer.id,
    channelId: channel.id,
    channelKind: channel.kind,
    question,
    locale,
    agentId: ticket.assigneeId,
    teamId: ticket.teamId,
    sentAt: now,
    answerableUntil,
  });
  const context = {
    requestId: request.id,
    token: issueSurveyToken(getConfig().sessionSecret, request.id, answerableUntil),
    question,
    locale,
    ticket: { number: ticket.number, subject: ticket.subject },
  };
  const body = MESSENGERS.includes(channel.kind) ? surveyChat(context) : surveyEmail(context);
  const message = q.insertMessage(tx, {
    ticketId: ticket.id,
    authorKind: 'system',
    bodyText: body.text,
    meta: { autoSubmitted: true, survey: { requestId: request.id } },
    createdAt: now,
  });
  sq.setSurveyMessage(tx, request.id, message.id);
  q.insertEvents(tx, [
    ticketEvent(
      ticket.id,
      'survey_sent',
      { requestId: request.id, policyId: policy.id, cycle: p.cycle, type: question.type, channel: channel.kind },
      SYSTEM,
      now,
    ),
  ]);
  queueOutbound(tx, ticket, channel, message.id, body, now);
  afterCommit(() => {
    getBus().emit('survey.changed', { ticketId: ticket.id });
    getBus().emit('ticket.changed', { ticketId: ticket.id, kind: 'message', actorAgentId: null });
  });
}

function skip(tx: Tx, ticketId: number, p: SurveyJobPayload, reason: SkipReason, now: number, afterCommit: (fn: () => void) => void) {
  q.insertEvents(tx, [ticketEvent(ticketId, 'survey_skipped', { policyId: p.policyId, cycle: p.cycle, reason }, SYSTEM, now)]);
  afterCommit(() => getBus().emit('ticket.changed', { ticketId, kind: 'updated', actorAgentId: null }));
}

export function registerSurveyJobs() {
  registerJobHandler(SURVEY_JOB, (tx, payload, { now, afterCommit }) => sendSurvey(tx, payload as SurveyJobPayload, now, afterCommit));
}
