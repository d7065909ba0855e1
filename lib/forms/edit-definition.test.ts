import { describe, expect, it } from 'vitest';
import { complaintForm } from './test-forms';
import { changeOperator, defaultValue, moveItem, newCondition, newField, referencesTo, renameField, retarget, slugify } from './edit-definition';
import { validateDefinition } from './validate-definition';
import { evaluateForm } from './evaluate-form';

const field = (key: string) => complaintForm.fields.find((f) => f.key === key)!;

describe('form builder edits', () => {
  it('gives new fields free keys and choice fields a first option', () => {
    expect(newField('text', ['text_1', 'text_2']).key).toBe('text_3');
    expect(newField('select', []).options).toHaveLength(1);
  });

  it('moves a field without losing or doubling any', () => {
    const keys = complaintForm.fields.map((f) => f.key);
    expect(moveItem(keys, 4, 0)).toEqual(['email', 'topic', 'order_value', 'resolution', 'order_number', 'details', 'channel_hint']);
    expect(moveItem(keys, 0, 6).at(-1)).toBe('topic');
    expect(moveItem(keys, 0, 9)).toEqual(keys);
  });

  it('renames a field together with every rule and routing condition that reads it, so behaviour stays the same', () => {
    const renamed = renameField(complaintForm, 'topic', 'anliegen');
    expect(referencesTo(renamed, 'topic')).toEqual([]);
    expect(referencesTo(renamed, 'anliegen')).toEqual([
      'order_value',
      'order_number',
      'channel_hint',
      'Large complaints',
      'Complaints',
      'Invoices',
      'Tag invoices',
    ]);
    expect(validateDefinition(renamed).ok).toBe(true);
    const before = evaluateForm(complaintForm, { topic: 'reklamation' }).fields.map((f) => f.visible);
    const after = evaluateForm(renamed, { anliegen: 'reklamation' }).fields.map((f) => f.visible);
    expect(after).toEqual(before);
  });

  it('offers only operators that fit the field type and keeps values of the right shape', () => {
    expect(newCondition(field('order_value'))).toEqual({ field: 'order_value', op: 'equals', value: 0 });
    expect(newCondition(field('details'))).toEqual({ field: 'details', op: 'contains', value: '' });
    // gt does not exist for select fields: the condition falls back to the first operator that does.
    expect(retarget({ field: 'order_value', op: 'gt', value: 500 }, field('topic'))).toEqual({ field: 'topic', op: 'equals', value: 'reklamation' });
    expect(changeOperator({ field: 'topic', op: 'equals', value: 'rechnung' }, 'not_equals', field('topic'))).toEqual({
      field: 'topic',
      op: 'not_equals',
      value: 'rechnung',
    });
    expect(changeOperator({ field: 'topic', op: 'equals', value: 'rechnung' }, 'one_of', field('topic'))).toEqual({ field: 'topic', op: 'one_of', value: [] });
    expect(changeOperator({ field: 'topic', op: 'equals', value: 'rechnung' }, 'is_empty', field('topic'))).toEqual({ field: 'topic', op: 'is_empty' });
  });

  it('turns form names into slugs for the public address', () => {
    expect(slugify('Reklamation & Rücksendung')).toBe('reklamation-ruecksendung');
    expect(slugify('  Größe?  ')).toBe('groesse');
  });
});

