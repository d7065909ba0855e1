import { describe, expect, it } from 'vitest';
import { complaintForm } from '@/lib/forms/test-forms';
import { formDefinition } from '@/lib/forms/form-definition';
import { renderAnswers } from './submit-form';

const form = formDefinition.parse(complaintForm);
const answers = { topic: 'reklamation', order_value: 800, resolution: 'refund' };

describe('the answers as the first message', () => {
  it('uses the labels of the language the visitor filled the form in, English where none is translated', () => {
    expect(renderAnswers(form, answers, 'de').split('\n').slice(0, 3)).toEqual(['Thema: Reklamation', 'Order value (€): 800', 'What would you like?: Refund']);
    expect(renderAnswers(form, answers, 'en').split('\n')[0]).toBe('Topic: Complaint');
    expect(renderAnswers(form, { topic: 'unbekannt' }, 'de')).toBe('Thema: unbekannt');
  });
});
