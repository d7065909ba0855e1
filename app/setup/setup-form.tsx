'use client';

import { useState } from 'react';
import { useErrorText } from '@/app/_components/error-text';
import { useTranslations } from 'use-intl';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../_components/trpc';
import { TextField } from '../_components/text-field';

/** The one-time page behind the link printed at first start when no admin was configured. */
export function SetupForm({ token }: { token: string }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const setup = useMutation(trpc.auth.setup.mutationOptions());
  const bind = (key: keyof typeof form) => ({
    required: true,
    value: form[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.target.value }),
  });
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
        <TextField label={t('setup.name')} autoComplete="name" {...bind('name')} />
        <TextField label={t('login.email')} type="email" autoComplete="username" {...bind('email')} />
        <TextField
          label={t('login.password')}
          type="password"
          autoComplete="new-password"
          minLength={10}
          hint={t('setup.passwordHint')}
          {...bind('password')}
        />
        {setup.error && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {errorText(setup.error)}
          </p>
        )}
        {setup.isSuccess ? (
          <p role="status" className="text-sm text-green-700">
            {t('setup.done')}{' '}
            <a className="underline" href="/login">
              {t('login.submit')}
            </a>
          </p>
        ) : (
          <button
            type="submit"
            disabled={setup.isPending}
            className="w-full rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            {t('setup.submit')}
          </button>
        )}
      </form>
    </main>
  );
}
