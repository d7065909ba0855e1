import type { Db } from '@/db/client';
import { findForm, findFormVersion, findSubmissionOfTicket } from '@/db/queries/forms';
import type { Answers, FormDefinition, LocalizedText } from '@/lib/forms/form-definition';

export type TicketFormAnswers = {
  form: string;
  version: number;
  answers: { key: string; label: LocalizedText; value: string }[];
  /** For editing under the same rules: the version's fields and rules (routing left out) and the raw answers. */
  definition: Omit<FormDefinition, 'routing'>;
  raw: Answers;
};

/** The form answers a ticket was opened with, labelled by the version they were given against. */
export function getTicketFormAnswers(db: Db, ticketId: number): TicketFormAnswers | null {
  const submission = findSubmissionOfTicket(db, ticketId);
  if (!submission) return null;
  const form = findForm(db, submission.formId);
  const definition = findFormVersion(db, submission.formId, submission.version)?.definition;
  if (!form || !definition) return null;
  const answers = definition.fields
    .filter((f) => submission.answers[f.key] !== undefined)
    .map((f) => {
      const v = submission.answers[f.key];
      const option = (x: string) => f.options?.find((o) => o.value === x)?.label.en ?? x;
      const value = Array.isArray(v) ? v.map(option).join(', ') : typeof v === 'boolean' ? (v ? '✓' : '–') : typeof v === 'string' ? option(v) : String(v);
      return { key: f.key, label: f.label, value };
    });
  const { routing: _routing, ...fields } = definition;
  return { form: form.name, version: submission.version, answers, definition: fields, raw: submission.answers };
}
