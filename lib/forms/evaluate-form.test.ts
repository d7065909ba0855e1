import { describe, expect, it } from 'vitest';
import { evaluateCondition, evaluateGroup } from './conditions';
import { evaluateForm, submissionOf } from './evaluate-form';
import { validateSubmission } from './validate-submission';
import { validateDefinition } from './validate-definition';
import { routeAnswers } from './routing';
import { complaintForm } from './test-forms';
import type { Answers, Condition } from './form-definition';

const c = (op: Condition['op'], value?: Condition['value']) => ({ field: 'x', op, value });

describe('operators', () => {
  it.each([
    ['equals', 'Reklamation', { x: 'reklamation ' }, true],
    ['equals', 'a', { x: '' }, false],
    ['not_equals', 'a', { x: 'b' }, true],
    ['not_equals', 'a', {}, true],
    ['one_of', ['a', 'b'], { x: 'B' }, true],
    ['one_of', ['a', 'b'], { x: 'c' }, false],
    ['contains', 'kaputt', { x: 'Gerät ist Kaputt' }, true],
    ['contains', 'red', { x: ['blue', 'red'] }, true],
    ['contains', 'red', { x: ['blue'] }, false],
    ['is_empty', undefined, { x: [] }, true],
    ['is_empty', undefined, { x: false }, true],
    ['is_not_empty', undefined, { x: 0 }, true],
    ['gt', 500, { x: 501 }, true],
    ['gt', 500, { x: 500 }, false],
    ['gt', 500, { x: '600' }, false],
    ['lt', '2026-12-01', { x: '2026-11-30' }, true],
    ['lt', 10, {}, false],
  ] as const)('%s %j on %j → %s', (op, value, answers, expected) => {
    expect(evaluateCondition(c(op, value as Condition['value']), answers as Answers)).toBe(expected);
  });

  it('combines all/any and nested groups', () => {
    const g = {
      all: [
        { field: 'a', op: 'equals' as const, value: '1' },
        {
          any: [
            { field: 'b', op: 'equals' as const, value: 'x' },
            { field: 'c', op: 'is_not_empty' as const },
          ],
        },
      ],
    };
    expect(evaluateGroup(g, { a: '1', b: 'y', c: 'z' })).toBe(true);
    expect(evaluateGroup(g, { a: '1', b: 'y' })).toBe(false);
    expect(evaluateGroup(g, { a: '2', b: 'x' })).toBe(false);
  });
});

