'use client';

import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';
import { useTRPC } from '@/app/_components/trpc';
import { EmailInboxForm } from './email-inbox-form';

type Inbox = inferRouterOutputs<AppRouter>['inboxes']['listEmail']['inboxes'][number];

export function InboxesAdmin() {
  const t = useTranslations('admin');
  const trpc = useTRPC();
  const list = useQuery(trpc.inboxes.listEmail.queryOptions());
  const [selected, setSelected] = useState<number | 'new' | null>(null);
  const inboxes = list.data?.inboxes ?? [];
  const current: Inbox | null = selected === 'new' ? null : (inboxes.find((i) => i.id === selected) ?? inboxes[0] ?? null);
  const key = selected === 'new' ? 'new' : String(current?.id ?? 'new');
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-lg font-semibold">{t('inboxes')}</h1>
      <div className="flex flex-wrap gap-2">
        {inboxes.map((i) => (
          <button
            key={i.id}
            type="button"
            aria-pressed={key === String(i.id)}
            onClick={() => setSelected(i.id)}
            className="rounded-md border border-slate-200 bg-white px-3 py-1.5 text-sm aria-pressed:border-brand-500 aria-pressed:bg-brand-50"
          >
            {i.name} <span className="text-slate-600">{i.address}</span>
          </button>
        ))}
        <button
          type="button"
          aria-pressed={key === 'new'}
          onClick={() => setSelected('new')}
          className="rounded-md border border-dashed border-slate-300 px-3 py-1.5 text-sm text-brand-700 aria-pressed:bg-brand-50"
        >
          + {t('newInbox')}
        </button>
      </div>
      {list.data && (
        <>
          <p className="text-xs text-slate-500">{t('inboundHint', { port: list.data.inboundSmtpPort })}</p>
          <EmailInboxForm key={key} inbox={key === 'new' ? null : current} onSaved={(id) => setSelected(id)} />
        </>
      )}
    </div>
  );
}
