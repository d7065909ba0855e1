import { type Db, transact } from '@/db/client';
import { findFormVersion, findSubmissionOfTicket, updateSubmissionAnswers } from '@/db/queries/forms';
import { insertEvents, updateTicketColumns } from '@/db/queries/tickets';
import type { AnswerValue, Answers, FormDefinition } from '@/lib/forms/form-definition';
import { evaluateForm } from '@/lib/forms/evaluate-form';
import { validateSubmission } from '@/lib/forms/validate-submission';
import { applySla } from '@/server/sla/apply-sla';
import { DomainError } from '@/server/errors/domain-error';
import { getBus } from '@/server/realtime/bus';
import type { Viewer } from '@/server/auth/sessions';
import { ticketEvent } from '@/lib/ticket-events';
import { accessibleTicket } from '@/server/tickets/ticket-access';

const same = (a: AnswerValue | undefined, b: AnswerValue | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Files arrived with the customer's message and stay there; agents cannot upload into answers, so file
 * fields keep what was stored (and are dropped only if the agent's other changes hide them).
 */
function withStoredFiles(form: FormDefinition, answers: Answers, stored: Answers): Answers {
  const out: Answers = { ...answers };
  const files = form.fields.filter((f) => f.type === 'file');
  for (const f of files) {
    if (stored[f.key] === undefined) delete out[f.key];
    else out[f.key] = stored[f.key];
  }
  const visible = evaluateForm(form, out).byKey;
  for (const f of files) if (!visible.get(f.key)?.visible) delete out[f.key];
  return out;
}

/**
 * An agent corrects the answers a ticket was opened with. The rules of the version they were given
 * against apply exactly as for the customer; each changed field is recorded in one ticket event.
 */
export function updateTicketAnswers(db: Db, viewer: Viewer, ticketId: number, answers: Answers) {
  accessibleTicket(db, viewer, ticketId);
  const submission = findSubmissionOfTicket(db, ticketId);
  if (!submission) throw new DomainError('NOT_FOUND', 'ticket_without_form');
  const definition = findFormVersion(db, submission.formId, submission.version)!.definition;
  const result = validateSubmission(definition, withStoredFiles(definition, answers, submission.answers));
  if (!result.ok) throw new DomainError('BAD_REQUEST', 'answers_need_attention', {}, { fieldErrors: result.errors });
  const changes = definition.fields
    .filter((f) => !same(submission.answers[f.key], result.answers[f.key]))
    .map((f) => ({ field: f.key, label: f.label.en, from: submission.answers[f.key] ?? null, to: result.answers[f.key] ?? null }));
  if (changes.length === 0) return { changed: false };
  const now = Date.now();
  transact(db, (tx) => {
    updateSubmissionAnswers(tx, submission.id, result.answers);
    insertEvents(tx, [ticketEvent(ticketId, 'form_answers_changed', { changes }, { kind: 'agent', agentId: viewer.id }, now)]);
    updateTicketColumns(tx, ticketId, { updatedAt: now });
    applySla(tx, ticketId, now);
  });
  getBus().emit('ticket.changed', { ticketId, kind: 'updated', actorAgentId: viewer.id });
  return { changed: true };
}
