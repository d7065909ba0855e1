'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/app/_components/trpc';
import type { DashboardFilters } from '@/lib/dashboard/dashboard-filters';
import { useFigureFormat } from './figure-format';

/** The work as it stands now, refreshed every half minute; each count opens the inbox view it counts. */
export function LiveStrip({ filters }: { filters: DashboardFilters }) {
  const t = useTranslations('dashboard');
  const trpc = useTRPC();
  const fmt = useFigureFormat();
  const live = useQuery({ ...trpc.dashboard.live.queryOptions({ filters }), refetchInterval: 30_000 });
  const d = live.data;
  const item = (label: string, value: number | undefined, view: string | null, tone = '') => (
    <li className="flex items-baseline gap-1.5">
      <span className="text-slate-600">{label}</span>
      {view ? (
        <Link href={`/inbox?view=${view}`} className={`font-semibold tabular-nums ${tone}`}>
          {value === undefined ? '…' : fmt.count(value)}
        </Link>
      ) : (
        <span className={`font-semibold tabular-nums ${tone}`}>{value === undefined ? '…' : fmt.count(value)}</span>
      )}
    </li>
  );
  return (
    <section
      aria-label={t('live')}
      className="flex flex-wrap items-center gap-x-5 gap-y-1 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm"
      data-testid="live-strip"
    >
      <h2 className="text-xs font-semibold tracking-wide text-slate-700 uppercase">{t('live')}</h2>
      <ul className="flex flex-wrap gap-x-5 gap-y-1">
        {item(t('liveOpen'), d?.open, 'all_unsolved')}
        {item(t('liveUnassigned'), d?.unassigned, 'unassigned')}
        {item(t('liveAtRisk'), d?.atRisk, 'at_risk', d?.atRisk ? 'text-amber-800' : '')}
        {item(t('liveBreached'), d?.breached, 'breached', d?.breached ? 'text-red-700' : '')}
        {item(t('liveAgentsOnline'), d?.agentsOnline, null)}
        <li className="flex min-w-0 items-baseline gap-1.5">
          <span className="text-slate-600">{t('liveWaiting')}</span>
          {d?.waitingLongest ? (
            <Link href={`/inbox?view=all&ticket=${d.waitingLongest.number}`} className="truncate font-medium" title={d.waitingLongest.subject}>
              {t('liveWaitingSince', { number: d.waitingLongest.number, since: fmt.instant(d.waitingLongest.since!) })}
            </Link>
          ) : (
            <span className="text-slate-600">{d ? t('liveNobodyWaiting') : '…'}</span>
          )}
        </li>
      </ul>
    </section>
  );
}
