'use client';

import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { Plus, Users } from 'lucide-react';
import { useTRPC } from '@/app/_components/trpc';
import { usePolicySelection } from '../settings/use-policy-selection';
import { MacroEditor } from './macro-editor';
import { SignatureEditor } from './signature-editor';

/** The macros an agent may use, by name (shared ones marked), beside the chosen one's editor. */
export function MacrosAdmin() {
  const t = useTranslations('macros');
  const trpc = useTRPC();
  const macros = useQuery(trpc.macros.list.queryOptions());
  const { current, editing, select, editorProps } = usePolicySelection(macros.data);
  const [query, setQuery] = useState('');
  const shown = (macros.data ?? []).filter((m) => m.name.toLowerCase().includes(query.trim().toLowerCase()));
  return (
    <div className="grid max-w-6xl gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
      <section aria-labelledby="macro-list-title" className="min-w-0 space-y-2">
        <div className="flex items-center justify-between gap-2">
          <h1 id="macro-list-title" className="text-lg font-semibold">
            {t('title')}
          </h1>
          <button
            type="button"
            onClick={() => select('new')}
            className="flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-50"
          >
            <Plus className="size-4" aria-hidden />
            {t('new')}
          </button>
        </div>
        <p className="text-xs text-slate-600">{t('hint')}</p>
        <input
          type="search"
          aria-label={t('search')}
          placeholder={t('search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        />
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="macro-list">
          {shown.map((m) => (
            <li key={m.id}>
              <button
                type="button"
                aria-current={editing === m.id ? 'true' : undefined}
                onClick={() => select(m.id)}
                className="flex w-full items-center gap-2 px-3 py-2 text-left hover:bg-slate-50 aria-[current=true]:bg-brand-50 aria-[current=true]:text-brand-800"
              >
                <span className="min-w-0 flex-1 truncate">{m.name}</span>
                {m.shared && (
                  <span className="flex items-center gap-0.5 text-xs text-slate-600">
                    <Users className="size-3" aria-hidden />
                    {t('sharedShort')}
                  </span>
                )}
              </button>
            </li>
          ))}
          {macros.data && shown.length === 0 && <li className="px-3 py-3 text-slate-600">{macros.data.length ? t('noMatch') : t('none')}</li>}
        </ul>
      </section>
      {/* A macro just created shows once the list has it (never an empty editor under its id meanwhile). */}
      {(editing === 'new' || current) && <MacroEditor key={editing} macro={editing === 'new' ? null : current} {...editorProps} />}
      <div className="lg:col-span-2">
        <SignatureEditor />
      </div>
    </div>
  );
}
