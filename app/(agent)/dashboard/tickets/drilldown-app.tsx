'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { ArrowLeft, Download } from 'lucide-react';
import { useTRPC } from '@/app/_components/trpc';
import { useErrorText } from '@/app/_components/error-text';
import { useDashboardFilters } from '../_components/use-dashboard-filters';
import { parseDrill } from '@/lib/dashboard/figure-kinds';
import { useFigureFormat } from '../_components/figure-format';
import { DrillRows } from './drill-rows';

type DrillPage = { kind: 'tickets'; tickets: unknown[] } | { kind: 'surveys'; surveys: unknown[] } | { kind: 'sla'; targets: unknown[] };
/** Rows loaded so far, whatever the figure lists. */
const rowCount = (pages: DrillPage[]) =>
  pages.reduce((n, p) => n + (p.kind === 'tickets' ? p.tickets : p.kind === 'surveys' ? p.surveys : p.targets).length, 0);

/**
 * What one figure counted: its n and every row behind it (tickets, survey answers or SLA targets), page
 * by page; the CSV export streams all of them.
 */
export function DrilldownApp() {
  const t = useTranslations('dashboard');
  const trpc = useTRPC();
  const errorText = useErrorText();
  const fmt = useFigureFormat();
  const params = useSearchParams();
  const { filters, search } = useDashboardFilters();
  const drill = parseDrill(params.get('d'));
  const figureKey = params.get('f');
  const PAGE = 100;
  const query = useInfiniteQuery(
    trpc.dashboard.drilldown.infiniteQueryOptions(
      { filters, drill: drill ?? { kind: 'sla' }, limit: PAGE },
      {
        enabled: !!drill,
        retry: false,
        initialCursor: { offset: 0, after: null },
        getNextPageParam: (last, all) => {
          const loaded = rowCount(all);
          if (loaded >= last.total) return undefined;
          const lastTicket = last.kind === 'tickets' ? last.tickets.at(-1) : undefined;
          return { offset: loaded, after: lastTicket ? { at: lastTicket.at, id: lastTicket.ticketId } : null };
        },
      },
    ),
  );
  const pages = query.data?.pages ?? [];
  const total = pages[0]?.total ?? 0;
  const title = figureKey && t.has(`figures.${figureKey}` as 'figures.fcr') ? t(`figures.${figureKey}` as 'figures.fcr') : t('title');
  const shown = rowCount(pages);
  const back = `/dashboard${search ? `?${search}` : ''}`;
  return (
    <main className="h-full overflow-y-auto bg-slate-50">
      <div className="mx-auto flex max-w-[110rem] flex-col gap-3 p-3 sm:p-4">
        <Link href={back} className="flex w-fit items-center gap-1 text-sm">
          <ArrowLeft className="size-4" aria-hidden /> {t('drillBack')}
        </Link>
        <header className="flex flex-wrap items-end gap-3">
          <h1 className="mr-auto text-lg font-semibold text-slate-900" data-testid="drill-title">
            {t('drillTitle', { figure: title, count: fmt.count(total) })}
          </h1>
          {drill && (
            <a
              href={`/dashboard/export.csv?${search ? `${search}&` : ''}d=${params.get('d')}`}
              className="flex items-center gap-1 rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-700 hover:bg-slate-50"
              data-testid="drill-csv"
            >
              <Download className="size-3.5" aria-hidden /> {t('exportCsv')}
            </a>
          )}
        </header>
        {(query.error || !drill) && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {query.error ? errorText(query.error) : t('noData')}
          </p>
        )}
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
          <DrillRows pages={pages} />
        </div>
        <p className="flex items-center gap-3 text-xs text-slate-600" data-testid="drill-shown">
          {t('shown', { shown: fmt.count(shown), count: fmt.count(total) })}
          {query.hasNextPage && (
            <button
              type="button"
              className="rounded border border-slate-300 bg-white px-2 py-1 text-slate-800 hover:bg-slate-50"
              onClick={() => void query.fetchNextPage()}
            >
              {t('more')}
            </button>
          )}
        </p>
      </div>
    </main>
  );
}
