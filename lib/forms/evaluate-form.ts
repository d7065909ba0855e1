import type { AnswerValue, Answers, Field, FormDefinition } from './form-definition';
import { evaluateGroup, fieldsOf, isEmpty } from './conditions';

export type FieldError = {
  field: string;
  /** file_type and file_size come from the server, which alone sees the uploaded bytes. */
  code: 'required' | 'type' | 'min' | 'max' | 'pattern' | 'option' | 'email' | 'date' | 'unknown_field' | 'hidden_field' | 'file_type' | 'file_size';
  limit?: number;
};

export type FieldState = {
  key: string;
  visible: boolean;
  required: boolean;
  /** The options a select may take now (after restrict_options rules); null for other types. */
  options: string[] | null;
  /** The answer after set_value rules; undefined when hidden. */
  value: AnswerValue | undefined;
};

export type Evaluation = { fields: FieldState[]; errors: FieldError[]; byKey: Map<string, FieldState> };

/**
 * Fields in an order where every field comes after the fields its rules read. Throws on a cycle
 * (validateDefinition reports cycles, with the fields named, before a form can be saved).
 */
export function evaluationOrder(fields: Field[]): Field[] {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: Field[] = [];
  const visit = (f: Field, path: string[]) => {
    if (done.has(f.key)) return;
    if (visiting.has(f.key)) throw new CycleError([...path.slice(path.indexOf(f.key)), f.key]);
    visiting.add(f.key);
    for (const dep of new Set(f.rules.flatMap((r) => fieldsOf(r.when)))) {
      const d = byKey.get(dep);
      if (d) visit(d, [...path, f.key]);
    }
    visiting.delete(f.key);
    done.add(f.key);
    order.push(f);
  };
  for (const f of fields) visit(f, []);
  return order;
}

export class CycleError extends Error {
  constructor(public readonly cycle: string[]) {
    super(`Rules form a cycle: ${cycle.join(' → ')}`);
  }
}

/**
 * The one engine: from a form and the answers typed so far, which fields are visible and required now,
 * which options they offer, what value each holds, and what is wrong. The browser renders from it; the
 * server runs it again on every submission. A hidden field's answer counts as empty for other rules.
 */
export function evaluateForm(form: FormDefinition, answers: Answers): Evaluation {
  const effective: Answers = {};
  const states: FieldState[] = [];
  for (const f of evaluationOrder(form.fields)) {
    const matched = f.rules.filter((r) => evaluateGroup(r.when, effective)).map((r) => r.then);
    const visible = (!f.hiddenByDefault || matched.some((a) => a.type === 'show')) && !matched.some((a) => a.type === 'hide');
    const required = f.required || matched.some((a) => a.type === 'require');
    const restrictions = matched.flatMap((a) => (a.type === 'restrict_options' ? [a.options] : []));
    const all = f.options?.map((o) => o.value) ?? null;
    const options = all && restrictions.reduce((acc, r) => acc.filter((o) => r.includes(o)), all);
    const set = matched.findLast((a) => a.type === 'set_value');
    const value = visible ? (set && set.type === 'set_value' ? set.value : answers[f.key]) : undefined;
    if (visible) effective[f.key] = value;
    states.push({ key: f.key, visible, required, options, value });
  }
  const byKey = new Map(states.map((s) => [s.key, s]));
  // Report in the form's own order, as the user reads it.
  const fields = form.fields.map((f) => byKey.get(f.key)!);
  const errors = form.fields.flatMap((f) => {
    const s = byKey.get(f.key)!;
    return s.visible ? fieldErrors(f, s) : [];
  });
  return { fields, errors, byKey };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function fieldErrors(f: Field, s: FieldState): FieldError[] {
  const v = s.value;
  const err = (code: FieldError['code'], limit?: number): FieldError[] => [{ field: f.key, code, ...(limit !== undefined ? { limit } : {}) }];
  if (isEmpty(v)) return s.required ? err('required') : [];
  switch (f.type) {
    case 'number': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return err('type');
      if (f.min !== undefined && v < f.min) return err('min', f.min);
      if (f.max !== undefined && v > f.max) return err('max', f.max);
      return [];
    }
    case 'checkbox':
      return typeof v === 'boolean' ? [] : err('type');
    case 'multi_select': {
      if (!Array.isArray(v)) return err('type');
      if (v.some((x) => !s.options?.includes(x))) return err('option');
      if (f.min !== undefined && v.length < f.min) return err('min', f.min);
      if (f.max !== undefined && v.length > f.max) return err('max', f.max);
      return [];
    }
    case 'file': {
      // The answer is the list of uploaded file names; min/max count files (one file unless max says more).
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return err('type');
      if (f.min !== undefined && v.length < f.min) return err('min', f.min);
      if (v.length > (f.max ?? 1)) return err('max', f.max ?? 1);
      return [];
    }
    case 'select':
      if (typeof v !== 'string') return err('type');
      return s.options?.includes(v) ? [] : err('option');
    default: {
      if (typeof v !== 'string') return err('type');
      if (f.type === 'email' && !EMAIL.test(v)) return err('email');
      if (f.type === 'date' && (!DATE.test(v) || Number.isNaN(Date.parse(v)))) return err('date');
      const max = f.max ?? (f.type === 'long_text' ? 10_000 : 1_000);
      if (f.min !== undefined && v.length < f.min) return err('min', f.min);
      if (v.length > max) return err('max', max);
      if (f.pattern && !safeRegExp(f.pattern)?.test(v)) return err('pattern');
      return [];
    }
  }
}

function safeRegExp(source: string): RegExp | null {
  try {
    return new RegExp(`^(?:${source})$`, 'u');
  } catch {
    return null;
  }
}

/** What the browser submits: the values of visible fields only. */
export function submissionOf(evaluation: Evaluation): Answers {
  return Object.fromEntries(evaluation.fields.filter((f) => f.visible && !isEmpty(f.value)).map((f) => [f.key, f.value]));
}
