import { describe, expect, it } from 'vitest';
import { evaluateForm, evaluationOrder, CycleError, submissionOf } from './evaluate-form';
import { answersFromFormData, normalizeAnswers } from './form-data';
import { formDefinition, type AnswerValue, type FieldInput, type FormDefinition } from './form-definition';

// What each field type accepts, at its limits: the browser shows these errors and the server refuses on them.
const form = (...fields: FieldInput[]): FormDefinition => formDefinition.parse({ version: 1, fields });
const errorsOf = (field: Partial<FieldInput>, value: AnswerValue | undefined) =>
  evaluateForm(form({ key: 'x', type: 'text', label: { en: 'X' }, ...field } as FieldInput), { x: value }).errors;
const options = (...values: string[]) => values.map((value) => ({ value, label: { en: value } }));

describe('field checks', () => {
  it.each<[string, Partial<FieldInput>, AnswerValue | undefined, ReturnType<typeof errorsOf>]>([
    ['an empty optional field', {}, '', []],
    ['an empty required field', { required: true }, undefined, [{ field: 'x', code: 'required' }]],
    ['an unticked required checkbox', { type: 'checkbox', required: true }, false, [{ field: 'x', code: 'required' }]],
    ['a number at its minimum', { type: 'number', min: 1, max: 5 }, 1, []],
    ['a number below its minimum', { type: 'number', min: 1, max: 5 }, 0.5, [{ field: 'x', code: 'min', limit: 1 }]],
    ['a number at its maximum', { type: 'number', min: 1, max: 5 }, 5, []],
    ['a number above its maximum', { type: 'number', min: 1, max: 5 }, 5.5, [{ field: 'x', code: 'max', limit: 5 }]],
    ['text in a number field', { type: 'number' }, '12', [{ field: 'x', code: 'type' }]],
    ['a number that is not finite', { type: 'number' }, Infinity, [{ field: 'x', code: 'type' }]],
    ['a ticked checkbox', { type: 'checkbox' }, true, []],
    ['text in a checkbox', { type: 'checkbox' }, 'yes', [{ field: 'x', code: 'type' }]],
    ['a choice it offers', { type: 'select', options: options('a', 'b') }, 'b', []],
    ['a choice it does not offer', { type: 'select', options: options('a', 'b') }, 'c', [{ field: 'x', code: 'option' }]],
    ['a list in a single choice', { type: 'select', options: options('a') }, ['a'], [{ field: 'x', code: 'type' }]],
    ['choices it offers, as many as allowed', { type: 'multi_select', options: options('a', 'b', 'c'), min: 2, max: 2 }, ['a', 'c'], []],
    ['too few choices', { type: 'multi_select', options: options('a', 'b', 'c'), min: 2 }, ['a'], [{ field: 'x', code: 'min', limit: 2 }]],
    ['too many choices', { type: 'multi_select', options: options('a', 'b', 'c'), max: 2 }, ['a', 'b', 'c'], [{ field: 'x', code: 'max', limit: 2 }]],
    ['a choice among them it does not offer', { type: 'multi_select', options: options('a') }, ['a', 'z'], [{ field: 'x', code: 'option' }]],
    ['a single value in a multiple choice', { type: 'multi_select', options: options('a') }, 'a', [{ field: 'x', code: 'type' }]],
    ['one file', { type: 'file' }, ['a.pdf'], []],
    ['two files where one is allowed', { type: 'file' }, ['a.pdf', 'b.pdf'], [{ field: 'x', code: 'max', limit: 1 }]],
    ['too few files', { type: 'file', min: 2, max: 3 }, ['a.pdf'], [{ field: 'x', code: 'min', limit: 2 }]],
    ['the most files allowed', { type: 'file', max: 3 }, ['a', 'b', 'c'], []],
    ['an address', { type: 'email' }, 'kim@example.de', []],
    ['an address without a domain', { type: 'email' }, 'kim@example', [{ field: 'x', code: 'email' }]],
    ['an address with a space', { type: 'email' }, 'kim @example.de', [{ field: 'x', code: 'email' }]],
    ['a date', { type: 'date' }, '2026-02-28', []],
    ['a date written the German way', { type: 'date' }, '28.02.2026', [{ field: 'x', code: 'date' }]],
    ['a date that does not exist', { type: 'date' }, '2026-13-01', [{ field: 'x', code: 'date' }]],
    ['text at its minimum length', { min: 3 }, 'abc', []],
    ['text below its minimum length', { min: 3 }, 'ab', [{ field: 'x', code: 'min', limit: 3 }]],
    ['text at its maximum length', { max: 3 }, 'abc', []],
    ['text above its maximum length', { max: 3 }, 'abcd', [{ field: 'x', code: 'max', limit: 3 }]],
    ['text up to the default maximum', {}, 'x'.repeat(1000), []],
    ['text above the default maximum', {}, 'x'.repeat(1001), [{ field: 'x', code: 'max', limit: 1000 }]],
    ['long text up to its default maximum', { type: 'long_text' }, 'x'.repeat(10_000), []],
    ['long text above its default maximum', { type: 'long_text' }, 'x'.repeat(10_001), [{ field: 'x', code: 'max', limit: 10_000 }]],
    ['text matching the whole pattern', { pattern: '[0-9]{5}' }, '10115', []],
    ['text matching only part of the pattern', { pattern: '[0-9]{5}' }, '101155', [{ field: 'x', code: 'pattern' }]],
    ['a number in a text field', {}, 5, [{ field: 'x', code: 'type' }]],
  ])('%s', (_name, field, value, expected) => {
    expect(errorsOf(field, value)).toEqual(expected);
  });
});

