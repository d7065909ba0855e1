'use client';

import { useLocale, useTranslations } from 'use-intl';
import { Plus, X } from 'lucide-react';
import { WEEKDAYS, type WeeklyPeriod } from '@/lib/business-hours';

const timeInput = 'rounded-md border border-slate-300 px-2 py-1 text-sm tabular-nums';

/** A weekday name in the UI language (2026-11-23 was a Monday, ISO day 1). */
const weekdayName = (locale: string, day: number) => new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 10, 22 + day));

/** Opening periods per weekday: a day without periods is closed; a day may have several (a lunch break). */
export function WeeklyPeriodsEditor({ periods, onChange }: { periods: WeeklyPeriod[]; onChange: (p: WeeklyPeriod[]) => void }) {
  const t = useTranslations('hoursAdmin');
  const locale = useLocale();
  const update = (index: number, patch: Partial<WeeklyPeriod>) => onChange(periods.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  const mondayToWeekdays = () => {
    const monday = periods.filter((p) => p.day === 1);
    onChange([...monday, ...[2, 3, 4, 5].flatMap((day) => monday.map((p) => ({ ...p, day }))), ...periods.filter((p) => p.day > 5)]);
  };
  return (
    <fieldset className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <legend className="text-sm font-medium text-slate-700">{t('weeklyHours')}</legend>
        <button type="button" onClick={mondayToWeekdays} className="text-xs text-brand-700 hover:underline">
          {t('copyMonday')}
        </button>
      </div>
      <table className="w-full text-sm">
        <tbody className="divide-y divide-slate-100">
          {WEEKDAYS.map((day) => {
            const ofDay = periods.map((p, index) => ({ p, index })).filter(({ p }) => p.day === day);
            const name = weekdayName(locale, day);
            return (
              <tr key={day} data-testid={`weekday-${day}`}>
                <th scope="row" className="w-32 py-1.5 pr-3 text-left font-normal text-slate-700">
                  {name}
                </th>
                <td className="py-1.5">
                  <div className="flex flex-wrap items-center gap-2">
                    {ofDay.length === 0 && <span className="text-slate-500">{t('closed')}</span>}
                    {ofDay.map(({ p, index }, n) => (
                      <span key={index} className="flex items-center gap-1">
                        <input
                          type="time"
                          aria-label={t('opensLabel', { day: name, n: n + 1 })}
                          className={timeInput}
                          value={p.from}
                          required
                          onChange={(e) => update(index, { from: e.target.value })}
                        />
                        <span aria-hidden>–</span>
                        <input
                          type="time"
                          aria-label={t('closesLabel', { day: name, n: n + 1 })}
                          className={timeInput}
                          value={p.to === '24:00' ? '00:00' : p.to}
                          required
                          // 00:00 as a closing time means midnight at the end of the day.
                          onChange={(e) => update(index, { to: e.target.value === '00:00' ? '24:00' : e.target.value })}
                        />
                        <button
                          type="button"
                          aria-label={t('removePeriod', { day: name, n: n + 1 })}
                          onClick={() => onChange(periods.filter((_, i) => i !== index))}
                          className="rounded p-1 text-slate-500 hover:bg-slate-100"
                        >
                          <X className="size-3.5" aria-hidden />
                        </button>
                      </span>
                    ))}
                    <button
                      type="button"
                      aria-label={t('addPeriod', { day: name })}
                      onClick={() =>
                        onChange([...periods, { day, from: ofDay.at(-1)?.p.to === '24:00' ? '09:00' : (ofDay.at(-1)?.p.to ?? '09:00'), to: '17:00' }])
                      }
                      className="rounded p-1 text-slate-500 hover:bg-slate-100"
                    >
                      <Plus className="size-3.5" aria-hidden />
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}
