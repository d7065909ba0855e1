'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../_components/trpc';

/** The one-time page behind the link printed at first start when no admin was configured. */
export function SetupForm({ token }: { token: string }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const setup = useMutation(trpc.auth.setup.mutationOptions());
  const field = (key: keyof typeof form, label: string, type = 'text', hint?: string) => (
    <label className="block text-sm">
      <span className="mb-1 block font-medium text-slate-700">{label}</span>
      <input
        className="w-full rounded-md border border-slate-300 px-3 py-2"
        type={type}
        required
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
      {hint && <span className="mt-1 block text-xs text-slate-500">{hint}</span>}
    </label>
  );
  return (
    <main className="flex min-h-full items-center justify-center p-4">
      <form
        className="w-full max-w-sm space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
        onSubmit={(e) => {
          e.preventDefault();
          setup.mutate({ ...form, token });
        }}
      >
        <h1 className="text-lg font-semibold">{t('setup.title')}</h1>
        {field('name', t('setup.name'))}
        {field('email', t('login.email'), 'email')}
        {field('password', t('login.password'), 'password', t('setup.passwordHint'))}
        {setup.error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{setup.error.message}</p>}
        {setup.isSuccess ? (
          <p role="status" className="text-sm text-green-700">
            {t('setup.done')} <a className="underline" href="/login">{t('login.submit')}</a>
          </p>
        ) : (
          <button type="submit" disabled={setup.isPending} className="w-full rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {t('setup.submit')}
          </button>
        )}
      </form>
    </main>
  );
}
