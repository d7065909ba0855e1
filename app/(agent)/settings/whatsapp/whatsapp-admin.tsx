'use client';

import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/app/_components/trpc';
import { ChannelPicker } from '../channel-picker';
import { selectedRecord } from '../selected-record';
import { WhatsappForm } from './whatsapp-form';

/** Settings → WhatsApp: the connected numbers, one form each, and a new one. */
export function WhatsappAdmin() {
  const t = useTranslations('whatsappAdmin');
  const trpc = useTRPC();
  const list = useQuery(trpc.whatsapp.list.queryOptions());
  const [selected, setSelected] = useState<number | 'new' | null>(null);
  const channels = list.data ?? [];
  const current = selectedRecord(channels, selected);
  const key = current ? String(current.id) : 'new';
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-lg font-semibold">{t('title')}</h1>
      <p className="text-sm text-slate-600">{t('intro')}</p>
      <ChannelPicker
        items={channels.map((c) => ({ id: c.id, label: c.name, detail: c.phoneNumberId }))}
        selected={key}
        onSelect={setSelected}
        newLabel={t('new')}
      />
      {list.data && <WhatsappForm key={key} channel={current} onSaved={(id) => setSelected(id)} />}
    </div>
  );
}
