import { describe, expect, it } from 'vitest';
import { problemText, validateDefinition, type DefinitionProblem } from './validate-definition';
import { complaintForm } from './test-forms';
import { en } from '../i18n/en';
import { de } from '../i18n/de';

const problemsOf = (def: unknown): DefinitionProblem[] => {
  const res = validateDefinition(def);
  return res.ok ? [] : res.problems;
};
const text = (key: string, extra: Record<string, unknown> = {}) => ({ key, type: 'text', label: { en: key.toUpperCase() }, ...extra });
const select = (key: string, values: string[], extra: Record<string, unknown> = {}) => ({
  key,
  type: 'select',
  label: { en: key.toUpperCase() },
  options: values.map((value) => ({ value, label: { en: value } })),
  ...extra,
});
const hideWhen = (...conditions: unknown[]) => [{ when: { all: conditions }, then: { type: 'hide' } }];

describe('form definitions are checked field by field when saved', () => {
  it('accepts a well-formed form as it is', () => {
    expect(validateDefinition(complaintForm)).toEqual({ ok: true, form: expect.objectContaining({ fields: complaintForm.fields }) });
  });

  it('names a rule cycle with every field in it', () => {
    const res = problemsOf({
      version: 1,
      fields: [text('a', { rules: hideWhen({ field: 'b', op: 'is_empty' }) }), text('b', { rules: hideWhen({ field: 'a', op: 'is_empty' }) })],
    });
    expect(res).toEqual([{ field: 'a', code: 'rule_cycle', params: { cycle: 'a → b → a' } }]);
  });

  it('finds unknown fields, unfitting operators, unknown options and bad patterns, in field order', () => {
    const res = problemsOf({
      version: 1,
      fields: [
        { key: 'n', type: 'number', label: { en: 'N' }, pattern: '(' },
        select('s', ['a'], {
          rules: [{ when: { all: [{ field: 'n', op: 'contains', value: '1' }] }, then: { type: 'restrict_options', options: ['a', 'zz', 'yy'] } }],
        }),
        text('t', { rules: hideWhen({ field: 'ghost', op: 'is_empty' }) }),
      ],
    });
    expect(res).toEqual([
      { field: 'n', code: 'pattern_invalid', params: { key: 'n' } },
      { field: 's', code: 'operator_mismatch', params: { key: 's', ref: 'n', op: 'contains', type: 'number' } },
      { field: 's', code: 'unknown_restricted_options', params: { key: 's', options: '"zz", "yy"' } },
      { field: 't', code: 'unknown_field', params: { key: 't', ref: 'ghost' } },
    ]);
  });

  it('refuses duplicate keys, a missing English label, choice fields without options and a minimum above the maximum', () => {
    const res = problemsOf({
      version: 1,
      fields: [
        text('a'),
        text('a'),
        { key: 'b', type: 'text', label: { en: '  ', de: 'B' } },
        { key: 'c', type: 'select', label: { en: 'C' }, options: [] },
        { key: 'd', type: 'multi_select', label: { en: 'D' } },
        { key: 'e', type: 'number', label: { en: 'E' }, min: 5, max: 4 },
        { key: 'f', type: 'number', label: { en: 'F' }, min: 4, max: 4 },
      ],
    });
    expect(res).toEqual([
      { field: 'a', code: 'duplicate_key', params: { key: 'a' } },
      { field: 'b', code: 'label_missing', params: { key: 'b' } },
      { field: 'c', code: 'options_missing', params: { key: 'c' } },
      { field: 'd', code: 'options_missing', params: { key: 'd' } },
      { field: 'e', code: 'min_above_max', params: { key: 'e' } },
    ]);
  });

  it('checks a condition on a choice against its options, inside nested groups too, and leaves non-text values alone', () => {
    const when = {
      all: [
        {
          any: [
            { field: 's', op: 'equals', value: 'nope' },
            { field: 's', op: 'equals', value: 'a' },
          ],
        },
        { field: 's', op: 'one_of', value: ['a'] },
      ],
    };
    const res = problemsOf({ version: 1, fields: [select('s', ['a']), text('t', { rules: [{ when, then: { type: 'hide' } }] })] });
    expect(res).toEqual([{ field: 't', code: 'unknown_option', params: { key: 't', ref: 's', value: 'nope' } }]);
  });

  it('checks routing rules by name, or by id when unnamed', () => {
    const res = problemsOf({
      version: 1,
      fields: [select('s', ['a'])],
      routing: [
        { id: 'r1', name: 'Billing', when: { all: [{ field: 'ghost', op: 'is_empty' }] }, set: {} },
        { id: 'r2', name: '', when: { any: [{ field: 's', op: 'gt', value: 1 }] }, set: {} },
      ],
    });
    expect(res).toEqual([
      { field: 'routing:r1', code: 'unknown_field', params: { key: 'Billing', ref: 'ghost' } },
      { field: 'routing:r2', code: 'operator_mismatch', params: { key: 'r2', ref: 's', op: 'gt', type: 'select' } },
    ]);
  });

  it('reports a shape it cannot read with the path of each problem', () => {
    expect(problemsOf({ version: 1, fields: [{ key: 'Bad Key', type: 'text', label: { en: 'x' } }] })).toEqual([
      { code: 'schema', params: { path: 'fields.0.key', detail: expect.stringContaining('lower-case letters') } },
    ]);
  });

  it('says each problem in the reader’s language, naming the field or routing rule it sits in', () => {
    const inField: DefinitionProblem = { field: 't', code: 'unknown_field', params: { key: 't', ref: 'ghost' } };
    const inRouting: DefinitionProblem = { field: 'routing:r1', code: 'unknown_field', params: { key: 'Billing', ref: 'ghost' } };
    expect(problemText(en.formProblems, inField)).toBe('Field “t”: a condition reads the unknown field “ghost”');
    expect(problemText(de.formProblems, inRouting)).toBe('Zuweisungsregel „Billing“: eine Bedingung liest das unbekannte Feld „ghost“');
    expect(problemText(de.formProblems, { field: 'a', code: 'rule_cycle', params: { cycle: 'a → b → a' } })).toBe(
      'Die Regeln dieser Felder hängen im Kreis voneinander ab: a → b → a',
    );
  });
});
