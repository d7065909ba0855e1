'use client';

import { useTranslations } from 'use-intl';
import type { AnswerValue, Field, Operator } from '@/lib/forms/form-definition';
import { useLocalizedText } from '@/app/_components/form-fields';
import { inlineControl } from './builder-inputs';

type Props = { target: Field | undefined; op: Operator; value: AnswerValue | undefined; onChange: (v: AnswerValue) => void; label: string };

/** The value side of a condition (or a set-value action), shaped by the field it is about. */
export function ValueInput({ target, op, value, onChange, label }: Props) {
  const t = useTranslations('formBuilder');
  const text = useLocalizedText();
  if (op === 'is_empty' || op === 'is_not_empty') return null;
  const options = target?.options ?? [];
  if (op === 'one_of') {
    const chosen = Array.isArray(value) ? value : [];
    if (options.length) {
      return (
        <fieldset className="flex flex-wrap gap-x-2" aria-label={label}>
          {options.map((o) => (
            <label key={o.value} className="flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                checked={chosen.includes(o.value)}
                onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((x) => x !== o.value))}
              />
              {text(o.label) || o.value}
            </label>
          ))}
        </fieldset>
      );
    }
    return (
      <input
        aria-label={label}
        title={t('listHint')}
        placeholder={t('listHint')}
        className={inlineControl}
        defaultValue={chosen.join(', ')}
        onBlur={(e) =>
          onChange(
            e.target.value
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          )
        }
      />
    );
  }
  switch (target?.type) {
    case 'select':
    case 'multi_select':
      return (
        <select aria-label={label} className={inlineControl} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {text(o.label) || o.value}
            </option>
          ))}
        </select>
      );
    case 'checkbox':
      return (
        <select aria-label={label} className={inlineControl} value={value === false ? 'false' : 'true'} onChange={(e) => onChange(e.target.value === 'true')}>
          <option value="true">{t('yes')}</option>
          <option value="false">{t('no')}</option>
        </select>
      );
    case 'number':
      return (
        <input
          aria-label={label}
          type="number"
          className={`${inlineControl} w-24`}
          value={typeof value === 'number' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
        />
      );
    case 'date':
      return (
        <input
          aria-label={label}
          type="date"
          className={inlineControl}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    default:
      return <input aria-label={label} className={inlineControl} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} />;
  }
}
