'use client';

import { ArrowDown, ArrowUp, Plus } from 'lucide-react';

type Item = { id: number; name: string; enabled: boolean; detail?: string };
type Props = {
  id: string;
  items: Item[] | undefined;
  current: number | 'new' | undefined;
  busy: boolean;
  /** The page's texts (slaAdmin, surveyAdmin: the same keys). */
  t: (key: 'title' | 'new' | 'orderHint' | 'none' | 'disabled' | 'moveUp' | 'moveDown', values?: { name: string }) => string;
  onSelect: (id: number | 'new') => void;
  onMove: (from: number, to: number) => void;
};

/** Policies in the order they are tried (the first that matches applies), as SLA and survey settings list them. */
export function OrderedPolicyList({ id, items, current, busy, t, onSelect, onMove }: Props) {
  const list = items ?? [];
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3">
      <div className="flex items-center justify-between">
        <h1 id={`${id}-title`} className="text-lg font-semibold">
          {t('title')}
        </h1>
        <button
          type="button"
          onClick={() => onSelect('new')}
          className="flex items-center gap-1 rounded-md bg-brand-600 px-2.5 py-1.5 text-sm font-medium whitespace-nowrap text-white hover:bg-brand-700"
        >
          <Plus className="size-4" aria-hidden /> {t('new')}
        </button>
      </div>
      <p className="text-xs text-slate-500">{t('orderHint')}</p>
      <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid={`${id}-list`}>
        {list.map((p, i) => (
          <li key={p.id} className="flex items-center">
            <button
              type="button"
              aria-current={current === p.id}
              onClick={() => onSelect(p.id)}
              className="min-w-0 flex-1 px-3 py-2 text-left hover:bg-slate-50 aria-[current=true]:bg-slate-100"
            >
              <span className="block truncate font-medium">
                {i + 1}. {p.name}
              </span>
              {p.detail && <span className="block text-xs text-slate-600">{p.detail}</span>}
              {!p.enabled && <span className="block text-xs text-slate-500">{t('disabled')}</span>}
            </button>
            <button
              type="button"
              disabled={i === 0 || busy}
              onClick={() => onMove(i, i - 1)}
              className="p-1.5 text-slate-500 hover:text-slate-900 disabled:opacity-30"
              aria-label={t('moveUp', { name: p.name })}
            >
              <ArrowUp className="size-4" aria-hidden />
            </button>
            <button
              type="button"
              disabled={i === list.length - 1 || busy}
              onClick={() => onMove(i, i + 1)}
              className="p-1.5 text-slate-500 hover:text-slate-900 disabled:opacity-30"
              aria-label={t('moveDown', { name: p.name })}
            >
              <ArrowDown className="size-4" aria-hidden />
            </button>
          </li>
        ))}
        {items?.length === 0 && <li className="px-3 py-2 text-slate-500">{t('none')}</li>}
      </ol>
    </section>
  );
}
