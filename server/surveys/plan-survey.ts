import type { Tx } from '@/db/client';
import { findJob } from '@/db/queries/jobs';
import { listSurveyPolicies } from '@/db/queries/surveys';
import { findTicketWithChannel } from '@/db/queries/tickets';
import { matchPolicy } from '@/lib/sla-policy';
import type { NewTicketEvent } from '@/lib/ticket-events';
import { scheduleJob } from '@/server/jobs/durable-jobs';
import { withinTeamHours } from '@/server/teams/team-business-hours';
import { conditionFactsOf } from '@/server/tickets/condition-facts';

export const SURVEY_JOB = 'survey-send';
export type SurveyJobPayload = { ticketId: number; cycle: number; policyId: number; solvedAt: number };

/** One survey per ticket and solve cycle: the cycle is the reopen count at solving plus one. */
export const surveyJobId = (ticketId: number, cycle: number) => `survey:${ticketId}:${cycle}`;

/**
 * On the change to solved, inside the transaction that made it: the first enabled survey policy whose
 * conditions the ticket meets plans its send as a durable job (after its delay, moved into the team's
 * business hours if it asks). Whether it still goes out is decided when it is due (send-survey.ts). A
 * cycle whose job exists already (run, skipped or waiting) is never planned twice.
 */
export function planSurvey(tx: Tx, ticketId: number, events: readonly NewTicketEvent[], now: number) {
  if (!events.some((e) => e.type === 'status_changed' && e.data.to === 'solved')) return;
  // Read after the write: a team set in the same step as solving is the team whose hours count.
  const row = findTicketWithChannel(tx, ticketId);
  if (!row) return;
  const { ticket, channel } = row;
  const cycle = ticket.reopenCount + 1;
  const id = surveyJobId(ticket.id, cycle);
  if (findJob(tx, id)) return;
  const policies = listSurveyPolicies(tx).map((p) => ({ ...p, conditions: p.definition.conditions }));
  const policy = matchPolicy(policies, conditionFactsOf(tx, ticket, channel.kind));
  if (!policy) return;
  const due = now + policy.definition.delayMinutes * 60_000;
  const runAt = policy.definition.businessHours ? withinTeamHours(tx, ticket.teamId, due) : due;
  const payload: SurveyJobPayload = { ticketId: ticket.id, cycle, policyId: policy.id, solvedAt: now };
  scheduleJob(tx, { id, kind: SURVEY_JOB, payload, runAt }, now);
}
