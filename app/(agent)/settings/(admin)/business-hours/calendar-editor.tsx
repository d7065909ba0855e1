'use client';

import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useErrorText } from '@/app/_components/error-text';
import { useTranslations } from 'use-intl';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';
import type { Holiday, WeeklyPeriod } from '@/lib/business-hours';
import { useTRPC } from '@/app/_components/trpc';
import { TextField } from '@/app/_components/text-field';
import { TimeZoneField } from '@/app/_components/time-zone-field';
import { WeeklyPeriodsEditor } from './weekly-periods-editor';
import { HolidaysEditor } from './holidays-editor';
import { SaveDeleteBar } from '../../save-delete-bar';

export type Calendar = inferRouterOutputs<AppRouter>['calendars']['list'][number];

const OFFICE_WEEK: WeeklyPeriod[] = [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '17:00' }));

/** One calendar: name, zone, opening periods per weekday, holidays. Saved as a whole; the server validates. */
type Props = { calendar: Calendar | null; saved: boolean; onSaving: () => void; onSaved: (id: number) => void; onDeleted: () => void };

export function CalendarEditor({ calendar, saved, onSaving, onSaved, onDeleted }: Props) {
  const t = useTranslations('hoursAdmin');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(calendar?.name ?? '');
  const [timeZone, setTimeZone] = useState(calendar?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [periods, setPeriods] = useState<WeeklyPeriod[]>(calendar?.periods ?? OFFICE_WEEK);
  const [holidays, setHolidays] = useState<Holiday[]>(calendar?.holidays ?? []);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.calendars.list.queryKey() });
  };
  const save = useMutation(
    trpc.calendars.save.mutationOptions({
      onSuccess: (r) => {
        refresh();
        onSaved(r.id);
      },
    }),
  );
  const remove = useMutation(trpc.calendars.delete.mutationOptions({ onSuccess: () => (refresh(), onDeleted()) }));
  const error = save.error ?? remove.error;

  return (
    <form
      className="space-y-5 rounded-lg border border-slate-200 bg-white p-4"
      aria-label={calendar ? calendar.name : t('new')}
      onSubmit={(e) => {
        e.preventDefault();
        onSaving();
        save.mutate({ id: calendar?.id, name, timeZone, periods, holidays });
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t('name')} required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        <TimeZoneField id="calendar-time-zones" label={t('timeZone')} value={timeZone} onChange={setTimeZone} />
      </div>
      <WeeklyPeriodsEditor periods={periods} onChange={setPeriods} />
      <HolidaysEditor holidays={holidays} onChange={setHolidays} />
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {errorText(error)}
        </p>
      )}
      <SaveDeleteBar
        saving={save.isPending}
        saved={saved}
        labels={{ save: t('save'), saved: t('saved'), delete: t('delete') }}
        confirmDelete={calendar ? t('confirmDelete', { name: calendar.name }) : undefined}
        onDelete={calendar ? () => remove.mutate({ id: calendar.id }) : undefined}
      />
    </form>
  );
}
