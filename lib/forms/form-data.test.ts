import { describe, expect, it } from 'vitest';
import { answersFromFormData } from './form-data';
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
