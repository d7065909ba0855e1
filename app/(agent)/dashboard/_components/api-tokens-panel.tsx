'use client';

import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/app/_components/trpc';
import { useErrorText } from '@/app/_components/error-text';
import { useFigureFormat } from './figure-format';

/** A lead's metrics API tokens: create one (shown once), see when each was used, revoke. */
export function ApiTokensPanel() {
  const t = useTranslations('dashboard');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const fmt = useFigureFormat();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const tokens = useQuery(trpc.dashboard.apiTokens.queryOptions()).data ?? [];
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.dashboard.apiTokens.queryKey() });
  const create = useMutation(
    trpc.dashboard.createApiToken.mutationOptions({
      onSuccess: (r) => {
        setCreated(r.token);
        setName('');
        void refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.dashboard.revokeApiToken.mutationOptions({ onSuccess: () => void refresh() }));
  return (
    <details className="rounded-md border border-slate-200 bg-white p-3 text-sm" data-testid="api-tokens">
      <summary className="cursor-pointer font-semibold text-slate-900">{t('apiTitle')}</summary>
      <p className="mt-1 text-xs text-slate-600">{t('apiNote')}</p>
      <form
        className="mt-2 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ name });
        }}
      >
        <label className="flex flex-col gap-0.5 text-xs text-slate-700">
          {t('apiTokenName')}
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} required className="rounded border border-slate-300 px-2 py-1 text-sm" />
        </label>
        <button type="submit" disabled={create.isPending} className="rounded bg-brand-600 px-3 py-1.5 text-sm text-white hover:bg-brand-700">
          {t('apiCreate')}
        </button>
      </form>
      {create.error && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {errorText(create.error)}
        </p>
      )}
      {created && (
        <p className="mt-2 text-xs" role="status">
          {t('apiCreated')}{' '}
          <code className="rounded bg-slate-100 px-1 break-all select-all" data-testid="api-token-secret">
            {created}
          </code>
        </p>
      )}
      <ul className="mt-2 divide-y divide-slate-100 text-xs">
        {tokens.length === 0 && <li className="py-1 text-slate-600">{t('apiNoTokens')}</li>}
        {tokens.map((k) => (
          <li key={k.id} className="flex items-center gap-2 py-1">
            <span className="font-medium">{k.name}</span>
            <span className="text-slate-600">{k.lastUsedAt ? t('apiLastUsed', { at: fmt.instant(k.lastUsedAt) }) : t('apiNeverUsed')}</span>
            {k.revokedAt ? (
              <span className="ml-auto text-slate-600">{t('apiRevoked')}</span>
            ) : (
              <button
                type="button"
                className="ml-auto rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-50"
                onClick={() => revoke.mutate({ id: k.id })}
              >
                {t('apiRevoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
