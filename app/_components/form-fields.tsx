'use client';

import { useLocale, useTranslations } from 'use-intl';
import type { AnswerValue, Answers, FormDefinition, LocalizedText } from '@/lib/forms/form-definition';
import type { Evaluation, FieldError } from '@/lib/forms/evaluate-form';
import { FormFieldInput } from './form-field-input';

/** Picks the German text when the UI is German and the form has one, else English. */
export function useLocalizedText() {
  const locale = useLocale();
  return (l: LocalizedText | undefined) => (l ? (locale === 'de' && l.de) || l.en : '');
}

type Props = {
  definition: Pick<FormDefinition, 'fields'>;
  /** What was typed (number fields as text), so inputs keep exactly what the person entered. */
  answers: Answers;
  /** The same answers as the engine reads them (normalizeAnswers). */
  normalized: Answers;
  evaluation: Evaluation;
  errors: FieldError[];
  onChange: (key: string, value: AnswerValue) => void;
  showHelp?: boolean;
  /** File fields need a multipart form (the public page); elsewhere they are shown read-only or not at all. */
  fileInputs?: boolean;
};

/** The fields the engine says apply now, in form order; used by the public form and the agent sidebar. */
export function FormFields({ definition, answers, normalized, evaluation, errors, onChange, showHelp = true, fileInputs = false }: Props) {
  const t = useTranslations('publicForm');
  const text = useLocalizedText();
  return (
    <>
      {definition.fields.map((f) => {
        const s = evaluation.byKey.get(f.key)!;
        if (!s.visible || (f.type === 'file' && !fileInputs)) return null;
        const error = errors.find((e) => e.field === f.key);
        // A value a rule sets is shown as given, not editable.
        const setByRule = s.value !== normalized[f.key];
        return (
          <FormFieldInput
            key={f.key}
            field={f}
            state={s}
            readOnly={setByRule}
            value={setByRule ? s.value : answers[f.key]}
            onChange={(v) => onChange(f.key, v)}
            label={text(f.label)}
            help={showHelp ? text(f.help) : ''}
            placeholder={text(f.placeholder)}
            optionLabel={(v) => text(f.options?.find((o) => o.value === v)?.label) || v}
            error={error ? t(`errors.${error.code}`, { limit: String(error.limit ?? '') }) : null}
            requiredLabel={t('required')}
          />
        );
      })}
    </>
  );
}
