'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { ResponsiveLine } from '@nivo/line';
import { useTRPC } from '@/app/_components/trpc';
import type { DashboardFilters } from '@/lib/dashboard/dashboard-filters';
import { CHART_THEME, SERIES_COLORS } from './chart-theme';
import { DataTable, Panel } from './panel';
import { ChartLegend } from './chart-legend';
import { useFigureFormat } from './figure-format';

const SERIES = ['first', 'second', 'third', 'oneTouch'] as const;

/** First-, second- and third-contact resolution and the one-touch rate per week or month, with each period's n. */
export function TrendPanel({ filters }: { filters: DashboardFilters }) {
  const t = useTranslations('dashboard');
  const trpc = useTRPC();
  const fmt = useFigureFormat();
  const trend = useQuery(trpc.dashboard.trend.queryOptions({ filters }));
  const buckets = trend.data ?? [];
  const rate = (n: number, of: number) => (of ? n / of : null);
  const data = SERIES.map((s) => ({
    id: t(`series.${s}`),
    data: buckets.map((b) => ({ x: fmt.day(b.start), y: rate(b[s], b.contacted) })),
  }));
  const header = [t('period'), t('columns.n'), ...SERIES.map((s) => t(`series.${s}`)), t('series.created'), t('series.solved')];
  const rows = buckets.map((b) => [fmt.day(b.start), b.contacted, ...SERIES.map((s) => fmt.share(rate(b[s], b.contacted))), b.created, b.solved]);
  return (
    <Panel
      title={t('trendTitle')}
      note={t('trendNote')}
      testId="trend-panel"
      csv={{
        filename: 'contact-resolution-trend.csv',
        header,
        rows: buckets.map((b) => [b.start, b.contacted, ...SERIES.map((s) => rate(b[s], b.contacted)), b.created, b.solved]),
      }}
      table={<DataTable caption={t('trendTitle')} header={header} rows={rows} />}
    >
      <div className="h-64" aria-hidden>
        {buckets.length > 0 && (
          <ResponsiveLine
            data={data}
            theme={CHART_THEME}
            colors={SERIES_COLORS}
            margin={{ top: 10, right: 40, bottom: buckets.length > 4 ? 56 : 28, left: 44 }}
            xScale={{ type: 'point' }}
            yScale={{ type: 'linear', min: 0, max: 1 }}
            axisLeft={{ format: (v: number) => `${Math.round(v * 100)} %`, tickValues: 5 }}
            axisBottom={{ tickRotation: buckets.length > 4 ? -35 : 0 }}
            pointSize={6}
            enableGridX={false}
            useMesh
            animate={false}
            yFormat={(v) => fmt.share(v as number)}
          />
        )}
      </div>
      <ChartLegend items={data.map((d, i) => ({ label: d.id, color: SERIES_COLORS[i]! }))} />
    </Panel>
  );
}