describe('rules', () => {
  const topic = { key: 'topic', type: 'select', label: { en: 'Topic' }, options: options('a', 'b', 'c') } as const;
  const is = (value: string) => ({ all: [{ field: 'topic', op: 'equals' as const, value }] });

  it('shows a hidden field only while a show rule holds, and a hide rule wins over it', () => {
    const f = form(topic, {
      key: 'x',
      type: 'text',
      label: { en: 'X' },
      hiddenByDefault: true,
      rules: [
        { when: is('a'), then: { type: 'show' } },
        { when: is('a'), then: { type: 'show' } },
      ],
    });
    expect(evaluateForm(f, { topic: 'b', x: 'v' }).byKey.get('x')).toMatchObject({ visible: false, value: undefined });
    expect(evaluateForm(f, { topic: 'a', x: 'v' }).byKey.get('x')).toMatchObject({ visible: true, value: 'v' });
    const hiding = form(topic, { key: 'x', type: 'text', label: { en: 'X' }, rules: [{ when: is('c'), then: { type: 'hide' } }] });
    expect(evaluateForm(hiding, { topic: 'c', x: 'v' }).byKey.get('x')!.visible).toBe(false);
    expect(evaluateForm(hiding, { topic: 'a', x: 'v' }).byKey.get('x')!.visible).toBe(true);
  });

  it('does not check a hidden field, and its answer counts as empty for the rules of others', () => {
    const f = form(
      topic,
      { key: 'x', type: 'number', label: { en: 'X' }, required: true, rules: [{ when: is('b'), then: { type: 'hide' } }] },
      { key: 'y', type: 'text', label: { en: 'Y' }, rules: [{ when: { all: [{ field: 'x', op: 'is_empty' }] }, then: { type: 'require' } }] },
    );
    expect(evaluateForm(f, { topic: 'b', x: 'kein' }).errors).toEqual([{ field: 'y', code: 'required' }]);
    expect(evaluateForm(f, { topic: 'a', x: 3 }).errors).toEqual([]);
    expect(submissionOf(evaluateForm(f, { topic: 'b', x: 3, y: 'z' }))).toEqual({ topic: 'b', y: 'z' });
  });

  it('narrows options by every restriction that holds, and the last set value wins', () => {
    const f = form(topic, {
      key: 'x',
      type: 'select',
      label: { en: 'X' },
      options: options('p', 'q', 'r'),
      rules: [
        { when: is('a'), then: { type: 'restrict_options', options: ['p', 'q'] } },
        { when: is('a'), then: { type: 'restrict_options', options: ['q', 'r'] } },
        { when: is('a'), then: { type: 'set_value', value: 'p' } },
        { when: is('a'), then: { type: 'set_value', value: 'q' } },
      ],
    });
    expect(evaluateForm(f, { topic: 'a', x: 'r' }).byKey.get('x')).toMatchObject({ options: ['q'], value: 'q' });
    expect(evaluateForm(f, { topic: 'b', x: 'r' }).byKey.get('x')).toMatchObject({ options: ['p', 'q', 'r'], value: 'r' });
    expect(evaluateForm(form({ key: 't', type: 'text', label: { en: 'T' } }), {}).byKey.get('t')!.options).toBeNull();
  });

  it('evaluates a field after the fields its rules read, and reports errors in the form’s order', () => {
    const f = form(
      { key: 'late', type: 'text', label: { en: 'L' }, rules: [{ when: { all: [{ field: 'early', op: 'equals', value: 'go' }] }, then: { type: 'require' } }] },
      { key: 'early', type: 'text', label: { en: 'E' }, required: true, rules: [] },
    );
    expect(evaluationOrder(f.fields).map((x) => x.key)).toEqual(['early', 'late']);
    expect(evaluateForm(f, { early: 'go' }).errors).toEqual([{ field: 'late', code: 'required' }]);
    expect(evaluateForm(f, {}).errors).toEqual([{ field: 'early', code: 'required' }]);
    expect(evaluateForm(f, {}).fields.map((x) => x.key)).toEqual(['late', 'early']);
  });

  it('names the fields of a cycle in the order they depend on each other', () => {
    const dep = (key: string, on: string) => ({
      key,
      type: 'text' as const,
      label: { en: key },
      rules: [{ when: { all: [{ field: on, op: 'is_empty' as const }] }, then: { type: 'hide' as const } }],
    });
    const f = form({ key: 'solo', type: 'text', label: { en: 's' } }, dep('a', 'b'), dep('b', 'c'), dep('c', 'a'));
    expect(() => evaluationOrder(f.fields)).toThrow(CycleError);
    try {
      evaluationOrder(f.fields);
    } catch (err) {
      expect((err as CycleError).cycle).toEqual(['a', 'b', 'c', 'a']);
      expect((err as CycleError).message).toBe('Rules form a cycle: a → b → c → a');
    }
  });
});

