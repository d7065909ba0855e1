'use client';

import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'use-intl';
import { ArrowDown, ArrowUp } from 'lucide-react';
import { useTRPC } from '@/app/_components/trpc';
import type { DashboardFilters } from '@/lib/dashboard/dashboard-filters';
import type { Dimension } from '@/lib/dashboard/figure-kinds';
import type { NamedBreakdownRow } from '@/server/dashboard/dashboard-breakdowns';
import { Panel } from './panel';
import { useFigureFormat } from './figure-format';

const COLUMNS = ['n', 'change', 'fcr', 'reopened', 'frt', 'resolution', 'csat'] as const;
type Column = (typeof COLUMNS)[number] | 'group';

/**
 * A sortable table of the cohort split by one dimension (a picker when there are several). `compare`:
 * also the period before, as each group's change in tickets (contact reasons: which ones grow).
 */
export function BreakdownPanel({
  filters,
  dimensions,
  title,
  note,
  testId,
  compare = false,
}: {
  filters: DashboardFilters;
  dimensions: readonly Dimension[];
  title: string;
  note?: string;
  testId: string;
  compare?: boolean;
}) {
  const t = useTranslations('dashboard');
  const tc = useTranslations();
  const locale = useLocale() as 'en' | 'de';
  const trpc = useTRPC();
  const fmt = useFigureFormat();
  const [dimension, setDimension] = useState<Dimension>(dimensions[0]!);
  const [sort, setSort] = useState<{ by: Column; desc: boolean }>({ by: 'n', desc: true });
  const rows = useQuery(trpc.dashboard.breakdown.queryOptions({ filters, dimension, compare })).data ?? [];

  const label = (r: NamedBreakdownRow) => {
    if (dimension === 'channel') return r.key ? tc(`channel.${r.key}` as 'channel.email') : '–';
    if (dimension === 'priority') return r.key ? tc(`priority.${r.key}` as 'priority.low') : '–';
    if (dimension === 'form_answer')
      return `${r.fieldLabel?.[locale] ?? r.fieldLabel?.en ?? r.field}: ${r.optionLabel?.[locale] ?? r.optionLabel?.en ?? r.key}`;
    return r.label ?? (dimension === 'agent' ? t('unassigned') : dimension === 'team' ? t('noTeam') : '–');
  };
  const share = (n: number, of: number) => (of ? n / of : null);
  const value = (r: NamedBreakdownRow, c: Column): number | string | null =>
    ({
      group: label(r),
      n: r.n,
      change: r.previousN ? (r.n - r.previousN) / r.previousN : null,
      fcr: share(r.fcr, r.contacted),
      reopened: share(r.reopened, r.n),
      frt: r.frtMedianMs,
      resolution: r.resolutionMedianMs,
      csat: share(r.csatSatisfied, r.csatAnswers),
    })[c];
  const sorted = [...rows].sort((a, b) => {
    const x = value(a, sort.by);
    const y = value(b, sort.by);
    const order = x === null ? 1 : y === null ? -1 : typeof x === 'string' ? x.localeCompare(String(y), locale) : x - (y as number);
    return sort.desc && x !== null && y !== null ? -order : order;
  });
  const shown = (r: NamedBreakdownRow, c: Column) => {
    const v = value(r, c);
    if (c === 'group') return v as string;
    if (c === 'n') return fmt.count(v as number);
    if (c === 'change') return v === null ? '–' : `${(v as number) > 0 ? '+' : ''}${fmt.share(v as number)}`;
    if (c === 'frt' || c === 'resolution') return fmt.duration(v as number | null);
    return fmt.share(v as number | null);
  };
  const headers: Column[] = ['group', ...COLUMNS.filter((c) => compare || c !== 'change')];
  const headerText = (c: Column) => (c === 'group' ? t(`dimensions.${dimension}`) : t(`columns.${c}`));
  return (
    <Panel
      title={title}
      note={note}
      testId={testId}
      controls={
        dimensions.length > 1 && (
          <label className="flex items-center gap-1 text-xs text-slate-700">
            <span className="sr-only">{t('breakdownTitle')}</span>
            <select
              value={dimension}
              onChange={(e) => setDimension(e.target.value as Dimension)}
              className="rounded border border-slate-300 bg-white px-1.5 py-1 text-xs"
              data-testid={`${testId}-dimension`}
            >
              {dimensions.map((d) => (
                <option key={d} value={d}>
                  {t(`dimensions.${d}`)}
                </option>
              ))}
            </select>
          </label>
        )
      }
      csv={{ filename: `${testId}-${dimension}.csv`, header: headers.map(headerText), rows: sorted.map((r) => headers.map((c) => value(r, c))) }}
    >
      <div className="max-h-96 overflow-auto">
        <table className="w-full border-collapse text-xs tabular-nums">
          <caption className="sr-only">{title}</caption>
          <thead className="sticky top-0 bg-white">
            <tr>
              {headers.map((c) => (
                <th
                  key={c}
                  scope="col"
                  aria-sort={sort.by === c ? (sort.desc ? 'descending' : 'ascending') : undefined}
                  className={`border-b border-slate-200 px-1.5 py-1 font-medium text-slate-700 ${c === 'group' ? 'text-left' : 'text-right'}`}
                >
                  <button
                    type="button"
                    className="inline-flex items-center gap-0.5 hover:text-slate-950"
                    onClick={() => setSort((s) => ({ by: c, desc: s.by === c ? !s.desc : c !== 'group' }))}
                  >
                    {headerText(c)}
                    {sort.by === c && (sort.desc ? <ArrowDown className="size-3" aria-hidden /> : <ArrowUp className="size-3" aria-hidden />)}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={`${r.formId}-${r.field}-${r.key}`} className="odd:bg-slate-50">
                {headers.map((c) => (
                  <td key={c} className={`px-1.5 py-1 ${c === 'group' ? 'max-w-60 truncate text-left' : 'text-right'}`}>
                    {shown(r, c)}
                  </td>
                ))}
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={headers.length} className="px-1.5 py-2 text-slate-600">
                  {t('noData')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
