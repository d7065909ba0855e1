'use client';

import type { ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import { TextField } from '@/app/_components/text-field';
import { useErrorText } from '@/app/_components/error-text';

/** A messenger channel's write-only secrets: empty fields keep what is stored (said so under each one that is set). */
export function SecretFields<K extends string>({
  keys,
  label,
  has,
  values,
  onChange,
}: {
  keys: readonly K[];
  label: (key: K) => string;
  has: Record<K, boolean> | undefined;
  values: Record<K, string>;
  onChange: (key: K, value: string) => void;
}) {
  const t = useTranslations('whatsappAdmin');
  return (
    <fieldset className="grid gap-3 border-t border-slate-100 pt-4 sm:grid-cols-3">
      <legend className="text-sm font-semibold">{t('secrets')}</legend>
      {keys.map((k) => (
        <TextField
          key={k}
          label={label(k)}
          type="password"
          autoComplete="off"
          required={!has?.[k]}
          hint={has?.[k] ? t('kept') : undefined}
          value={values[k]}
          onChange={(e) => onChange(k, e.target.value)}
        />
      ))}
    </fieldset>
  );
}

/** The address the platform must call, to copy into its console. */
export function CallbackUrl({ url, label, hint }: { url: string; label: string; hint: string }) {
  return (
    <div className="space-y-1 border-t border-slate-100 pt-4 text-sm">
      <p className="font-medium text-slate-700">{label}</p>
      <code className="block overflow-x-auto rounded bg-slate-50 px-2 py-1 text-xs" data-testid="webhook-url">
        {url}
      </code>
      <p className="text-xs text-slate-600">{hint}</p>
    </div>
  );
}

/** Save, the channel's own buttons (test connection, connect webhook), and what happened: saved, refused, the platform's answer. */
export function SaveBar({
  saving,
  saved,
  error,
  children,
  answer,
  answerText,
}: {
  saving: boolean;
  saved: boolean;
  error: unknown;
  children?: ReactNode;
  answer: { ok: boolean; answer: string } | undefined;
  answerText: (a: { ok: boolean; answer: string }) => string;
}) {
  const t = useTranslations('whatsappAdmin');
  const ta = useTranslations('admin');
  const errorText = useErrorText();
  return (
    <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
      <button
        type="submit"
        disabled={saving}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"
      >
        {t('save')}
      </button>
      {children}
      {saved && !saving && (
        <span role="status" className="text-sm text-emerald-700">
          {ta('saved')}
        </span>
      )}
      {error != null && (
        <span role="alert" className="text-sm text-red-700">
          {errorText(error as Parameters<typeof errorText>[0])}
        </span>
      )}
      {answer && (
        <span role="status" className={`text-sm ${answer.ok ? 'text-emerald-700' : 'text-red-700'}`} data-testid="test-answer">
          {answerText(answer)}
        </span>
      )}
    </div>
  );
}

export const outlineButton = 'rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50';

/** Minutes before a platform's reply window closes that the inbox warns. */
export function WindowWarningField({ value, onChange }: { value: number; onChange: (minutes: number) => void }) {
  const t = useTranslations('whatsappAdmin');
  return <TextField label={t('windowWarning')} type="number" min={1} max={1440} value={value} onChange={(e) => onChange(Number(e.target.value))} />;
}

/** Days after solving within which a customer's message reopens the ticket. */
export function ReopenDaysField({ value, onChange }: { value: number; onChange: (days: number) => void }) {
  const t = useTranslations('whatsappAdmin');
  return <TextField label={t('reopenDays')} type="number" min={0} max={90} value={value} onChange={(e) => onChange(Number(e.target.value))} />;
}

/** The secret fields as the API takes them: an empty one is left out, so the stored secret is kept. */
export const typedSecrets = <K extends string>(keys: readonly K[], form: Record<K, string>) =>
  Object.fromEntries(keys.map((k) => [k, form[k] || undefined])) as Record<K, string | undefined>;

/** Empty secret fields, for a new form and after a save (nothing typed stays on screen). */
export const emptySecrets = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, ''])) as Record<K, string>;
