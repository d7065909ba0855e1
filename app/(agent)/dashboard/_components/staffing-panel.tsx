'use client';

import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { ResponsiveHeatMap } from '@nivo/heatmap';
import { ResponsiveBar } from '@nivo/bar';
import { useTRPC } from '@/app/_components/trpc';
import type { DashboardFilters } from '@/lib/dashboard/dashboard-filters';
import { CHART_THEME, SERIES_COLORS } from './chart-theme';
import { DataTable, Panel } from './panel';
import { ChartLegend } from './chart-legend';
import { useFigureFormat } from './figure-format';

const METRICS = ['incoming', 'median', 'online'] as const;
type Metric = (typeof METRICS)[number];
const HOURS = Array.from({ length: 24 }, (_, h) => h);
const pad = (h: number) => String(h).padStart(2, '0');

/** Weekday × hour heatmap (incoming, median first response, agents online) and first response by weekday. */
export function StaffingPanel({ filters, zone }: { filters: DashboardFilters; zone: string }) {
  const t = useTranslations('dashboard');
  const trpc = useTRPC();
  const fmt = useFigureFormat();
  const [metric, setMetric] = useState<Metric>('incoming');
  const staffing = useQuery(trpc.dashboard.staffing.queryOptions({ filters }));
  const cells = staffing.data?.cells ?? [];
  const weekdays = staffing.data?.weekdays ?? [];
  const day = (w: number) => t(`weekdays.${w}` as 'weekdays.0');
  const valueOf = (c: (typeof cells)[number]) =>
    metric === 'incoming' ? c.incoming : metric === 'online' ? c.agentsOnline : c.medianMs === null ? null : c.medianMs / 60_000;
  const show = (v: number | null) => (v === null ? '–' : metric === 'median' ? fmt.duration(v * 60_000) : fmt.count(v));
  const heat = Array.from({ length: 7 }, (_, w) => ({
    id: day(w),
    data: HOURS.map((h) => ({ x: pad(h), y: cells.length ? valueOf(cells[w * 24 + h]!) : null })),
  }));
  const header = [t('weekday'), t('hour'), t('incoming'), t('answered'), t('staffingMetrics.median'), t('staffingMetrics.online')];
  const rows = cells.map((c) => [day(c.weekday), `${pad(c.hour)}:00`, c.incoming, c.answered, fmt.duration(c.medianMs), c.agentsOnline]);
  const weekdayHeader = [t('weekday'), t('incoming'), t('answered'), t('median'), t('mean')];
  const bars = weekdays.map((w) => ({ weekday: day(w.weekday), [t('median')]: (w.medianMs ?? 0) / 3600_000, [t('mean')]: (w.meanMs ?? 0) / 3600_000 }));
  return (
    <div className="grid min-w-0 gap-3 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <Panel
        title={t('staffingTitle')}
        note={t('staffingNote', { zone })}
        testId="staffing-panel"
        controls={
          <label className="flex items-center gap-1 text-xs text-slate-700">
            {t('staffingMetric')}
            <select
              value={metric}
              onChange={(e) => setMetric(e.target.value as Metric)}
              className="rounded border border-slate-300 bg-white px-1.5 py-1 text-xs"
              data-testid="staffing-metric"
            >
              {METRICS.map((m) => (
                <option key={m} value={m}>
                  {t(`staffingMetrics.${m}`)}
                </option>
              ))}
            </select>
          </label>
        }
        csv={{ filename: 'staffing.csv', header, rows: cells.map((c) => [c.weekday + 1, c.hour, c.incoming, c.answered, c.medianMs, c.agentsOnline]) }}
        table={<DataTable caption={t('staffingTitle')} header={header} rows={rows} />}
      >
        <div className="h-64 overflow-x-auto" aria-hidden data-testid="staffing-heatmap">
          <div className="h-full min-w-[40rem]">
            {cells.length > 0 && (
              <ResponsiveHeatMap
                data={heat}
                theme={CHART_THEME}
                margin={{ top: 22, right: 8, bottom: 4, left: 36 }}
                axisTop={{ tickSize: 0, tickPadding: 4 }}
                axisLeft={{ tickSize: 0, tickPadding: 4 }}
                colors={{ type: 'sequential', scheme: metric === 'median' ? 'oranges' : 'blues' }}
                emptyColor="#f8fafc"
                enableLabels={false}
                xInnerPadding={0.04}
                yInnerPadding={0.06}
                borderRadius={2}
                animate={false}
                valueFormat={(v) => show(v)}
              />
            )}
          </div>
        </div>
      </Panel>
      <Panel
        title={t('weekdayTitle')}
        testId="weekday-panel"
        csv={{
          filename: 'first-response-by-weekday.csv',
          header: weekdayHeader,
          rows: weekdays.map((w) => [w.weekday + 1, w.incoming, w.answered, w.medianMs, w.meanMs]),
        }}
        table={
          <DataTable
            caption={t('weekdayTitle')}
            header={weekdayHeader}
            rows={weekdays.map((w) => [day(w.weekday), w.incoming, w.answered, fmt.duration(w.medianMs), fmt.duration(w.meanMs)])}
          />
        }
      >
        <div className="h-64" aria-hidden>
          {weekdays.length > 0 && (
            <ResponsiveBar
              data={bars}
              keys={[t('median'), t('mean')]}
              indexBy="weekday"
              groupMode="grouped"
              theme={CHART_THEME}
              colors={SERIES_COLORS}
              margin={{ top: 8, right: 8, bottom: 28, left: 40 }}
              axisLeft={{ format: (v: number) => `${v} h`, tickValues: 5 }}
              enableLabel={false}
              animate={false}
              valueFormat={(v) => fmt.duration(v * 3600_000)}
            />
          )}
        </div>
        <ChartLegend items={[t('median'), t('mean')].map((label, k) => ({ label, color: SERIES_COLORS[k]! }))} />
      </Panel>
    </div>
  );
}
