'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { Download } from 'lucide-react';
import { useTRPC } from '@/app/_components/trpc';
import { useErrorText } from '@/app/_components/error-text';
import { useViewer } from '@/app/_components/viewer';
import { hasRole } from '@/lib/domain';
import { useDashboardFilters } from './use-dashboard-filters';
import { FilterBar } from './filter-bar';
import { LiveStrip } from './live-strip';
import { HeadlineCard } from './headline-card';
import { TrendPanel } from './trend-panel';
import { StaffingPanel } from './staffing-panel';
import { BreakdownPanel } from './breakdown-panel';
import { useFigureFormat } from './figure-format';
import { ApiTokensPanel } from './api-tokens-panel';
import { DigestToggle } from './digest-toggle';

/** The team dashboard: filters, live strip, headline figures, trend, staffing, breakdowns and contact reasons. */
export function DashboardApp() {
  const t = useTranslations('dashboard');
  const trpc = useTRPC();
  const errorText = useErrorText();
  const viewer = useViewer();
  const fmt = useFigureFormat();
  const { filters, setFilters, invalid, search } = useDashboardFilters();
  const headline = useQuery({ ...trpc.dashboard.headline.queryOptions({ filters }), retry: false });
  const cohort = t(`cohorts.${filters.cohort}`);
  const w = headline.data;
  return (
    <main className="h-full overflow-y-auto bg-slate-50">
      <div className="mx-auto flex max-w-[110rem] flex-col gap-3 p-3 sm:p-4">
        <header className="flex flex-wrap items-end gap-3">
          <div className="mr-auto">
            <h1 className="text-lg font-semibold text-slate-900">{t('title')}</h1>
            {!hasRole(viewer.role, 'lead') && <p className="text-xs text-slate-600">{t('ownWork')}</p>}
            {w && (
              <p className="text-xs text-slate-600" data-testid="window">
                {t('window', {
                  from: fmt.day(w.window.fromDay),
                  to: fmt.day(w.window.toDay),
                  zone: w.zone,
                  prevFrom: fmt.day(w.previous.fromDay),
                  prevTo: fmt.day(w.previous.toDay),
                })}
                {' · '}
                {t('cohortNote', { cohort })}
              </p>
            )}
          </div>
          <a
            href={`/dashboard/export.csv${search ? `?${search}` : ''}`}
            className="flex items-center gap-1 rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-700 hover:bg-slate-50"
            data-testid="export-facts"
          >
            <Download className="size-3.5" aria-hidden /> {t('exportFacts')}
          </a>
        </header>
        <FilterBar filters={filters} setFilters={setFilters} />
        {invalid && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {t('invalidAddress', { fields: invalid })}
          </p>
        )}
        {headline.error && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="dashboard-error">
            {errorText(headline.error)}
          </p>
        )}
        {w && (
          <>
            <LiveStrip filters={filters} />
            <section aria-label={t('title')} className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4 2xl:grid-cols-6" data-testid="headline">
              {w.figures.map((f) => (
                <HeadlineCard key={f.key} figure={f} search={search} />
              ))}
            </section>
            <TrendPanel filters={filters} />
            <StaffingPanel filters={filters} zone={w.zone} />
            <div className="grid min-w-0 gap-3 xl:grid-cols-2">
              <BreakdownPanel filters={filters} dimensions={['team', 'agent', 'channel', 'priority', 'tag']} title={t('breakdownTitle')} testId="breakdown" />
              <BreakdownPanel
                filters={filters}
                dimensions={['tag', 'form_answer']}
                title={t('reasonsTitle')}
                note={t('reasonsNote', { cohort })}
                testId="reasons"
                compare
              />
            </div>
            {hasRole(viewer.role, 'lead') && (
              <>
                <DigestToggle />
                <ApiTokensPanel />
              </>
            )}
          </>
        )}
        {!w && !headline.error && <p className="text-sm text-slate-600">{t('loading')}</p>}
      </div>
    </main>
  );
}
