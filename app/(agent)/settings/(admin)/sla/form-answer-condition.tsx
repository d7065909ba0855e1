'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/app/_components/trpc';
import { SelectField } from '@/app/_components/select-field';
import { TextField } from '@/app/_components/text-field';
import { NamedOptions, idOrNull } from '@/app/_components/named-options';
import { useLocalizedText } from '@/app/_components/form-fields';
import type { SlaConditions } from '@/lib/sla-policy';

type Answer = SlaConditions['formAnswer'];

/** "The intake form's field has this answer": a form, one of its fields, and one of its options (or a typed value). */
export function FormAnswerCondition({ value, onChange, problem }: { value: Answer; onChange: (v: Answer) => void; problem?: string }) {
  const t = useTranslations('slaAdmin');
  const text = useLocalizedText();
  const trpc = useTRPC();
  const forms = useQuery(trpc.forms.list.queryOptions());
  const form = useQuery({ ...trpc.forms.get.queryOptions({ id: value?.formId ?? 0 }), enabled: Boolean(value?.formId) });
  const fields = (form.data?.definition.fields ?? []).filter((f) => f.type !== 'file');
  const field = fields.find((f) => f.key === value?.field);
  return (
    <div className="grid gap-2 sm:grid-cols-3">
      <SelectField
        label={t('formAnswer')}
        value={value?.formId ?? ''}
        onChange={(e) => onChange(idOrNull(e.target.value) === null ? null : { formId: Number(e.target.value), field: '', value: '' })}
      >
        <option value="">{t('anyAnswer')}</option>
        <NamedOptions items={forms.data ?? []} />
      </SelectField>
      {value && (
        <SelectField label={t('formField')} value={value.field} onChange={(e) => onChange({ ...value, field: e.target.value, value: '' })}>
          <option value="" disabled>
            —
          </option>
          {fields.map((f) => (
            <option key={f.key} value={f.key}>
              {text(f.label)}
            </option>
          ))}
        </SelectField>
      )}
      {value && field?.options ? (
        <SelectField label={t('formValue')} value={value.value} onChange={(e) => onChange({ ...value, value: e.target.value })}>
          <option value="" disabled>
            —
          </option>
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {text(o.label)}
            </option>
          ))}
        </SelectField>
      ) : value ? (
        <TextField label={t('formValue')} value={value.value} onChange={(e) => onChange({ ...value, value: e.target.value })} />
      ) : null}
      {problem && <p className="text-xs text-red-700 sm:col-span-3">{problem}</p>}
    </div>
  );
}
