'use client';

import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'use-intl';
import { useTRPC } from '@/app/_components/trpc';
import { useErrorText } from '@/app/_components/error-text';
import { isLocale } from '@/lib/i18n';

/** A lead's weekly summary email on or off, in the language this screen shows. */
export function DigestToggle() {
  const t = useTranslations('dashboard');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const locale = useLocale();
  const digest = useQuery(trpc.dashboard.digest.queryOptions());
  // What the agent chose shows at once; a refusal puts back what the server has.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const set = useMutation(
    trpc.dashboard.setDigest.mutationOptions({
      onSuccess: (_r, input) => queryClient.setQueryData(trpc.dashboard.digest.queryKey(), { enabled: input.enabled }),
      onError: () => setChosen(null),
    }),
  );
  return (
    <div className="rounded-md border border-slate-200 bg-white p-3 text-sm">
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          className="mt-0.5"
          checked={chosen ?? digest.data?.enabled ?? false}
          disabled={!digest.data}
          onChange={(e) => {
            setChosen(e.target.checked);
            set.mutate({ enabled: e.target.checked, locale: isLocale(locale) ? locale : 'en' });
          }}
          data-testid="digest-toggle"
        />
        <span>
          <span className="font-semibold text-slate-900">{t('digestTitle')}</span>
          <span className="block text-xs text-slate-600">{t('digestNote')}</span>
        </span>
      </label>
      {set.error && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {errorText(set.error)}
        </p>
      )}
    </div>
  );
}
