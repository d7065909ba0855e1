import type { Answers, FormDefinition } from './form-definition';

/**
 * Answers from a posted HTML form (the no-JavaScript path): numbers become numbers, a ticked checkbox
 * true, multi selects every chosen value. Empty inputs are left out, as the browser's engine does.
 */
export function answersFromFormData(form: Pick<FormDefinition, 'fields'>, data: { get(name: string): unknown; getAll(name: string): unknown[] }): Answers {
  const answers: Answers = {};
  for (const f of form.fields) {
    const name = `f_${f.key}`;
    if (f.type === 'file') {
      // The engine sees file names; the server replaces them with what was really uploaded.
      const names = data.getAll(name).flatMap((v) => (isFile(v) && v.size > 0 ? [v.name] : []));
      if (names.length) answers[f.key] = names;
      continue;
    }
    if (f.type === 'multi_select') {
      const values = data.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
      if (values.length) answers[f.key] = values;
      continue;
    }
    const raw = data.get(name);
    if (typeof raw !== 'string' || raw === '') continue;
    answers[f.key] = f.type === 'checkbox' ? raw === 'on' || raw === 'true' : raw;
  }
  return normalizeAnswers(form, answers);
}

/** Number fields typed as text ("799,50") become numbers; anything unreadable stays text for the engine to flag. */
export function normalizeAnswers(form: Pick<FormDefinition, 'fields'>, answers: Answers): Answers {
  const out: Answers = { ...answers };
  for (const f of form.fields) {
    const v = out[f.key];
    if (f.type !== 'number' || typeof v !== 'string') continue;
    const n = Number(v.trim().replace(',', '.'));
    if (v.trim() === '') delete out[f.key];
    else if (Number.isFinite(n)) out[f.key] = n;
  }
  return out;
}

export function isFile(v: unknown): v is { name: string; size: number; type: string; arrayBuffer(): Promise<ArrayBuffer> } {
  return typeof v === 'object' && v !== null && 'arrayBuffer' in v && 'name' in v && 'size' in v;
}
