'use client';

import { useActionState, useMemo, useState } from 'react';
import { useTranslations } from 'use-intl';
import type { PublicForm } from '@/server/forms/public-form';
import type { Answers, AnswerValue } from '@/lib/forms/form-definition';
import { evaluateForm, type FieldError } from '@/lib/forms/evaluate-form';
import { FormFields } from '@/app/_components/form-fields';
import { PublicCard } from '@/app/_components/public-card';
import { normalizeAnswers } from '@/lib/forms/form-data';
import type { PublicFormState } from './actions';

type Props = { form: PublicForm; action: (prev: PublicFormState, data: FormData) => Promise<PublicFormState> };

export function PublicFormView({ form, action }: Props) {
  const t = useTranslations('publicForm');
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as PublicFormState);
  const [answers, setAnswers] = useState<Answers>(() => (state.status === 'error' ? state.answers : {}));
  const [clientErrors, setClientErrors] = useState<FieldError[] | null>(null);
  const definition = useMemo(() => ({ ...form.definition, routing: [] }), [form.definition]);
  // The same engine the server runs: which fields apply to the answers given so far.
  const normalized = normalizeAnswers(definition, answers);
  const evaluation = evaluateForm(definition, normalized);
  const errors = clientErrors ?? (state.status === 'error' ? state.fieldErrors : []);
  const set = (key: string, value: AnswerValue) => {
    setAnswers((a) => ({ ...a, [key]: value }));
    setClientErrors(null);
  };

  if (state.status === 'sent') {
    return (
      <PublicCard title={form.name}>
        <p role="status" className="rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-800" data-testid="form-sent">
          {t('sent', { number: state.ticketNumber })}
        </p>
      </PublicCard>
    );
  }
  return (
    <PublicCard title={form.name}>
      <form
        action={formAction}
        noValidate
        className="space-y-4"
        onSubmit={(e) => {
          if (evaluation.errors.length) {
            e.preventDefault();
            setClientErrors(evaluation.errors);
          }
        }}
      >
        <input type="hidden" name="slug" value={form.slug} />
        <input type="hidden" name="version" value={state.status === 'error' ? state.version : form.version} />
        <input type="hidden" name="token" value={state.status === 'error' && state.token ? state.token : form.token} />
        {/* Robots fill every field; people never see this one. */}
        <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
          <label>
            Website
            <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
          </label>
        </div>
        {(errors.length > 0 || (state.status === 'error' && !state.fieldErrors.length)) && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {errors.length ? t('fixErrors') : state.status === 'error' ? state.message : ''}
          </p>
        )}
        <FormFields definition={definition} answers={answers} normalized={normalized} evaluation={evaluation} errors={errors} onChange={set} fileInputs />
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded-md bg-brand-600 px-4 py-2.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60 sm:w-auto"
        >
          {pending ? t('sending') : t('submit')}
        </button>
      </form>
    </PublicCard>
  );
}
