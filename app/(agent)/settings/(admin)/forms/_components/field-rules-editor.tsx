'use client';

import { useTranslations } from 'use-intl';
import { Trash2 } from 'lucide-react';
import type { Action, Field, Rule } from '@/lib/forms/form-definition';
import { defaultValue, newCondition } from '@/lib/forms/edit-definition';
import { useLocalizedText } from '@/app/_components/form-fields';
import { inlineControl, SmallButton } from './builder-inputs';
import { ConditionGroupEditor } from './condition-group-editor';
import { ValueInput } from './value-input';

type Props = { field: Field; others: Field[]; fieldName: (f: Field) => string; onChange: (patch: Partial<Field>) => void };

const ACTIONS: Action['type'][] = ['show', 'hide', 'require', 'restrict_options', 'set_value'];

/** A field's rules: "when <conditions> then <action>". */
export function FieldRulesEditor({ field, others, fieldName, onChange }: Props) {
  const t = useTranslations('formBuilder');
  const text = useLocalizedText();
  const setRule = (i: number, rule: Rule) => {
    const rules = field.rules.map((r, j) => (j === i ? rule : r));
    // A show rule only means something for a field that starts hidden.
    onChange(rule.then.type === 'show' ? { rules, hiddenByDefault: true } : { rules });
  };
  const actionFor = (type: Action['type']): Action => {
    if (type === 'restrict_options') return { type, options: field.options?.map((o) => o.value) ?? [] };
    if (type === 'set_value') return { type, value: defaultValue(field) ?? null };
    return { type };
  };
  const actions = ACTIONS.filter((a) => a !== 'restrict_options' || field.type === 'select' || field.type === 'multi_select');
  return (
    <section className="space-y-2" aria-label={t('rules')}>
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t('rules')}</h3>
      {!field.rules.length && <p className="text-xs text-slate-500">{t('noRules')}</p>}
      {field.rules.map((rule, i) => (
        <div key={i} className="space-y-1 rounded border border-slate-200 p-2" data-testid="field-rule">
          <div className="flex items-center gap-1 text-xs font-medium text-slate-600">
            {t('when')}
            <SmallButton className="ml-auto" aria-label={t('remove')} onClick={() => onChange({ rules: field.rules.filter((_, j) => j !== i) })}>
              <Trash2 className="size-3.5" aria-hidden />
            </SmallButton>
          </div>
          <ConditionGroupEditor group={rule.when} fields={others} fieldName={fieldName} onChange={(when) => setRule(i, { ...rule, when })} />
          <div className="flex flex-wrap items-center gap-1 text-sm">
            <span className="text-xs font-medium text-slate-600">{t('then')}</span>
            <select
              aria-label={t('then')}
              className={inlineControl}
              value={rule.then.type}
              onChange={(e) => setRule(i, { ...rule, then: actionFor(e.target.value as Action['type']) })}
            >
              {actions.map((a) => (
                <option key={a} value={a}>
                  {t(`actions.${a}`)}
                </option>
              ))}
            </select>
            {rule.then.type === 'set_value' && (
              <ValueInput
                target={field}
                op="equals"
                label={t('value')}
                value={rule.then.value}
                onChange={(value) => setRule(i, { ...rule, then: { type: 'set_value', value } })}
              />
            )}
            {rule.then.type === 'restrict_options' && (
              <RestrictOptions
                field={field}
                chosen={rule.then.options}
                label={text}
                onChange={(options) => setRule(i, { ...rule, then: { type: 'restrict_options', options } })}
              />
            )}
          </div>
        </div>
      ))}
      <SmallButton
        className="border border-dashed border-slate-300"
        disabled={!others.length}
        onClick={() => onChange({ rules: [...field.rules, { when: { all: [newCondition(others[0]!)] }, then: { type: 'require' } }] })}
      >
        + {t('addRule')}
      </SmallButton>
    </section>
  );
}

function RestrictOptions({
  field,
  chosen,
  label,
  onChange,
}: {
  field: Field;
  chosen: string[];
  label: ReturnType<typeof useLocalizedText>;
  onChange: (options: string[]) => void;
}) {
  return (
    <span className="flex flex-wrap gap-x-2">
      {field.options?.map((o) => (
        <label key={o.value} className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={chosen.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((x) => x !== o.value))}
          />
          {label(o.label) || o.value}
        </label>
      ))}
    </span>
  );
}
