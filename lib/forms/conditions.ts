import type { AnswerValue, Answers, Condition, ConditionGroup } from './form-definition';

export function isEmpty(v: AnswerValue | undefined): boolean {
  return v === undefined || v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0);
}

const norm = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);

/** Numbers compare as numbers, ISO dates (YYYY-MM-DD) as strings; anything else does not compare. */
function compare(a: AnswerValue | undefined, b: AnswerValue | undefined): number | null {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(a) && /^\d{4}-\d{2}-\d{2}$/.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

export function evaluateCondition(c: Condition, answers: Answers): boolean {
  // Every kind of empty ('' , [], false, null, missing) is the same "no answer", so the browser (which
  // holds '' for a cleared input) and the server (which never receives empty fields) always agree.
  const raw = answers[c.field];
  const v = isEmpty(raw) ? undefined : raw;
  const expected = isEmpty(c.value) ? undefined : c.value;
  switch (c.op) {
    case 'is_empty':
      return isEmpty(v);
    case 'is_not_empty':
      return !isEmpty(v);
    case 'equals':
      return v !== undefined && norm(v) === norm(expected);
    case 'not_equals':
      return norm(v) !== norm(expected);
    case 'one_of':
      return typeof v === 'string' && Array.isArray(expected) && expected.some((x) => norm(x) === norm(v));
    case 'contains':
      if (Array.isArray(v)) return v.some((x) => norm(x) === norm(expected));
      return typeof v === 'string' && typeof expected === 'string' && v.toLowerCase().includes(expected.toLowerCase());
    case 'gt': {
      const d = compare(v, expected);
      return d !== null && d > 0;
    }
    case 'lt': {
      const d = compare(v, expected);
      return d !== null && d < 0;
    }
  }
}

export function evaluateGroup(g: ConditionGroup, answers: Answers): boolean {
  const test = (item: Condition | ConditionGroup) => ('op' in item ? evaluateCondition(item, answers) : evaluateGroup(item, answers));
  return 'all' in g ? g.all.every(test) : g.any.some(test);
}

/** Every field a condition group reads. */
export function fieldsOf(g: ConditionGroup): string[] {
  const items = 'all' in g ? g.all : g.any;
  return items.flatMap((item) => ('op' in item ? [item.field] : fieldsOf(item)));
}
