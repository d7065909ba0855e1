import {
  OPERATORS_BY_TYPE,
  type AnswerValue,
  type Condition,
  type ConditionGroup,
  type Field,
  type FieldType,
  type FormDefinition,
  type Operator,
} from './form-definition';
import { fieldsOf } from './conditions';

// Pure edits the form builder makes to a definition. They keep rules pointing at the right fields
// (renames follow references) so the builder never produces a form that silently changed meaning.

/** A new field with a key not used yet ("text_1", "text_2", …). */
export function newField(type: FieldType, taken: readonly string[]): Field {
  let n = 1;
  while (taken.includes(`${type}_${n}`)) n++;
  const field: Field = { key: `${type}_${n}`, type, label: { en: '', de: '' }, required: false, hiddenByDefault: false, rules: [] };
  if (type === 'select' || type === 'multi_select') field.options = [{ value: 'option_1', label: { en: 'Option 1', de: 'Option 1' } }];
  return field;
}

/** The list with the item at `from` moved to index `to`. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const out = [...items];
  if (from < 0 || from >= out.length || to < 0 || to >= out.length) return out;
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item!);
  return out;
}

function mapGroup(g: ConditionGroup, fn: (c: Condition) => Condition): ConditionGroup {
  const map = (items: (Condition | ConditionGroup)[]) => items.map((i) => ('op' in i ? fn(i) : mapGroup(i, fn)));
  return 'all' in g ? { all: map(g.all) } : { any: map(g.any) };
}

/** Renames a field and every condition that reads it (in field rules and routing rules). */
export function renameField(def: FormDefinition, from: string, to: string): FormDefinition {
  const follow = (g: ConditionGroup) => mapGroup(g, (c) => (c.field === from ? { ...c, field: to } : c));
  return {
    ...def,
    fields: def.fields.map((f) => ({ ...f, key: f.key === from ? to : f.key, rules: f.rules.map((r) => ({ ...r, when: follow(r.when) })) })),
    routing: def.routing.map((r) => ({ ...r, when: follow(r.when) })),
  };
}

/** Where a field is read by conditions: the other fields' keys and routing rule names. */
export function referencesTo(def: FormDefinition, key: string): string[] {
  const fromFields = def.fields.filter((f) => f.key !== key && f.rules.some((r) => fieldsOf(r.when).includes(key))).map((f) => f.key);
  const fromRouting = def.routing.filter((r) => fieldsOf(r.when).includes(key)).map((r) => r.name || r.id);
  return [...fromFields, ...fromRouting];
}

/** A sensible starting value for a condition's or a set-value action's value, by the target field's type. */
export function defaultValue(target: Field, op: Operator = 'equals'): AnswerValue | undefined {
  if (op === 'is_empty' || op === 'is_not_empty') return undefined;
  if (op === 'one_of') return [];
  switch (target.type) {
    case 'number':
      return 0;
    case 'checkbox':
      return true;
    case 'select':
    case 'multi_select':
      return target.options?.[0]?.value ?? '';
    default:
      return '';
  }
}

/** A condition on `target` with the first operator its type allows. */
export function newCondition(target: Field): Condition {
  const op = OPERATORS_BY_TYPE[target.type][0]!;
  return { field: target.key, op, value: defaultValue(target, op) };
}

/** The condition pointed at another field: the operator stays if it fits the new type, the value restarts. */
export function retarget(c: Condition, target: Field): Condition {
  const op = OPERATORS_BY_TYPE[target.type].includes(c.op) ? c.op : OPERATORS_BY_TYPE[target.type][0]!;
  return { field: target.key, op, value: defaultValue(target, op) };
}

/** The condition with another operator; the value is kept when it still has the right shape. */
export function changeOperator(c: Condition, op: Operator, target: Field | undefined): Condition {
  const wantsList = op === 'one_of';
  const hasList = Array.isArray(c.value);
  if (op === 'is_empty' || op === 'is_not_empty') return { field: c.field, op };
  if (c.value !== undefined && wantsList === hasList) return { ...c, op };
  return { field: c.field, op, value: target ? defaultValue(target, op) : undefined };
}

/** A slug for a form name: "Reklamation & Rücksendung" → "reklamation-ruecksendung". */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
