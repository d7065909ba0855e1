import type { Tx } from '@/db/client';
import { insertSubmission } from '@/db/queries/forms';
import { ensureTags, insertEvents, listTicketTags, replaceTicketTags, updateTicketColumns, type NewTicketEvent, type TicketRow } from '@/db/queries/tickets';
import { ticketEvent } from '@/lib/ticket-events';
import type { Answers, Field, FormDefinition } from '@/lib/forms/form-definition';
import { routeAnswers } from '@/lib/forms/routing';

type Input = { form: { id: number; name: string }; version: number; definition: FormDefinition; answers: Answers; ticket: TicketRow; now: number };

/**
 * What validated form answers do to the ticket they opened (public form or widget pre-chat form), in the
 * ingest transaction: the submission is kept with its version, mapped fields set priority and tags,
 * routing rules set team/priority/assignee/tags, and events record the submission, the rule that decided
 * and each property it changed (by the system, as a routing rule or a field mapping is no person).
 */
export function applyFormAnswers(tx: Tx, { form, version, definition, answers, ticket, now }: Input) {
  insertSubmission(tx, { formId: form.id, version, ticketId: ticket.id, answers, now });
  const system = { kind: 'system' } as const;
  const events: NewTicketEvent[] = [ticketEvent(ticket.id, 'form_submitted', { formId: form.id, form: form.name, version }, { kind: 'customer' }, now)];
  const routing = routeAnswers(definition, answers);
  const priority = mappedAnswer(definition, answers, (f) => f.mapping?.kind === 'priority');
  const set = { ...(isPriority(priority) ? { priority } : {}), ...routing.set };
  if (routing.matched.length) events.push(ticketEvent(ticket.id, 'routed', { rules: routing.matched, set }, system, now));
  const cols: Parameters<typeof updateTicketColumns>[2] = {};
  if (set.teamId && set.teamId !== ticket.teamId) {
    cols.teamId = set.teamId;
    events.push(ticketEvent(ticket.id, 'team_changed', { from: ticket.teamId, to: set.teamId }, system, now));
  }
  if (set.priority && set.priority !== ticket.priority) {
    cols.priority = set.priority;
    events.push(ticketEvent(ticket.id, 'priority_changed', { from: ticket.priority, to: set.priority }, system, now));
  }
  if (set.assigneeId && set.assigneeId !== ticket.assigneeId) {
    cols.assigneeId = set.assigneeId;
    events.push(ticketEvent(ticket.id, 'assignee_changed', { from: ticket.assigneeId, to: set.assigneeId }, system, now));
  }
  updateTicketColumns(tx, ticket.id, cols);
  const before = listTicketTags(tx, ticket.id).map((t) => t.name);
  const added = [...new Set([...fieldTags(definition, answers), ...(set.tags ?? [])].map((t) => t.toLowerCase()))].filter((t) => !before.includes(t));
  if (added.length) {
    replaceTicketTags(tx, ticket.id, ensureTags(tx, [...before, ...added]));
    events.push(ticketEvent(ticket.id, 'tags_changed', { added, removed: [] }, system, now));
  }
  insertEvents(tx, events);
}

const isPriority = (v: unknown): v is 'low' | 'normal' | 'high' | 'urgent' => typeof v === 'string' && ['low', 'normal', 'high', 'urgent'].includes(v);

/** The answer of the first answered field the predicate picks (e.g. the email field, the subject mapping). */
export function mappedAnswer(form: FormDefinition, answers: Answers, pick: (f: Field) => boolean) {
  const f = form.fields.find((x) => pick(x) && answers[x.key] !== undefined);
  return f ? answers[f.key] : undefined;
}

function fieldTags(form: FormDefinition, answers: Answers): string[] {
  return form.fields
    .filter((f) => f.mapping?.kind === 'tag')
    .flatMap((f) => {
      const v = answers[f.key];
      return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
    });
}
