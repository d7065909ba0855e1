import { formDefinition, OPERATORS_BY_TYPE, type ConditionGroup, type Field, type FormDefinition } from './form-definition';
import { CycleError, evaluationOrder } from './evaluate-form';
import { fill } from '../i18n/fill';

/** One thing that keeps a form from being saved: a code the builder says in the admin's language (`formProblems` in the catalogs), with its details. */
export type DefinitionProblem = { field?: string; code: DefinitionProblemCode; params: Record<string, string> };
export type DefinitionProblemCode =
  | 'schema'
  | 'duplicate_key'
  | 'unknown_field'
  | 'operator_mismatch'
  | 'unknown_option'
  | 'label_missing'
  | 'options_missing'
  | 'pattern_invalid'
  | 'min_above_max'
  | 'unknown_restricted_options'
  | 'rule_cycle';

const SELECTS = new Set(['select', 'multi_select']);

/**
 * Everything that makes a form unusable, checked when it is saved: duplicate keys, rules that read
 * unknown fields or use an operator that does not fit the field's type, options that do not exist,
 * patterns that do not compile, and rule cycles (named field by field).
 */
export function validateDefinition(input: unknown): { ok: true; form: FormDefinition } | { ok: false; problems: DefinitionProblem[] } {
  const parsed = formDefinition.safeParse(input);
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((i) => ({ code: 'schema', params: { path: i.path.join('.'), detail: i.message } })) };
  const form = parsed.data;
  const problems: DefinitionProblem[] = [];
  const byKey = new Map<string, Field>();
  for (const f of form.fields) {
    if (byKey.has(f.key)) problems.push({ field: f.key, code: 'duplicate_key', params: { key: f.key } });
    byKey.set(f.key, f);
  }
  // `where`: the field whose rule it is, or the routing rule (its name in `rule`).
  const checkGroup = (g: ConditionGroup, where: { field: string; params: Record<string, string> }) => {
    for (const item of 'all' in g ? g.all : g.any) {
      if (!('op' in item)) {
        checkGroup(item, where);
        continue;
      }
      const target = byKey.get(item.field);
      if (!target) problems.push({ ...where, code: 'unknown_field', params: { ...where.params, ref: item.field } });
      else if (!OPERATORS_BY_TYPE[target.type].includes(item.op))
        problems.push({ ...where, code: 'operator_mismatch', params: { ...where.params, ref: item.field, op: item.op, type: target.type } });
      else if (SELECTS.has(target.type) && typeof item.value === 'string' && !target.options?.some((o) => o.value === item.value)) {
        problems.push({ ...where, code: 'unknown_option', params: { ...where.params, ref: item.field, value: item.value } });
      }
    }
  };
  for (const f of form.fields) {
    const mine = { field: f.key, params: { key: f.key } };
    if (!f.label.en.trim()) problems.push({ ...mine, code: 'label_missing' });
    if (SELECTS.has(f.type) && !f.options?.length) problems.push({ ...mine, code: 'options_missing' });
    if (f.pattern) {
      try {
        new RegExp(f.pattern, 'u');
      } catch {
        problems.push({ ...mine, code: 'pattern_invalid' });
      }
    }
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) problems.push({ ...mine, code: 'min_above_max' });
    for (const r of f.rules) {
      checkGroup(r.when, mine);
      if (r.then.type === 'restrict_options') {
        const missing = r.then.options.filter((o) => !f.options?.some((x) => x.value === o));
        if (missing.length)
          problems.push({ ...mine, code: 'unknown_restricted_options', params: { key: f.key, options: missing.map((m) => `"${m}"`).join(', ') } });
      }
    }
  }
  for (const r of form.routing) checkGroup(r.when, { field: `routing:${r.id}`, params: { key: r.name || r.id } });
  try {
    evaluationOrder(form.fields);
  } catch (err) {
    if (!(err instanceof CycleError)) throw err;
    problems.push({ field: err.cycle[0], code: 'rule_cycle', params: { cycle: err.cycle.join(' → ') } });
  }
  return problems.length ? { ok: false, problems } : { ok: true, form };
}

export type ProblemTexts = Record<DefinitionProblemCode | 'inField' | 'inRouting', string>;

/** A problem in words, from a catalog's `formProblems` (the builder's language, or English for the API and logs). */
export function problemText(texts: ProblemTexts, p: DefinitionProblem): string {
  const where = fill(p.field?.startsWith('routing:') ? texts.inRouting : texts.inField, p.params);
  return fill(texts[p.code], { ...p.params, where });
}
