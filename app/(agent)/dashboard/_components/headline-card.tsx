'use client';

import Link from 'next/link';
import { useTranslations } from 'use-intl';
import { AlertTriangle } from 'lucide-react';
import type { HeadlineFigure } from '@/server/dashboard/dashboard-headline';
import { drillParam } from '@/lib/dashboard/figure-kinds';
import { InfoTip } from './info-tip';
import { useFigureFormat } from './figure-format';

/**
 * One headline figure: its value, the period before, its definition on hover or focus, and its n as a
 * link to exactly the tickets (or answers, or SLA targets) it counted. A small sample shows the count
 * behind a share ("9 of 14") with a flag instead of a confident percentage.
 */
export function HeadlineCard({ figure, search }: { figure: HeadlineFigure; search: string }) {
  const t = useTranslations('dashboard');
  const fmt = useFigureFormat();
  const show = (v: number | null) =>
    figure.unit === 'share'
      ? fmt.share(v)
      : figure.unit === 'duration'
        ? fmt.duration(v)
        : figure.unit === 'nps'
          ? fmt.nps(v)
          : figure.unit === 'ces'
            ? fmt.ces(v)
            : fmt.count(v);
  const { current, previous } = figure;
  const label = t(`figures.${figure.key}`);
  const delta = deltaText(figure, fmt);
  const href = `/dashboard/tickets?${search ? `${search}&` : ''}d=${drillParam(figure.drill)}&f=${figure.key}`;
  return (
    <article className="flex min-w-0 flex-col gap-0.5 rounded-md border border-slate-200 bg-white px-3 py-2.5" data-testid={`figure-${figure.key}`}>
      <h3 className="flex items-center gap-1 text-xs font-medium text-slate-700">
        <span className="min-w-0 break-words hyphens-auto">{label}</span>
        <InfoTip label={label} text={t(`definitions.${figure.key}`)} />
      </h3>
      <p className={`text-xl font-semibold tabular-nums sm:text-2xl ${figure.small ? 'text-slate-600' : 'text-slate-900'}`} data-testid="figure-value">
        {current.value === null ? t('noData') : show(current.value)}
        {figure.unit === 'duration' && current.p90 != null && (
          <span className="ml-2 text-xs font-normal whitespace-nowrap text-slate-600">{t('p90', { value: show(current.p90) })}</span>
        )}
      </p>
      <p className="text-xs text-slate-600 tabular-nums">
        {delta && (
          <span className="mr-1.5 font-medium text-slate-800" title={t('change')}>
            {delta}
          </span>
        )}
        {t('previous', { value: previous.value === null ? '–' : show(previous.value) })}
      </p>
      <p className="mt-auto flex flex-wrap items-center gap-x-2 text-xs">
        <Link href={href} className="tabular-nums" data-testid="figure-n">
          {t('n', { count: fmt.count(current.n) })}
          <span className="sr-only"> – {t('showTickets', { count: current.n })}</span>
        </Link>
        {figure.small && current.n > 0 && (
          <span className="flex items-center gap-0.5 text-amber-800" data-testid="small-sample">
            <AlertTriangle className="size-3" aria-hidden /> {t('smallSample')}
          </span>
        )}
      </p>
    </article>
  );
}

/** The change against the period before: points for shares and NPS, per cent for counts and durations. */
function deltaText(figure: HeadlineFigure, fmt: ReturnType<typeof useFigureFormat>): string | null {
  const a = figure.current.value;
  const b = figure.previous.value;
  if (a === null || b === null) return null;
  const sign = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '±');
  if (figure.unit === 'share') return `${sign(a - b)}${fmt.ces(Math.abs(a - b) * 100)} pp`;
  if (figure.unit === 'nps' || figure.unit === 'ces') return `${sign(a - b)}${fmt.ces(Math.abs(a - b))}`;
  if (b === 0) return null;
  return `${sign(a - b)}${fmt.share(Math.abs(a - b) / b)}`;
}
