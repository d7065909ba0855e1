'use client';

import { useTranslations } from 'use-intl';
import { ArrowDown, ArrowUp, X } from 'lucide-react';
import type { Field } from '@/lib/forms/form-definition';
import { moveItem } from '@/lib/forms/edit-definition';
import { inlineControl, SmallButton } from './builder-inputs';

type Option = NonNullable<Field['options']>[number];

/** The choices of a select: stored value plus English and German labels, in order. */
export function OptionsEditor({ options, onChange }: { options: Option[]; onChange: (options: Option[]) => void }) {
  const t = useTranslations('formBuilder');
  const set = (i: number, o: Option) => onChange(options.map((x, j) => (j === i ? o : x)));
  return (
    <fieldset className="space-y-1">
      <legend className="mb-0.5 text-xs font-medium text-slate-600">{t('options')}</legend>
      {options.map((o, i) => (
        <div key={i} className="flex items-center gap-1" data-testid="option-row">
          <input
            aria-label={`${t('optionValue')} ${i + 1}`}
            className={`${inlineControl} w-24 shrink-0 font-mono text-xs`}
            value={o.value}
            onChange={(e) => set(i, { ...o, value: e.target.value })}
          />
          <input
            aria-label={`${t('labelEn')} ${i + 1}`}
            className={`${inlineControl} w-0 flex-1`}
            value={o.label.en}
            onChange={(e) => set(i, { ...o, label: { ...o.label, en: e.target.value } })}
          />
          <input
            aria-label={`${t('labelDe')} ${i + 1}`}
            className={`${inlineControl} w-0 flex-1`}
            value={o.label.de ?? ''}
            onChange={(e) => set(i, { ...o, label: { ...o.label, de: e.target.value } })}
          />
          <SmallButton aria-label={t('moveUp', { name: o.value })} disabled={i === 0} onClick={() => onChange(moveItem(options, i, i - 1))}>
            <ArrowUp className="size-3.5" aria-hidden />
          </SmallButton>
          <SmallButton aria-label={t('moveDown', { name: o.value })} disabled={i === options.length - 1} onClick={() => onChange(moveItem(options, i, i + 1))}>
            <ArrowDown className="size-3.5" aria-hidden />
          </SmallButton>
          <SmallButton aria-label={t('remove')} onClick={() => onChange(options.filter((_, j) => j !== i))}>
            <X className="size-3.5" aria-hidden />
          </SmallButton>
        </div>
      ))}
      <SmallButton
        className="border border-dashed border-slate-300"
        onClick={() => onChange([...options, { value: `option_${options.length + 1}`, label: { en: '', de: '' } }])}
      >
        + {t('addOption')}
      </SmallButton>
    </fieldset>
  );
}
