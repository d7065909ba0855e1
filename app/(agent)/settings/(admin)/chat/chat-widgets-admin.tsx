'use client';

import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { Plus } from 'lucide-react';
import { useTRPC } from '@/app/_components/trpc';
import { ChatWidgetForm } from './chat-widget-form';
import { selectedRecord } from '../../selected-record';

export function ChatWidgetsAdmin() {
  const t = useTranslations('chatAdmin');
  const trpc = useTRPC();
  const widgets = useQuery(trpc.chatWidgets.list.queryOptions());
  const [selected, setSelected] = useState<number | 'new' | null>(null);
  const current = selectedRecord(widgets.data, selected);
  return (
    <div className="max-w-4xl space-y-4">
      <div className="flex items-center gap-2">
        <h1 className="text-lg font-semibold">{t('title')}</h1>
        <div className="ml-4 flex gap-1" role="tablist">
          {widgets.data?.map((w) => (
            <button
              key={w.id}
              type="button"
              role="tab"
              aria-selected={selected !== 'new' && current?.id === w.id}
              onClick={() => setSelected(w.id)}
              className="rounded px-2 py-1 text-sm aria-selected:bg-slate-200 aria-selected:font-medium"
            >
              {w.name}
            </button>
          ))}
        </div>
        <button
          type="button"
          onClick={() => setSelected('new')}
          className="ml-auto flex items-center gap-1 rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
        >
          <Plus className="size-4" aria-hidden /> {t('newWidget')}
        </button>
      </div>
      {(selected === 'new' || current) && (
        <ChatWidgetForm key={selected === 'new' ? 'new' : current!.id} widget={selected === 'new' ? null : current} onCreated={(id) => setSelected(id)} />
      )}
    </div>
  );
}