describe('posted forms', () => {
  const posted = form(
    { key: 'ok', type: 'checkbox', label: { en: 'OK' } },
    { key: 'n', type: 'number', label: { en: 'N' } },
    { key: 'tags', type: 'multi_select', label: { en: 'T' }, options: options('a', 'b') },
    { key: 'doc', type: 'file', label: { en: 'D' } },
  );

  it('reads a ticked box as true whichever way the browser says it, and any other word as false', () => {
    for (const [sent, read] of [
      ['on', true],
      ['true', true],
      ['false', false],
      ['1', false],
    ] as const) {
      const fd = new FormData();
      fd.set('f_ok', sent);
      expect(answersFromFormData(posted, fd)).toEqual({ ok: read });
    }
  });

  it('keeps only chosen values of a multiple choice, and only real files', () => {
    const fd = new FormData();
    fd.append('f_tags', 'a');
    fd.append('f_tags', '');
    fd.append('f_doc', 'not-a-file');
    expect(answersFromFormData(posted, fd)).toEqual({ tags: ['a'] });
    expect(answersFromFormData(posted, new FormData())).toEqual({});
  });

  it('reads numbers typed with a comma or a point, drops blank ones, and leaves words for the engine to flag', () => {
    expect(normalizeAnswers(posted, { n: ' 12,5 ' })).toEqual({ n: 12.5 });
    expect(normalizeAnswers(posted, { n: '7.25' })).toEqual({ n: 7.25 });
    expect(normalizeAnswers(posted, { n: '   ' })).toEqual({});
    expect(normalizeAnswers(posted, { n: 'zwölf' })).toEqual({ n: 'zwölf' });
    expect(normalizeAnswers(posted, { n: 3, ok: true })).toEqual({ n: 3, ok: true });
    expect(normalizeAnswers(form({ key: 'code', type: 'text', label: { en: 'C' } }), { code: '0,5' })).toEqual({ code: '0,5' });
  });
});
