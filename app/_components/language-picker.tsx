'use client';

import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'use-intl';
import { useMutation } from '@tanstack/react-query';
import { LOCALES, type Locale } from '@/lib/domain';
import { useTRPC } from './trpc';

const NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch' };

/** Signed in, the choice is saved on the agent; before sign-in, in a cookie. */
export function LanguagePicker({ signedIn }: { signedIn: boolean }) {
  const t = useTranslations('app');
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const save = useMutation(trpc.auth.setLocale.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <label className="flex items-center gap-1 text-xs text-slate-500">
      <span className="sr-only">{t('language')}</span>
      <select
        className="max-w-[5rem] rounded border border-slate-200 bg-white px-1.5 py-1 text-xs text-slate-700 sm:max-w-none"
        value={locale}
        onChange={(e) => {
          const next = e.target.value as Locale;
          document.cookie = `hd_locale=${next}; path=/; max-age=31536000; samesite=lax`;
          if (signedIn) save.mutate({ locale: next });
          else router.refresh();
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
