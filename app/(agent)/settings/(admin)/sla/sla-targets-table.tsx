'use client';

import { useTranslations } from 'use-intl';
import { PRIORITIES, type Priority } from '@/lib/domain';
import { SLA_TARGETS, type SlaTarget } from '@/lib/sla-policy';
import type { TargetCell, TargetCells } from '@/lib/sla-policy-draft';

const input = 'w-full rounded border border-slate-300 px-1.5 py-1 text-sm tabular-nums aria-[invalid=true]:border-red-500';

/** Targets per priority (rows) and kind (columns); an empty duration means no target. */
export function SlaTargetsTable({
  cells,
  onChange,
  problemAt,
}: {
  cells: TargetCells;
  onChange: (cells: TargetCells) => void;
  problemAt: (path: string) => string | undefined;
}) {
  const t = useTranslations('slaAdmin');
  const tt = useTranslations();
  const set = (p: Priority, k: SlaTarget, patch: Partial<TargetCell>) => onChange({ ...cells, [p]: { ...cells[p], [k]: { ...cells[p][k], ...patch } } });
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[40rem] border-separate border-spacing-1 text-left text-sm">
        <caption className="sr-only">{t('targets')}</caption>
        <thead>
          <tr className="text-xs text-slate-500">
            <th scope="col">{t('priority')}</th>
            {SLA_TARGETS.map((k) => (
              <th key={k} scope="col">
                {tt(`sla.target.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...PRIORITIES].reverse().map((p) => (
            <tr key={p} className="align-top">
              <th scope="row" className="py-1 pr-2 font-medium whitespace-nowrap text-slate-700">
                {tt(`priority.${p}`)}
              </th>
              {SLA_TARGETS.map((k) => {
                const cell = cells[p][k];
                const where = `targets.${p}.${k}`;
                const problem = problemAt(`${where}.minutes`) ?? problemAt(where) ?? problemAt(`${where}.warning`);
                const label = `${tt(`priority.${p}`)}, ${tt(`sla.target.${k}`)}`;
                return (
                  <td key={k} className="rounded bg-slate-50 p-1">
                    <div className="grid grid-cols-[1fr_auto] gap-1">
                      <input
                        className={input}
                        value={cell.duration}
                        placeholder="—"
                        aria-label={t('durationOf', { what: label })}
                        aria-invalid={Boolean(problem)}
                        data-testid={`target-${p}-${k}`}
                        onChange={(e) => set(p, k, { duration: e.target.value })}
                      />
                      <select
                        className="rounded border border-slate-300 bg-white px-1 text-xs"
                        value={cell.clock}
                        aria-label={t('clockOf', { what: label })}
                        data-testid={`clock-${p}-${k}`}
                        onChange={(e) => set(p, k, { clock: e.target.value as TargetCell['clock'] })}
                      >
                        <option value="business">{t('business')}</option>
                        <option value="calendar">{t('calendarTime')}</option>
                      </select>
                      <input
                        className={`${input} col-span-2 text-xs`}
                        value={cell.warning}
                        placeholder={t('warningPlaceholder')}
                        aria-label={t('warningOf', { what: label })}
                        data-testid={`warning-${p}-${k}`}
                        onChange={(e) => set(p, k, { warning: e.target.value })}
                      />
                    </div>
                    {problem && <p className="mt-0.5 text-xs text-red-700">{problem}</p>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-1 text-xs text-slate-500">{t('targetsHint')}</p>
    </div>
  );
}
