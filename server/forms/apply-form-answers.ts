import type { Tx } from '@/db/client';
import { insertSubmission } from '@/db/queries/forms';
import { ensureTags, insertEvents, listTicketTags, replaceTicketTags, updateTicketColumns, type NewTicketEvent, type TicketRow } from '@/db/queries/tickets';
import type { Answers, Field, FormDefinition } from '@/lib/forms/form-definition';
import { routeAnswers } from '@/lib/forms/routing';

type Input = { form: { id: number; name: string }; version: number; definition: FormDefinition; answers: Answers; ticket: TicketRow; now: number };

/**
 * What validated form answers do to the ticket they opened (public form or widget pre-chat form), in the
 * ingest transaction: the submission is kept with its version, mapped fields set priority and tags,
 * routing rules set team/priority/assignee/tags, and events record the submission and the rule that decided.
 */
export function applyFormAnswers(tx: Tx, { form, version, definition, answers, ticket, now }: Input) {
  insertSubmission(tx, { formId: form.id, version, ticketId: ticket.id, answers, now });
  const events: NewTicketEvent[] = [{ ticketId: ticket.id, type: 'form_submitted', actorKind: 'customer', data: { formId: form.id, form: form.name, version }, createdAt: now }];
  const routing = routeAnswers(definition, answers);
  const priority = mappedAnswer(definition, answers, (f) => f.mapping?.kind === 'priority');
  const set = { ...(isPriority(priority) ? { priority } : {}), ...routing.set };
  const tags = [...new Set([...fieldTags(definition, answers), ...(set.tags ?? [])])];
  if (set.teamId || set.priority || set.assigneeId) updateTicketColumns(tx, ticket.id, { teamId: set.teamId ?? ticket.teamId, priority: set.priority ?? ticket.priority, assigneeId: set.assigneeId ?? null });
  if (tags.length) replaceTicketTags(tx, ticket.id, ensureTags(tx, [...new Set([...listTicketTags(tx, ticket.id).map((t) => t.name), ...tags.map((t) => t.toLowerCase())])]));
  if (routing.matched.length) events.push({ ticketId: ticket.id, type: 'routed', actorKind: 'system', data: { rules: routing.matched, set }, createdAt: now });
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
