'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { Trash2 } from 'lucide-react';
import { FIELD_TYPES, MAPPINGS, type Field, type FieldType, type LocalizedText } from '@/lib/forms/form-definition';
import { Check, LabeledInput, LabeledSelect } from './builder-inputs';
import { OptionsEditor } from './options-editor';
import { FieldRulesEditor } from './field-rules-editor';

type Props = {
  field: Field;
  others: Field[];
  fieldName: (f: Field) => string;
  onChange: (patch: Partial<Field>) => void;
  /** Renames the key (rules follow); returns an error text when the key cannot be used. */
  onRename: (to: string) => string | null;
  /** Why the field cannot be removed (rules read it), or null. */
  removeBlockedBy: string[];
  onRemove: () => void;
};

const TEXTUAL = new Set<FieldType>(['text', 'long_text', 'email', 'phone', 'number', 'date']);
const WITH_LIMITS = new Set<FieldType>(['text', 'long_text', 'number', 'multi_select']);
const WITH_PATTERN = new Set<FieldType>(['text', 'phone']);
const CHOICES = new Set<FieldType>(['select', 'multi_select']);

const numberOrUndefined = (v: string) => (v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));

export function FieldEditor({ field: f, others, fieldName, onChange, onRename, removeBlockedBy, onRemove }: Props) {
  const t = useTranslations('formBuilder');
  const text = (name: 'label' | 'help' | 'placeholder', lang: keyof LocalizedText) => ({
    value: f[name]?.[lang] ?? '',
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => onChange({ [name]: { en: '', ...f[name], [lang]: e.target.value } }),
  });
  const mapping = f.mapping?.kind ?? '';
  return (
    <div className="space-y-4" data-testid="field-editor">
      <div className="grid grid-cols-2 gap-2">
        <KeyInput key={f.key} value={f.key} onRename={onRename} />
        <LabeledSelect
          label={t('type')}
          value={f.type}
          onChange={(e) => {
            const type = e.target.value as FieldType;
            onChange({ type, options: CHOICES.has(type) ? (f.options ?? [{ value: 'option_1', label: { en: 'Option 1', de: 'Option 1' } }]) : undefined });
          }}
        >
          {FIELD_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`types.${type}`)}
            </option>
          ))}
        </LabeledSelect>
        <LabeledInput label={t('labelEn')} required {...text('label', 'en')} />
        <LabeledInput label={t('labelDe')} {...text('label', 'de')} />
        <LabeledInput label={t('helpEn')} {...text('help', 'en')} />
        <LabeledInput label={t('helpDe')} {...text('help', 'de')} />
        {TEXTUAL.has(f.type) && (
          <>
            <LabeledInput label={t('placeholderEn')} {...text('placeholder', 'en')} />
            <LabeledInput label={t('placeholderDe')} {...text('placeholder', 'de')} />
          </>
        )}
        {WITH_LIMITS.has(f.type) && (
          <>
            <LabeledInput label={t('min')} type="number" value={f.min ?? ''} onChange={(e) => onChange({ min: numberOrUndefined(e.target.value) })} />
            <LabeledInput label={t('max')} type="number" value={f.max ?? ''} onChange={(e) => onChange({ max: numberOrUndefined(e.target.value) })} />
          </>
        )}
        {WITH_PATTERN.has(f.type) && (
          <LabeledInput
            className="col-span-2 font-mono"
            label={t('pattern')}
            value={f.pattern ?? ''}
            onChange={(e) => onChange({ pattern: e.target.value || undefined })}
          />
        )}
      </div>
      <div className="flex flex-wrap gap-4">
        <Check label={t('required')} checked={f.required} onChange={(required) => onChange({ required })} />
        <Check label={t('hiddenByDefault')} checked={f.hiddenByDefault} onChange={(hiddenByDefault) => onChange({ hiddenByDefault })} />
      </div>
      {CHOICES.has(f.type) && <OptionsEditor options={f.options ?? []} onChange={(options) => onChange({ options })} />}
      <div className="grid grid-cols-2 gap-2">
        <LabeledSelect
          label={t('mapping')}
          value={mapping}
          onChange={(e) => {
            const kind = e.target.value;
            onChange({ mapping: kind === '' ? undefined : kind === 'customer_attribute' ? { kind, key: f.key } : { kind: kind as (typeof MAPPINGS)[number] } });
          }}
        >
          <option value="">{t('mappingNone')}</option>
          {[...MAPPINGS, 'customer_attribute' as const].map((k) => (
            <option key={k} value={k}>
              {t(`mappingKinds.${k}`)}
            </option>
          ))}
        </LabeledSelect>
        {f.mapping?.kind === 'customer_attribute' && (
          <LabeledInput
            label={t('attributeKey')}
            value={f.mapping.key}
            onChange={(e) => onChange({ mapping: { kind: 'customer_attribute', key: e.target.value } })}
          />
        )}
      </div>
      <FieldRulesEditor field={f} others={others} fieldName={fieldName} onChange={onChange} />
      <div className="border-t border-slate-200 pt-3">
        <button
          type="button"
          disabled={removeBlockedBy.length > 0}
          onClick={onRemove}
          className="flex items-center gap-1 rounded px-2 py-1 text-sm text-red-700 hover:bg-red-50 disabled:text-slate-400 disabled:hover:bg-transparent"
        >
          <Trash2 className="size-4" aria-hidden /> {t('removeField')}
        </button>
        {removeBlockedBy.length > 0 && <p className="mt-1 text-xs text-slate-500">{t('cannotRemove', { names: removeBlockedBy.join(', ') })}</p>}
      </div>
    </div>
  );
}

/** The key is committed on blur or Enter, so rules are renamed once, not on every keystroke. */
function KeyInput({ value, onRename }: { value: string; onRename: (to: string) => string | null }) {
  const t = useTranslations('formBuilder');
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (draft === value) return setError(null);
    const problem = onRename(draft);
    setError(problem);
    if (problem) setDraft(value);
  };
  return (
    <div className="text-xs">
      <label className="block">
        <span className="mb-0.5 block font-medium text-slate-600">{t('key')}</span>
        <input
          className="w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-sm"
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby="field-key-hint"
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), commit())}
        />
      </label>
      <span id="field-key-hint" className={`mt-0.5 block ${error ? 'text-red-700' : 'text-slate-500'}`}>
        {error ?? t('keyHint')}
      </span>
    </div>
  );
}
