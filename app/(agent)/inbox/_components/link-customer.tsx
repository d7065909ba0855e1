'use client';

import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/app/_components/trpc';
import { useErrorText } from '@/app/_components/error-text';
import { useDebounced } from './use-debounced';

/**
 * "This is the same person as …": links the customer shown (say, a WhatsApp number that wrote for the
 * first time) to an existing customer, so their channels and tickets show as one profile.
 */
export function LinkCustomer({ customerId, name }: { customerId: number; name: string }) {
  const t = useTranslations('customer');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 250);
  const found = useQuery({ ...trpc.customers.search.queryOptions({ q: query }), enabled: open && query.length >= 2 });
  const link = useMutation(
    trpc.customers.link.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        void queryClient.invalidateQueries({ queryKey: trpc.tickets.get.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.tickets.list.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.customers.profile.pathKey() });
      },
    }),
  );
  if (!open)
    return (
      <button type="button" className="mt-1.5 text-xs text-brand-700 hover:underline" onClick={() => setOpen(true)}>
        {t('link')}
      </button>
    );
  const candidates = (found.data ?? []).filter((c) => c.id !== customerId);
  return (
    <div className="mt-2 space-y-1.5 rounded border border-slate-200 p-2" data-testid="link-customer">
      <label className="block text-xs">
        <span className="mb-0.5 block font-medium text-slate-700">{t('linkSearch')}</span>
        <input autoFocus value={q} onChange={(e) => setQ(e.target.value)} className="w-full rounded border border-slate-300 px-2 py-1 text-xs" />
      </label>
      <ul className="max-h-48 space-y-1 overflow-y-auto">
        {candidates.map((c) => (
          <li key={c.id} className="flex items-center gap-2 text-xs">
            <span className="min-w-0 flex-1 truncate" title={c.email ?? undefined}>
              {c.name} {c.email && <span className="text-slate-500">{c.email}</span>}
            </span>
            <button
              type="button"
              className="shrink-0 rounded border border-slate-300 px-1.5 py-0.5 hover:bg-slate-50"
              aria-label={t('linkTo', { name: c.name })}
              onClick={() => window.confirm(t('linkConfirm', { from: name, to: c.name })) && link.mutate({ sourceId: customerId, targetId: c.id })}
            >
              {t('linkButton')}
            </button>
          </li>
        ))}
        {query.length >= 2 && found.data && candidates.length === 0 && <li className="text-xs text-slate-500">{t('linkNone')}</li>}
      </ul>
      <div className="flex items-center gap-2">
        <button type="button" className="text-xs text-slate-600 hover:underline" onClick={() => setOpen(false)}>
          {t('linkCancel')}
        </button>
        {link.error && (
          <span role="alert" className="text-xs text-red-700">
            {errorText(link.error)}
          </span>
        )}
      </div>
    </div>
  );
}
