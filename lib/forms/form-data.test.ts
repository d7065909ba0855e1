import { describe, expect, it } from 'vitest';
import { answersFromFormData } from './form-data';
import { evaluateForm } from './evaluate-form';
import { complaintForm } from './test-forms';

describe('answersFromFormData', () => {
  it('converts posted strings to the field types and drops empty inputs', () => {
    const fd = new FormData();
    fd.set('f_topic', 'reklamation');
    fd.set('f_order_value', '799,50');
    fd.set('f_email', 'a@b.de');
    fd.set('f_details', '');
    fd.set('f_unknown', 'x');
    expect(answersFromFormData(complaintForm, fd)).toEqual({ topic: 'reklamation', order_value: 799.5, email: 'a@b.de' });
  });
  it('keeps a non-number as text so the engine reports a type error', () => {
    const fd = new FormData();
    fd.set('f_order_value', 'viel');
    expect(answersFromFormData(complaintForm, fd)).toEqual({ order_value: 'viel' });
  });
});

describe('file fields', () => {
  const form = { fields: [{ key: 'photo', type: 'file' as const, label: { en: 'Photo' }, required: false, hiddenByDefault: false, rules: [], max: 2 }] };
  it('reads the names of the chosen files and ignores an empty file input', () => {
    const data = new FormData();
    data.append('f_photo', new File(['x'], 'a.png'));
    data.append('f_photo', new File([], ''));
    expect(answersFromFormData(form, data)).toEqual({ photo: ['a.png'] });
  });
  it('counts files against the field maximum (one unless it says more)', () => {
    expect(evaluateForm({ ...form, routing: [], version: 1 }, { photo: ['a', 'b', 'c'] }).errors).toEqual([{ field: 'photo', code: 'max', limit: 2 }]);
    expect(evaluateForm({ fields: [{ ...form.fields[0]!, max: undefined }], routing: [], version: 1 }, { photo: ['a', 'b'] }).errors).toEqual([
      { field: 'photo', code: 'max', limit: 1 },
    ]);
    expect(evaluateForm({ ...form, routing: [], version: 1 }, { photo: 'a.png' }).errors).toEqual([{ field: 'photo', code: 'type' }]);
  });
});
