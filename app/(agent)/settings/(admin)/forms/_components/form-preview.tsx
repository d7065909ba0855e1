'use client';

import { useState } from 'react';
import { IntlProvider, useTranslations } from 'use-intl';
import type { AnswerValue, Answers, FormDefinition } from '@/lib/forms/form-definition';
import { evaluateForm, submissionOf, type Evaluation } from '@/lib/forms/evaluate-form';
import { normalizeAnswers } from '@/lib/forms/form-data';
import { routeAnswers } from '@/lib/forms/routing';
import { catalogs } from '@/lib/i18n';
import { LOCALES, type Locale } from '@/lib/domain';
import { FormFields } from '@/app/_components/form-fields';
import { SmallButton } from './builder-inputs';

/** The form as a customer sees it, in either language, driven by the same engine the server runs. */
export function FormPreview({ definition, title }: { definition: FormDefinition; title: string }) {
  const t = useTranslations('formBuilder');
  const [locale, setLocale] = useState<Locale>('en');
  const [answers, setAnswers] = useState<Answers>({});
  const normalized = normalizeAnswers(definition, answers);
  let evaluation: Evaluation | null = null;
  try {
    evaluation = evaluateForm(definition, normalized);
  } catch {
    // A rule cycle: the problem list above the editor names it; nothing can be previewed until it is fixed.
  }
  const routing = evaluation ? routeAnswers(definition, submissionOf(evaluation)) : null;
  return (
    <section className="flex min-h-0 flex-col gap-2" aria-label={t('preview')} data-testid="form-preview">
      <div className="flex items-center gap-2">
        <h2 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t('preview')}</h2>
        <div className="ml-auto flex rounded border border-slate-300 text-xs" role="group" aria-label={t('preview')}>
          {LOCALES.map((l) => (
            <button
              key={l}
              type="button"
              aria-pressed={locale === l}
              onClick={() => setLocale(l)}
              className="px-2 py-0.5 uppercase aria-pressed:bg-slate-800 aria-pressed:text-white"
            >
              {l}
            </button>
          ))}
        </div>
        <SmallButton onClick={() => setAnswers({})}>{t('reset')}</SmallButton>
      </div>
      <p className="text-xs text-slate-500">{t('previewHint')}</p>
      <div className="min-h-0 flex-1 overflow-y-auto rounded-lg border border-slate-200 bg-white p-4 shadow-sm" lang={locale}>
        <h3 className="mb-3 font-semibold">{title}</h3>
        {evaluation && (
          <IntlProvider locale={locale} messages={catalogs[locale]} timeZone={Intl.DateTimeFormat().resolvedOptions().timeZone}>
            <div className="space-y-3">
              <FormFields
                definition={definition}
                answers={answers}
                normalized={normalized}
                evaluation={evaluation}
                errors={evaluation.errors.filter((e) => answers[e.field] !== undefined)}
                onChange={(key: string, value: AnswerValue) => setAnswers((a) => ({ ...a, [key]: value }))}
                fileInputs
              />
            </div>
          </IntlProvider>
        )}
      </div>
      {routing && (
        <p className="rounded bg-slate-100 px-2 py-1 text-xs text-slate-700" data-testid="preview-routing">
          {routing.matched.length ? t('routesTo', { rules: routing.matched.map((m) => m.name || m.id).join(' → ') }) : t('routesNowhere')}
        </p>
      )}
    </section>
  );
}
