import { describe, expect, it } from 'vitest';
import { complaintForm } from './test-forms';
import { changeOperator, moveItem, newCondition, newField, referencesTo, renameField, retarget, slugify } from './edit-definition';
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
