'use client';

import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/app/_components/trpc';
import { WhatsappForm } from './whatsapp-form';

/** Settings → WhatsApp: the connected numbers, one form each, and a new one. */
export function WhatsappAdmin() {
  const t = useTranslations('whatsappAdmin');
  const trpc = useTRPC();
  const list = useQuery(trpc.whatsapp.list.queryOptions());
  const [selected, setSelected] = useState<number | 'new' | null>(null);
  const channels = list.data ?? [];
  const current = selected === 'new' ? null : (channels.find((c) => c.id === selected) ?? channels[0] ?? null);
  const key = current ? String(current.id) : 'new';
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-lg font-semibold">{t('title')}</h1>
      <p className="text-sm text-slate-600">{t('intro')}</p>
      <div className="flex flex-wrap gap-2">
        {channels.map((c) => (
          <button
            key={c.id}
            type="button"
            aria-pressed={key === String(c.id)}
            onClick={() => setSelected(c.id)}
            className="rounded-md border border-slate-200 bg-white px-3 py-1.5 text-sm aria-pressed:border-brand-500 aria-pressed:bg-brand-50"
          >
            {c.name} <span className="text-slate-500">{c.phoneNumberId}</span>
          </button>
        ))}
        <button
          type="button"
          aria-pressed={key === 'new'}
          onClick={() => setSelected('new')}
          className="rounded-md border border-dashed border-slate-300 px-3 py-1.5 text-sm text-brand-700 aria-pressed:bg-brand-50"
        >
          + {t('new')}
        </button>
      </div>
      {list.data && <WhatsappForm key={key} channel={current} onSaved={(id) => setSelected(id)} />}
    </div>
  );
}
