'use client';

import { useTranslations } from 'use-intl';
import { Plus, X } from 'lucide-react';
import type { Holiday } from '@/lib/business-hours';

const input = 'rounded-md border border-slate-300 px-2 py-1 text-sm';

/** Days the calendar stays closed whatever the weekday says (public holidays, company days off). */
export function HolidaysEditor({ holidays, onChange }: { holidays: Holiday[]; onChange: (h: Holiday[]) => void }) {
  const t = useTranslations('hoursAdmin');
  const update = (index: number, patch: Partial<Holiday>) => onChange(holidays.map((h, i) => (i === index ? { ...h, ...patch } : h)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">{t('holidays')}</legend>
      {holidays.length === 0 && <p className="text-sm text-slate-500">{t('noHolidays')}</p>}
      <ul className="space-y-1.5">
        {holidays.map((h, index) => (
          <li key={index} className="flex items-center gap-2">
            <input
              type="date"
              aria-label={t('holidayDate', { n: index + 1 })}
              className={input}
              value={h.date}
              required
              onChange={(e) => update(index, { date: e.target.value })}
            />
            <input
              aria-label={t('holidayName', { n: index + 1 })}
              placeholder={t('holidayNamePlaceholder')}
              className={`${input} min-w-0 flex-1`}
              maxLength={100}
              value={h.name}
              onChange={(e) => update(index, { name: e.target.value })}
            />
            <button
              type="button"
              aria-label={t('removeHoliday', { n: index + 1 })}
              onClick={() => onChange(holidays.filter((_, i) => i !== index))}
              className="rounded p-1 text-slate-500 hover:bg-slate-100"
            >
              <X className="size-3.5" aria-hidden />
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={() => onChange([...holidays, { date: '', name: '' }])}
        className="flex items-center gap-1 text-sm text-brand-700 hover:underline"
      >
        <Plus className="size-4" aria-hidden /> {t('addHoliday')}
      </button>
    </fieldset>
  );
}
