'use client';

import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'use-intl';
import { Plus } from 'lucide-react';
import { useTRPC } from '@/app/_components/trpc';
import { CalendarEditor } from './calendar-editor';
import { selectedRecord } from '../../selected-record';

/** Business-hours calendars: the list (open now or when they open) beside the selected one's editor. */
export function BusinessHoursAdmin() {
  const t = useTranslations('hoursAdmin');
  const format = useFormatter();
  const trpc = useTRPC();
  const calendars = useQuery(trpc.calendars.list.queryOptions());
  const [selected, setSelected] = useState<number | 'new' | null>(null);
  // Lives here: saving a new calendar selects it, which mounts a fresh editor.
  const [savedId, setSavedId] = useState<number | null>(null);
  const current = selectedRecord(calendars.data, selected);
  const editing = selected === 'new' || (selected === null && calendars.data?.length === 0) ? 'new' : current?.id;
  return (
    <div className="grid max-w-5xl gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
      <section aria-labelledby="hours-title" className="space-y-3">
        <div className="flex items-center justify-between">
          <h1 id="hours-title" className="text-lg font-semibold">
            {t('title')}
          </h1>
          <button
            type="button"
            onClick={() => setSelected('new')}
            className="flex items-center gap-1 whitespace-nowrap rounded-md bg-brand-600 px-2.5 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
          >
            <Plus className="size-4" aria-hidden /> {t('new')}
          </button>
        </div>
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="calendar-list">
          {calendars.data?.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                aria-current={editing === c.id}
                onClick={() => setSelected(c.id)}
                className="block w-full px-3 py-2 text-left hover:bg-slate-50 aria-[current=true]:bg-slate-100"
              >
                <span className="block font-medium">{c.name}</span>
                <span className="block text-xs text-slate-600">{c.timeZone}</span>
                <span className={`block text-xs ${c.now.open ? 'text-emerald-700' : 'text-slate-600'}`}>
                  {c.now.open
                    ? t('openNow')
                    : c.now.changesAt
                      ? t('opensAt', {
                          when: format.dateTime(c.now.changesAt, {
                            weekday: 'short',
                            day: 'numeric',
                            month: 'short',
                            hour: '2-digit',
                            minute: '2-digit',
                            timeZone: c.timeZone,
                          }),
                        })
                      : t('neverOpen')}
                </span>
                {c.usedBy.length > 0 && <span className="block text-xs text-slate-500">{t('usedBy', { names: c.usedBy.join(', ') })}</span>}
              </button>
            </li>
          ))}
          {calendars.data?.length === 0 && <li className="px-3 py-2 text-slate-500">{t('none')}</li>}
        </ul>
      </section>
      {editing !== undefined && (
        <CalendarEditor
          key={editing}
          calendar={editing === 'new' ? null : current}
          saved={savedId !== null && savedId === editing}
          onSaving={() => setSavedId(null)}
          onSaved={(id) => (setSavedId(id), setSelected(id))}
          onDeleted={() => setSelected(null)}
        />
      )}
    </div>
  );
}