describe('actions', () => {
  it('shows, requires and fills fields only while their conditions hold', () => {
    const base = evaluateForm(complaintForm, { topic: 'lieferung', email: 'a@b.de' });
    expect(base.byKey.get('order_value')!.visible).toBe(false);
    expect(base.errors).toEqual([]);
    const complaint = evaluateForm(complaintForm, { topic: 'reklamation', email: 'a@b.de' });
    expect(complaint.byKey.get('order_value')).toMatchObject({ visible: true, required: true });
    expect(complaint.errors).toEqual([{ field: 'order_value', code: 'required' }]);
    expect(complaint.byKey.get('channel_hint')!.value).toBe('complaints');
  });

  it('restricts the options of a select', () => {
    const e = evaluateForm(complaintForm, { topic: 'reklamation', order_value: 800, resolution: 'voucher', email: 'a@b.de' });
    expect(e.byKey.get('resolution')!.options).toEqual(['refund', 'replacement']);
    expect(e.errors).toEqual([{ field: 'resolution', code: 'option' }]);
    expect(evaluateForm(complaintForm, { topic: 'reklamation', order_value: 80, resolution: 'voucher', email: 'a@b.de' }).errors).toEqual([]);
  });

  it('hide wins over show, and a hidden field counts as empty for others', () => {
    const form = validateDefinition({
      version: 1,
      fields: [
        { key: 'a', type: 'checkbox', label: { en: 'A' } },
        { key: 'b', type: 'text', label: { en: 'B' }, rules: [{ when: { all: [{ field: 'a', op: 'equals', value: true }] }, then: { type: 'hide' } }] },
        {
          key: 'c',
          type: 'text',
          label: { en: 'C' },
          hiddenByDefault: true,
          rules: [{ when: { all: [{ field: 'b', op: 'is_not_empty' }] }, then: { type: 'show' } }],
        },
        {
          key: 'd',
          type: 'text',
          label: { en: 'D' },
          hiddenByDefault: true,
          rules: [
            { when: { all: [{ field: 'b', op: 'is_not_empty' }] }, then: { type: 'show' } },
            { when: { all: [{ field: 'b', op: 'equals', value: 'nein' }] }, then: { type: 'hide' } },
          ],
        },
      ],
    });
    if (!form.ok) throw new Error(JSON.stringify(form.problems));
    expect(evaluateForm(form.form, { b: 'x' }).byKey.get('c')!.visible).toBe(true);
    expect(evaluateForm(form.form, { b: 'x' }).byKey.get('d')!.visible).toBe(true);
    expect(evaluateForm(form.form, { b: 'nein' }).byKey.get('d')!.visible).toBe(false);
    const hidden = evaluateForm(form.form, { a: true, b: 'x' });
    expect(hidden.byKey.get('b')!.visible).toBe(false);
    expect(hidden.byKey.get('c')!.visible).toBe(false);
  });

  it('checks types, lengths, patterns, emails and dates', () => {
    const e = evaluateForm(complaintForm, { topic: 'rechnung', order_number: 'B-1', email: 'no-at-sign', details: 'x'.repeat(2001) });
    expect(e.errors).toEqual([
      { field: 'order_number', code: 'pattern' },
      { field: 'email', code: 'email' },
      { field: 'details', code: 'max', limit: 2000 },
    ]);
    expect(evaluateForm(complaintForm, { topic: 7 as unknown as string, email: 'a@b.de' }).errors).toEqual([{ field: 'topic', code: 'type' }]);
  });
});

describe('server-side submission check', () => {
  it('refuses unknown fields and values for hidden fields, and stores only visible answers', () => {
    expect(validateSubmission(complaintForm, { topic: 'lieferung', email: 'a@b.de', order_value: 900, admin: 'yes' })).toEqual({
      ok: false,
      errors: [
        { field: 'admin', code: 'unknown_field' },
        { field: 'order_value', code: 'hidden_field' },
      ],
    });
    expect(validateSubmission(complaintForm, { topic: 'reklamation', order_value: 900, resolution: 'refund', email: 'a@b.de' })).toEqual({
      ok: true,
      answers: { topic: 'reklamation', order_value: 900, resolution: 'refund', email: 'a@b.de', channel_hint: 'complaints' },
    });
  });

  it('agrees with what the browser submits', () => {
    const inBrowser = evaluateForm(complaintForm, { topic: 'lieferung', email: 'a@b.de', order_value: 900 });
    expect(inBrowser.errors).toEqual([]);
    expect(validateSubmission(complaintForm, submissionOf(inBrowser))).toMatchObject({ ok: true });
  });
});

describe('routing', () => {
  it('first match wins unless it says continue', () => {
    expect(routeAnswers(complaintForm, { topic: 'reklamation', order_value: 800 })).toEqual({
      set: { teamId: 3, priority: 'high', tags: ['reklamation'] },
      matched: [{ id: 'big-complaint', name: 'Large complaints' }],
    });
    expect(routeAnswers(complaintForm, { topic: 'reklamation', order_value: 80 }).matched.map((m) => m.id)).toEqual(['complaint']);
    expect(routeAnswers(complaintForm, { topic: 'rechnung' })).toEqual({
      set: { teamId: 2, tags: ['rechnung'] },
      matched: [
        { id: 'invoice', name: 'Invoices' },
        { id: 'invoice-tag', name: 'Tag invoices' },
      ],
    });
    expect(routeAnswers(complaintForm, { topic: 'lieferung' })).toEqual({ set: {}, matched: [] });
  });
});
