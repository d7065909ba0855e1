import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formDefinition, type AnswerValue, type FormDefinition } from './form-definition';
import { evaluateForm, submissionOf } from './evaluate-form';
import { validateSubmission } from './validate-submission';

const TYPES = ['text', 'number', 'select', 'multi_select', 'checkbox'] as const;
const OPTIONS = ['a', 'b', 'c'];

const anyAnswer: fc.Arbitrary<AnswerValue> = fc.oneof(
  fc.constantFrom<AnswerValue>('', 'a', 'b', 'c', 'xyz', null, true, false, 0, 7, 600, -3, [], ['a'], ['a', 'c'], ['zz']),
  fc.string({ maxLength: 5 }),
  fc.integer({ min: -1000, max: 1000 }),
);

/** Random forms whose rules read only earlier fields (cycles are refused at save time anyway). */
const anyForm: fc.Arbitrary<FormDefinition> = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc
    .tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc.record({
          type: fc.constantFrom(...TYPES),
          required: fc.boolean(),
          hiddenByDefault: fc.boolean(),
          min: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
          rules: i === 0 ? fc.constant([]) : fc.array(anyRule(i), { maxLength: 3 }),
        }),
      ),
    )
    .map((specs) =>
      formDefinition.parse({
        version: 1,
        fields: specs.map((s, i) => ({
          key: `f${i}`,
          type: s.type,
          label: { en: `F${i}` },
          required: s.required,
          hiddenByDefault: s.hiddenByDefault,
          min: s.type === 'checkbox' || s.type === 'select' ? undefined : s.min,
          options: s.type === 'select' || s.type === 'multi_select' ? OPTIONS.map((v) => ({ value: v, label: { en: v } })) : undefined,
          rules: s.rules,
        })),
      }),
    ),
);

function anyRule(fieldIndex: number) {
  const cond = fc.record({
    field: fc.integer({ min: 0, max: fieldIndex - 1 }).map((j) => `f${j}`),
    op: fc.constantFrom('equals', 'not_equals', 'one_of', 'contains', 'is_empty', 'is_not_empty', 'gt', 'lt'),
    value: fc.oneof(fc.constantFrom<AnswerValue>('a', 'b', 5, 500, true, ['a', 'b'])),
  });
  const group = fc.oneof(
    fc.record({ all: fc.array(cond, { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(cond, { minLength: 1, maxLength: 3 }) }),
  );
  const act = fc.oneof(
    fc.constant({ type: 'show' as const }),
    fc.constant({ type: 'hide' as const }),
    fc.constant({ type: 'require' as const }),
    fc.subarray(OPTIONS).map((options) => ({ type: 'restrict_options' as const, options })),
    anyAnswer.map((value) => ({ type: 'set_value' as const, value })),
  );
  return fc.record({ when: group, then: act });
}

describe('the engine in the browser and the check on the server agree', () => {
  it('the server accepts exactly what the browser reports error-free, and stores no hidden field', () => {
    fc.assert(
      fc.property(anyForm, fc.dictionary(fc.constantFrom('f0', 'f1', 'f2', 'f3', 'f4', 'f5'), anyAnswer), (form, typed) => {
        const inBrowser = evaluateForm(form, typed);
        const result = validateSubmission(form, submissionOf(inBrowser));
        expect(result.ok).toBe(inBrowser.errors.length === 0);
        if (result.ok) {
          const visible = new Set(inBrowser.fields.filter((f) => f.visible).map((f) => f.key));
          for (const key of Object.keys(result.answers)) expect(visible.has(key)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a hand-made submission with a value for a hidden field is always refused', () => {
    fc.assert(
      fc.property(anyForm, fc.dictionary(fc.constantFrom('f0', 'f1', 'f2', 'f3', 'f4', 'f5'), anyAnswer), (form, typed) => {
        const submitted = Object.fromEntries(Object.entries(typed).filter(([k]) => form.fields.some((f) => f.key === k)));
        const hiddenWithValue = evaluateForm(form, submitted).fields.some(
          (f) =>
            !f.visible &&
            submitted[f.key] != null &&
            submitted[f.key] !== '' &&
            submitted[f.key] !== false &&
            !(Array.isArray(submitted[f.key]) && (submitted[f.key] as string[]).length === 0),
        );
        if (hiddenWithValue) expect(validateSubmission(form, submitted).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
