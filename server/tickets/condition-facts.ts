import type { Tx } from '@/db/client';
import * as q from '@/db/queries/tickets';
import { listCustomerAttributes } from '@/db/queries/customer-attributes';
import { findSubmissionOfTicket } from '@/db/queries/forms';
import type { SlaTicketFacts } from '@/lib/sla-policy';

/**
 * What policy conditions (SLA and survey policies share them) look at on a ticket. Tags, attributes and
 * form answers are read only when a condition asks, since most policies look at channel and team alone.
 */
export function conditionFactsOf(tx: Tx, ticket: q.TicketRow, channel: SlaTicketFacts['channel']): SlaTicketFacts {
  let tags: string[] | undefined;
  let attributes: Map<string, string> | undefined;
  let answers: Map<number, Record<string, unknown>> | undefined;
  return {
    channel,
    priority: ticket.priority,
    teamId: ticket.teamId,
    get tags() {
      return (tags ??= q.listTicketTags(tx, ticket.id).map((t) => t.name));
    },
    get customerAttributes() {
      return (attributes ??= new Map(Object.entries(listCustomerAttributes(tx, ticket.customerId))));
    },
    get formAnswers() {
      const submission = answers ? undefined : findSubmissionOfTicket(tx, ticket.id);
      return (answers ??= new Map(submission ? [[submission.formId, submission.answers as Record<string, unknown>]] : []));
    },
  };
}
