'use client';

import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { ArrowDown, ArrowUp, Plus } from 'lucide-react';
import { useTRPC } from '@/app/_components/trpc';
import { moveItem } from '@/lib/forms/edit-definition';
import { selectedRecord } from '../selected-record';
import { SlaPolicyEditor } from './sla-policy-editor';

/** SLA policies in the order they are tried (the first that matches a ticket applies), beside the selected one's editor. */
export function SlaPoliciesAdmin() {
  const t = useTranslations('slaAdmin');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const policies = useQuery(trpc.slaPolicies.list.queryOptions());
  const reorder = useMutation(
    trpc.slaPolicies.reorder.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.slaPolicies.list.queryKey() }) }),
  );
  const [selected, setSelected] = useState<number | 'new' | null>(null);
  const [savedId, setSavedId] = useState<number | null>(null);
  const list = policies.data ?? [];
  const current = selectedRecord(policies.data, selected);
  const editing = selected === 'new' || (selected === null && list.length === 0) ? 'new' : current?.id;
  const move = (from: number, to: number) =>
    reorder.mutate({
      ids: moveItem(
        list.map((p) => p.id),
        from,
        to,
      ),
    });
  return (
    <div className="grid max-w-6xl gap-6 xl:grid-cols-[16rem_minmax(0,1fr)]">
      <section aria-labelledby="sla-title" className="space-y-3">
        <div className="flex items-center justify-between">
          <h1 id="sla-title" className="text-lg font-semibold">
            {t('title')}
          </h1>
          <button
            type="button"
            onClick={() => setSelected('new')}
            className="flex items-center gap-1 rounded-md bg-brand-600 px-2.5 py-1.5 text-sm font-medium whitespace-nowrap text-white hover:bg-brand-700"
          >
            <Plus className="size-4" aria-hidden /> {t('new')}
          </button>
        </div>
        <p className="text-xs text-slate-500">{t('orderHint')}</p>
        <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="sla-policy-list">
          {list.map((p, i) => (
            <li key={p.id} className="flex items-center">
              <button
                type="button"
                aria-current={editing === p.id}
                onClick={() => setSelected(p.id)}
                className="min-w-0 flex-1 px-3 py-2 text-left hover:bg-slate-50 aria-[current=true]:bg-slate-100"
              >
                <span className="block truncate font-medium">
                  {i + 1}. {p.name}
                </span>
                {!p.enabled && <span className="block text-xs text-slate-500">{t('disabled')}</span>}
              </button>
              <button
                type="button"
                disabled={i === 0 || reorder.isPending}
                onClick={() => move(i, i - 1)}
                className="p-1.5 text-slate-500 hover:text-slate-900 disabled:opacity-30"
                aria-label={t('moveUp', { name: p.name })}
              >
                <ArrowUp className="size-4" aria-hidden />
              </button>
              <button
                type="button"
                disabled={i === list.length - 1 || reorder.isPending}
                onClick={() => move(i, i + 1)}
                className="p-1.5 text-slate-500 hover:text-slate-900 disabled:opacity-30"
                aria-label={t('moveDown', { name: p.name })}
              >
                <ArrowDown className="size-4" aria-hidden />
              </button>
            </li>
          ))}
          {policies.data?.length === 0 && <li className="px-3 py-2 text-slate-500">{t('none')}</li>}
        </ol>
      </section>
      {editing !== undefined && (
        <SlaPolicyEditor
          key={editing}
          policy={editing === 'new' ? null : current}
          saved={savedId !== null && savedId === editing}
          onSaving={() => setSavedId(null)}
          onSaved={(id) => (setSavedId(id), setSelected(id))}
          onDeleted={() => setSelected(null)}
        />
      )}
    </div>
  );
}