describe('form builder edits, at their edges', () => {
  it('builds a new field with nothing preset but its key, and options only for choices', () => {
    expect(newField('number', ['text_1'])).toEqual({
      key: 'number_1',
      type: 'number',
      label: { en: '', de: '' },
      required: false,
      hiddenByDefault: false,
      rules: [],
    });
    expect(newField('multi_select', ['multi_select_1']).options).toEqual([{ value: 'option_1', label: { en: 'Option 1', de: 'Option 1' } }]);
    expect(newField('checkbox', []).options).toBeUndefined();
  });

  it('leaves the list as it was for a move from or to outside it, and moves to the last place', () => {
    const list = ['a', 'b', 'c'];
    expect(moveItem(list, -1, 0)).toEqual(list);
    expect(moveItem(list, 3, 0)).toEqual(list);
    expect(moveItem(list, 0, -1)).toEqual(list);
    expect(moveItem(list, 0, 3)).toEqual(list);
    expect(moveItem(list, 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(list, 2, 0)).toEqual(['c', 'a', 'b']);
    expect(list).toEqual(['a', 'b', 'c']);
  });

  it('follows a rename inside nested any-groups and leaves conditions on other fields alone', () => {
    const def = {
      version: 1,
      fields: [
        { key: 'a', type: 'text' as const, label: { en: 'A' }, required: false, hiddenByDefault: false, rules: [] },
        {
          key: 'b',
          type: 'text' as const,
          label: { en: 'B' },
          required: false,
          hiddenByDefault: false,
          rules: [
            { when: { any: [{ field: 'c', op: 'is_empty' as const }, { all: [{ field: 'a', op: 'is_empty' as const }] }] }, then: { type: 'hide' as const } },
          ],
        },
      ],
      routing: [{ id: 'r', name: '', when: { any: [{ field: 'a', op: 'is_not_empty' as const }] }, set: {}, continue: false }],
    };
    const renamed = renameField(def, 'a', 'z');
    expect(renamed.fields.map((f) => f.key)).toEqual(['z', 'b']);
    expect(renamed.fields[1]!.rules[0]!.when).toEqual({ any: [{ field: 'c', op: 'is_empty' }, { all: [{ field: 'z', op: 'is_empty' }] }] });
    expect(renamed.routing[0]!.when).toEqual({ any: [{ field: 'z', op: 'is_not_empty' }] });
    // An unnamed routing rule is named by its id; a field's own rules on itself do not count as a reference.
    expect(referencesTo(renamed, 'z')).toEqual(['b', 'r']);
    expect(referencesTo(renamed, 'b')).toEqual([]);
  });

  it('starts values by the target field type', () => {
    const f = (type: Parameters<typeof newField>[0], extra: object = {}) => ({ ...newField(type, []), key: 't', ...extra });
    expect(defaultValue(f('checkbox'))).toBe(true);
    expect(defaultValue(f('number'), 'gt')).toBe(0);
    expect(defaultValue(f('text'))).toBe('');
    expect(defaultValue(f('select', { options: [] }))).toBe('');
    expect(defaultValue(f('select'), 'one_of')).toEqual([]);
    expect(defaultValue(f('select'), 'is_not_empty')).toBeUndefined();
    expect(newCondition(f('file'))).toEqual({ field: 't', op: 'is_empty' });
    expect(retarget({ field: 'x', op: 'is_empty' }, f('number'))).toEqual({ field: 't', op: 'is_empty' });
    expect(retarget({ field: 'x', op: 'contains', value: 'q' }, f('text'))).toEqual({ field: 't', op: 'contains', value: '' });
  });

  it('keeps a value through an operator change only when its shape still fits', () => {
    const topic = field('topic');
    expect(changeOperator({ field: 'topic', op: 'one_of', value: ['a'] }, 'one_of', topic)).toEqual({ field: 'topic', op: 'one_of', value: ['a'] });
    expect(changeOperator({ field: 'topic', op: 'one_of', value: ['a'] }, 'equals', topic)).toEqual({ field: 'topic', op: 'equals', value: 'reklamation' });
    expect(changeOperator({ field: 'topic', op: 'is_empty' }, 'equals', topic)).toEqual({ field: 'topic', op: 'equals', value: 'reklamation' });
    expect(changeOperator({ field: 'gone', op: 'is_empty' }, 'equals', undefined)).toEqual({ field: 'gone', op: 'equals', value: undefined });
    expect(changeOperator({ field: 'topic', op: 'equals', value: 'a' }, 'is_not_empty', topic)).toEqual({ field: 'topic', op: 'is_not_empty' });
  });

  it('makes slugs of letters and digits only, at most 60 long', () => {
    expect(slugify('Straße & Maß: Öl')).toBe('strasse-mass-oel');
    expect(slugify('--Café--')).toBe('cafe');
    expect(slugify('x'.repeat(80))).toHaveLength(60);
    expect(slugify('ÄÖÜ')).toBe('aeoeue');
  });
});
