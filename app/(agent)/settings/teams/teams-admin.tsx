'use client';

import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useErrorText } from '@/app/_components/error-text';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/app/_components/trpc';
import { TextField } from '@/app/_components/text-field';
import { TimeZoneField } from '@/app/_components/time-zone-field';
import { TeamCustomerUpdates } from './team-customer-updates';
import { TeamRowActions } from './team-row-actions';
import { useViewer } from '@/app/_components/viewer';
import { hasRole } from '@/lib/domain';

/** Admins keep every team; a lead sees their own teams and chooses their members (from the active agents). */
export function TeamsAdmin() {
  const t = useTranslations('admin');
  const isAdmin = hasRole(useViewer().role, 'admin');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const teams = useQuery(trpc.admin.teams.queryOptions());
  const calendars = useQuery({ ...trpc.calendars.list.queryOptions(), enabled: isAdmin });
  const agents = useQuery(trpc.directory.all.queryOptions());
  const setHours = useMutation(
    trpc.admin.setTeamBusinessHours.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.admin.teams.queryKey() }) }),
  );
  const [name, setName] = useState('');
  const [timeZone, setTimeZone] = useState('Europe/Berlin');
  const create = useMutation(
    trpc.admin.createTeam.mutationOptions({
      onSuccess: () => {
        setName('');
        void queryClient.invalidateQueries({ queryKey: trpc.admin.teams.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.directory.all.queryKey() });
      },
    }),
  );
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-lg font-semibold">{t('teams')}</h1>
      <p className="text-sm text-slate-600">{isAdmin ? t('teamHoursHint') : t('leadTeamsHint')}</p>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
        {teams.data?.map((team) => (
          <li key={team.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
            <span className="min-w-32 flex-1">
              {team.name} <span className="text-slate-600">· {team.timeZone}</span>
            </span>
            {isAdmin && (
              <select
                aria-label={t('teamHours', { team: team.name })}
                className="rounded-md border border-slate-300 px-2 py-1 text-sm"
                value={team.calendarId ?? ''}
                onChange={(e) => setHours.mutate({ id: team.id, calendarId: e.target.value ? Number(e.target.value) : null })}
              >
                <option value="">{t('teamHoursNone')}</option>
                {calendars.data?.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
            <details className="w-full text-sm" open={!isAdmin}>
              <summary className="cursor-pointer text-brand-700">
                {isAdmin ? t('manageTeam', { count: team.memberIds.length }) : t('members', { count: team.memberIds.length })}
              </summary>
              <TeamRowActions team={team} agents={agents.data?.agents ?? []} canAdmin={isAdmin} />
            </details>
            {isAdmin && (
              <details className="w-full text-sm">
                <summary className="cursor-pointer text-brand-700">{t('customerUpdates.open')}</summary>
                <TeamCustomerUpdates teamId={team.id} teamName={team.name} />
              </details>
            )}
          </li>
        ))}
      </ul>
      {setHours.error && (
        <p role="alert" className="text-sm text-red-700">
          {errorText(setHours.error)}
        </p>
      )}
      {isAdmin && (
        <form
          className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ name, timeZone });
          }}
        >
          <TextField label={t('name')} required value={name} onChange={(e) => setName(e.target.value)} />
          <TimeZoneField id="team-time-zones" label={t('timeZone')} value={timeZone} onChange={setTimeZone} />
          <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
            {t('newTeam')}
          </button>
          {create.error && (
            <p role="alert" className="w-full text-sm text-red-700">
              {errorText(create.error)}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
