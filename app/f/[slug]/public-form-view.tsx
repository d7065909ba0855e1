'use client';

import { useActionState, useMemo, useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { LifeBuoy } from 'lucide-react';
import type { PublicForm } from '@/server/forms/public-form';
import type { Answers, AnswerValue, Field, LocalizedText } from '@/lib/forms/form-definition';
import { evaluateForm, type FieldError, type FieldState } from '@/lib/forms/evaluate-form';
import { normalizeAnswers } from '@/lib/forms/form-data';
import type { PublicFormState } from './actions';

type Props = { form: PublicForm; action: (prev: PublicFormState, data: FormData) => Promise<PublicFormState> };

const input = 'w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm aria-invalid:border-red-500 read-only:bg-slate-50 read-only:text-slate-600';

export function PublicFormView({ form, action }: Props) {
  const t = useTranslations('publicForm');
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as PublicFormState);
  const [answers, setAnswers] = useState<Answers>(() => (state.status === 'error' ? state.answers : {}));
  const [clientErrors, setClientErrors] = useState<FieldError[] | null>(null);
  const definition = useMemo(() => ({ ...form.definition, routing: [] }), [form.definition]);
  // The same engine the server runs: which fields apply to the answers given so far.
  const normalized = normalizeAnswers(definition, answers);
  const evaluation = evaluateForm(definition, normalized);
  const text = (l: LocalizedText | undefined) => (l ? (locale === 'de' && l.de) || l.en : '');
  const errors = clientErrors ?? (state.status === 'error' ? state.fieldErrors : []);
  const set = (key: string, value: AnswerValue) => {
    setAnswers((a) => ({ ...a, [key]: value }));
    setClientErrors(null);
  };

  if (state.status === 'sent') {
    return (
      <Shell title={form.name}>
        <p role="status" className="rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-800" data-testid="form-sent">
          {t('sent', { number: state.ticketNumber })}
        </p>
      </Shell>
    );
  }
  return (
    <Shell title={form.name}>
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
        {definition.fields.map((f) => {
          const s = evaluation.byKey.get(f.key)!;
          if (!s.visible || f.type === 'file') return null;
          const error = errors.find((e) => e.field === f.key);
          // A value a rule sets is shown as given, not editable.
          const setByRule = s.value !== normalized[f.key];
          return (
            <FieldInput
              key={f.key}
              field={f}
              state={s}
              readOnly={setByRule}
              value={setByRule ? s.value : answers[f.key]}
              onChange={(v) => set(f.key, v)}
              label={text(f.label)}
              help={text(f.help)}
              placeholder={text(f.placeholder)}
              optionLabel={(v) => text(f.options?.find((o) => o.value === v)?.label) || v}
              error={error ? t(`errors.${error.code}`, { limit: String(error.limit ?? '') }) : null}
              requiredLabel={t('required')}
            />
          );
        })}
        <button type="submit" disabled={pending} className="w-full rounded-md bg-brand-600 px-4 py-2.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60 sm:w-auto">
          {pending ? t('sending') : t('submit')}
        </button>
      </form>
    </Shell>
  );
}

function Shell({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-8 sm:py-12">
      <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-7">
        <h1 className="mb-5 flex items-center gap-2 text-lg font-semibold">
          <LifeBuoy className="size-5 text-brand-600" aria-hidden />
          {title}
        </h1>
        {children}
      </div>
    </main>
  );
}

type FieldProps = {
  field: Field;
  state: FieldState;
  readOnly: boolean;
  value: AnswerValue | undefined;
  onChange: (v: AnswerValue) => void;
  label: string;
  help: string;
  placeholder: string;
  optionLabel: (v: string) => string;
  error: string | null;
  requiredLabel: string;
};

function FieldInput({ field: f, state, readOnly, value, onChange, label, help, placeholder, optionLabel, error, requiredLabel }: FieldProps) {
  const id = `f_${f.key}`;
  const described = [help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const common = { id, name: id, readOnly, 'aria-invalid': error ? true : undefined, 'aria-describedby': described, 'aria-required': state.required || undefined };
  const heading = (
    <>
      {label}
      {state.required && <span className="ml-1 text-xs font-normal text-slate-500">({requiredLabel})</span>}
    </>
  );
  let control: React.ReactNode;
  switch (f.type) {
    case 'long_text':
      control = <textarea {...common} rows={5} className={input} placeholder={placeholder} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'select':
      control = (
        <select {...common} className={input} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)}>
          <option value="">—</option>
          {(state.options ?? []).map((o) => (
            <option key={o} value={o}>
              {optionLabel(o)}
            </option>
          ))}
        </select>
      );
      break;
    case 'multi_select': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <fieldset aria-describedby={described}>
          <legend className="mb-1 text-sm font-medium text-slate-700">{heading}</legend>
          {(state.options ?? []).map((o) => (
            <label key={o} className="flex items-center gap-2 py-0.5 text-sm">
              <input type="checkbox" name={id} value={o} checked={chosen.includes(o)} onChange={(e) => onChange(e.target.checked ? [...chosen, o] : chosen.filter((x) => x !== o))} />
              {optionLabel(o)}
            </label>
          ))}
          <Hints id={id} help={help} error={error} />
        </fieldset>
      );
    }
    case 'checkbox':
      return (
        <div>
          <label className="flex items-center gap-2 text-sm">
            <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
            {heading}
          </label>
          <Hints id={id} help={help} error={error} />
        </div>
      );
    default: {
      const type = f.type === 'number' ? 'text' : f.type === 'phone' ? 'tel' : f.type === 'text' ? 'text' : f.type;
      control = (
        <input
          {...common}
          type={type}
          inputMode={f.type === 'number' ? 'decimal' : undefined}
          className={input}
          placeholder={placeholder}
          value={value === undefined || value === null ? '' : String(value)}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    }
  }
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {heading}
      </label>
      {control}
      <Hints id={id} help={help} error={error} />
    </div>
  );
}

function Hints({ id, help, error }: { id: string; help: string; error: string | null }) {
  return (
    <>
      {help && (
        <p id={`${id}-help`} className="mt-1 text-xs text-slate-500">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </>
  );
}
