'use client';

import { useTranslations } from 'use-intl';
import { Download } from 'lucide-react';
import { downloadCsv } from '@/app/_components/csv-download';

export type CsvTable = { filename: string; header: string[]; rows: (string | number | null)[][] };

/**
 * A dashboard panel: title, what it counts, a CSV of its data, the chart, and the same data as a table
 * (for screen readers and for reading exact values), folded away by default.
 */
export function Panel({
  title,
  note,
  csv,
  controls,
  table,
  children,
  testId,
}: {
  title: string;
  note?: string;
  csv?: CsvTable;
  controls?: React.ReactNode;
  table?: React.ReactNode;
  children: React.ReactNode;
  testId?: string;
}) {
  const t = useTranslations('dashboard');
  return (
    <section className="min-w-0 rounded-md border border-slate-200 bg-white p-3" data-testid={testId} aria-label={title}>
      <header className="mb-2 flex flex-wrap items-start gap-2">
        {/* At least 14rem for the title and note: on a phone the controls wrap below instead of squeezing them. */}
        <div className="min-w-[14rem] flex-1">
          <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
          {note && <p className="text-xs text-slate-600">{note}</p>}
        </div>
        {controls}
        {csv && (
          <button
            type="button"
            onClick={() => downloadCsv(csv.filename, csv.header, csv.rows)}
            className="flex items-center gap-1 rounded border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-50"
            data-testid="panel-csv"
          >
            <Download className="size-3.5" aria-hidden /> {t('exportCsv')}
          </button>
        )}
      </header>
      {children}
      {table && (
        <details className="mt-2 text-xs">
          <summary className="cursor-pointer text-slate-700">{t('showTable')}</summary>
          <div className="mt-1 max-h-80 overflow-auto">{table}</div>
        </details>
      )}
    </section>
  );
}

/** A plain data table: header row and body rows, numbers right-aligned. */
export function DataTable({ header, rows, caption }: { header: string[]; rows: (string | number)[][]; caption: string }) {
  return (
    <table className="w-full border-collapse text-xs tabular-nums">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {header.map((h) => (
            <th key={h} scope="col" className="border-b border-slate-200 px-1.5 py-1 text-left font-medium text-slate-700">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i} className="odd:bg-slate-50">
            {r.map((v, j) => (
              <td key={j} className={`px-1.5 py-0.5 ${typeof v === 'number' ? 'text-right' : ''}`}>
                {v}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
