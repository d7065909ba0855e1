import type { Answers, FormDefinition } from './form-definition';
import { evaluateForm, submissionOf, type FieldError } from './evaluate-form';
import { isEmpty } from './conditions';

export type SubmissionResult = { ok: true; answers: Answers } | { ok: false; errors: FieldError[] };

/**
 * The server's check of a submission against the form's current rules: unknown fields, values for
 * fields the rules hide, and every error the browser's engine would show are refused. On success the
 * answers to store: visible fields only, with rule-set values applied.
 */
export function validateSubmission(form: FormDefinition, submitted: Answers): SubmissionResult {
  const known = new Set(form.fields.map((f) => f.key));
  const errors: FieldError[] = Object.keys(submitted)
    .filter((k) => !known.has(k))
    .map((k) => ({ field: k, code: 'unknown_field' as const }));
  const evaluation = evaluateForm(form, submitted);
  for (const state of evaluation.fields) {
    if (!state.visible && !isEmpty(submitted[state.key])) errors.push({ field: state.key, code: 'hidden_field' });
  }
  errors.push(...evaluation.errors);
  return errors.length ? { ok: false, errors } : { ok: true, answers: submissionOf(evaluation) };
}
