'use client';

import { useState } from 'react';
import { useErrorText } from '@/app/_components/error-text';
import { useTranslations } from 'use-intl';
import { useMutation } from '@tanstack/react-query';
import { LifeBuoy } from 'lucide-react';
import { useTRPC } from '../_components/trpc';
import { LanguagePicker } from '../_components/language-picker';
import { TextField } from '../_components/text-field';

export function LoginForm() {
  const t = useTranslations('login');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation(trpc.auth.login.mutationOptions({ onSuccess: () => window.location.assign('/inbox') }));
  return (
    <main className="flex min-h-full items-center justify-center p-4">
      <form
        className="w-full max-w-sm space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
        onSubmit={(e) => {
          e.preventDefault();
          login.mutate({ email, password });
        }}
      >
        <div className="flex items-center justify-between">
          <h1 className="flex items-center gap-2 text-lg font-semibold">
            <LifeBuoy className="size-5 text-brand-600" aria-hidden />
            {t('title')}
          </h1>
          <LanguagePicker signedIn={false} />
        </div>
        <TextField
          label={t('email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label={t('password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {login.error && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {errorText(login.error)}
          </p>
        )}
        <button
          type="submit"
          disabled={login.isPending}
          className="w-full rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {login.isPending ? t('submitting') : t('submit')}
        </button>
      </form>
    </main>
  );
}
