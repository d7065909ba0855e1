'use client';

import Link from 'next/link';
import { useTranslations } from 'use-intl';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';
import { useFigureFormat } from '../_components/figure-format';

type Page = inferRouterOutputs<AppRouter>['dashboard']['drilldown'];

const th = 'border-b border-slate-200 px-2 py-1.5 text-left font-medium text-slate-700 whitespace-nowrap';
const td = 'px-2 py-1 whitespace-nowrap';

/** The rows behind a figure, as a table of the kind the figure counts; each ticket opens in the inbox. */
export function DrillRows({ pages }: { pages: Page[] }) {
  const t = useTranslations('dashboard');
  const tc = useTranslations();
  const fmt = useFigureFormat();
  const kind = pages[0]?.kind;
  const ticketLink = (number: number) => <Link href={`/inbox?view=all&ticket=${number}`}>#{number}</Link>;
  const head = (cols: string[]) => (
    <thead>
      <tr>
        {cols.map((c) => (
          <th key={c} scope="col" className={th}>
            {t(`drillColumns.${c}` as 'drillColumns.number')}
          </th>
        ))}
      </tr>
    </thead>
  );
  if (kind === 'tickets')
    return (
      <table className="w-full border-collapse text-xs tabular-nums" data-testid="drill-table">
        {head(['number', 'subject', 'channel', 'team', 'agent', 'created', 'solved', 'frt', 'resolution', 'replies', 'reopens'])}
        <tbody>
          {pages.flatMap((p) =>
            p.kind !== 'tickets'
              ? []
              : p.tickets.map((r) => (
                  <tr key={r.ticketId} className="odd:bg-slate-50" data-testid="drill-row">
                    <td className={td}>{ticketLink(r.number)}</td>
                    <td className="max-w-80 truncate px-2 py-1">{r.subject}</td>
                    <td className={td}>{r.channel ? tc(`channel.${r.channel}` as 'channel.email') : '–'}</td>
                    <td className={td}>{r.team ?? '–'}</td>
                    <td className={td}>{r.agent ?? '–'}</td>
                    <td className={td}>{r.createdAt ? fmt.instant(r.createdAt) : '–'}</td>
                    <td className={td}>{r.firstSolvedAt ? fmt.instant(r.firstSolvedAt) : '–'}</td>
                    <td className={td}>{fmt.duration(r.firstResponseMs)}</td>
                    <td className={td}>{fmt.duration(r.resolutionMs)}</td>
                    <td className={`${td} text-right`}>{r.publicReplies}</td>
                    <td className={`${td} text-right`}>{r.reopenCount}</td>
                  </tr>
                )),
          )}
        </tbody>
      </table>
    );
  if (kind === 'surveys')
    return (
      <table className="w-full border-collapse text-xs tabular-nums" data-testid="drill-table">
        {head(['number', 'subject', 'sent', 'score', 'reason'])}
        <tbody>
          {pages.flatMap((p) =>
            p.kind !== 'surveys'
              ? []
              : p.surveys.map((r) => (
                  <tr key={`${r.ticketId}-${r.sentAt}`} className="odd:bg-slate-50" data-testid="drill-row">
                    <td className={td}>{ticketLink(r.number)}</td>
                    <td className="max-w-80 truncate px-2 py-1">{r.subject}</td>
                    <td className={td}>{fmt.instant(r.sentAt)}</td>
                    <td className={td}>
                      {r.score} / {r.scaleMax}
                    </td>
                    <td className={td}>{r.reason ?? '–'}</td>
                  </tr>
                )),
          )}
        </tbody>
      </table>
    );
  if (kind === 'sla')
    return (
      <table className="w-full border-collapse text-xs tabular-nums" data-testid="drill-table">
        {head(['number', 'subject', 'target', 'due', 'outcome'])}
        <tbody>
          {pages.flatMap((p) =>
            p.kind !== 'sla'
              ? []
              : p.targets.map((r) => (
                  <tr key={`${r.ticketId}-${r.target}-${r.cycle}`} className="odd:bg-slate-50" data-testid="drill-row">
                    <td className={td}>{ticketLink(r.number)}</td>
                    <td className="max-w-80 truncate px-2 py-1">{r.subject}</td>
                    <td className={td}>{t(`slaTargets.${r.target}`)}</td>
                    <td className={td}>{r.dueAt ? fmt.instant(r.dueAt) : '–'}</td>
                    <td className={td}>{r.metOnTime ? t('met') : t('missed')}</td>
                  </tr>
                )),
          )}
        </tbody>
      </table>
    );
  return null;
}
