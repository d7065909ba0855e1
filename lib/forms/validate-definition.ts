import { formDefinition, OPERATORS_BY_TYPE, type ConditionGroup, type Field, type FormDefinition } from './form-definition';
import { CycleError, evaluationOrder } from './evaluate-form';

export type DefinitionProblem = { field?: string; message: string };

const SELECTS = new Set(['select', 'multi_select']);

/**
 * Everything that makes a form unusable, checked when it is saved: duplicate keys, rules that read
 * unknown fields or use an operator that does not fit the field's type, options that do not exist,
 * patterns that do not compile, and rule cycles (named field by field).
 */
export function validateDefinition(input: unknown): { ok: true; form: FormDefinition } | { ok: false; problems: DefinitionProblem[] } {
  const parsed = formDefinition.safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => ({ message: `${i.path.join('.')}: ${i.message}` })) };
  const form = parsed.data;
  const problems: DefinitionProblem[] = [];
  const byKey = new Map<string, Field>();
  for (const f of form.fields) {
    if (byKey.has(f.key)) problems.push({ field: f.key, message: `Two fields are called "${f.key}"` });
    byKey.set(f.key, f);
  }
  const checkGroup = (g: ConditionGroup, where: string) => {
    for (const item of 'all' in g ? g.all : g.any) {
      if (!('op' in item)) {
        checkGroup(item, where);
        continue;
      }
      const target = byKey.get(item.field);
      if (!target) problems.push({ field: where, message: `A condition reads the unknown field "${item.field}"` });
      else if (!OPERATORS_BY_TYPE[target.type].includes(item.op))
        problems.push({ field: where, message: `"${item.op}" does not apply to ${target.type} field "${item.field}"` });
      else if (SELECTS.has(target.type) && typeof item.value === 'string' && !target.options?.some((o) => o.value === item.value)) {
        problems.push({ field: where, message: `"${item.field}" has no option "${item.value}"` });
      }
    }
  };
  for (const f of form.fields) {
    if (!f.label.en.trim()) problems.push({ field: f.key, message: `Field "${f.key}" needs an English label` });
    if (SELECTS.has(f.type) && !f.options?.length) problems.push({ field: f.key, message: `Choice field "${f.key}" needs options` });
    if (f.pattern) {
      try {
        new RegExp(f.pattern, 'u');
      } catch {
        problems.push({ field: f.key, message: `The pattern of "${f.key}" is not a valid regular expression` });
      }
    }
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) problems.push({ field: f.key, message: `"${f.key}": minimum is above maximum` });
    for (const r of f.rules) {
      checkGroup(r.when, f.key);
      if (r.then.type === 'restrict_options') {
        const missing = r.then.options.filter((o) => !f.options?.some((x) => x.value === o));
        if (missing.length) problems.push({ field: f.key, message: `"${f.key}" has no options ${missing.map((m) => `"${m}"`).join(', ')}` });
      }
    }
  }
  for (const r of form.routing) checkGroup(r.when, `routing rule "${r.name || r.id}"`);
  try {
    evaluationOrder(form.fields);
  } catch (err) {
    if (!(err instanceof CycleError)) throw err;
    problems.push({ field: err.cycle[0], message: `These fields' rules depend on each other in a circle: ${err.cycle.join(' → ')}` });
  }
  return problems.length ? { ok: false, problems } : { ok: true, form };
}
