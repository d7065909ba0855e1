'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/app/_components/trpc';
import { useViewer } from '@/app/_components/viewer';
import { CHANNEL_KINDS, PRIORITIES, hasRole } from '@/lib/domain';
import { RANGE_PRESETS, type DashboardFilters } from '@/lib/dashboard/dashboard-filters';

const field = 'flex flex-col gap-0.5 text-xs text-slate-700';
const control = 'rounded border border-slate-300 bg-white px-1.5 py-1 text-sm text-slate-900';

/** The dashboard's filters; each change goes to the URL at once (so the view can be shared). */
export function FilterBar({ filters, setFilters }: { filters: DashboardFilters; setFilters: (patch: Partial<DashboardFilters>) => void }) {
  const t = useTranslations('dashboard');
  const tc = useTranslations();
  const trpc = useTRPC();
  const viewer = useViewer();
  const directory = useQuery(trpc.directory.all.queryOptions()).data;
  const lead = hasRole(viewer.role, 'lead');
  const teams = (directory?.teams ?? []).filter((team) => lead || directory?.agents.find((a) => a.id === viewer.id)?.teamIds.includes(team.id));
  const num = (v: string) => (v ? Number(v) : undefined);
  const select = <K extends keyof DashboardFilters>(
    key: K,
    label: string,
    options: { value: string; label: string }[],
    parse: (v: string) => DashboardFilters[K],
    any = true,
  ) => (
    <label className={field}>
      {label}
      <select
        className={control}
        value={filters[key] === undefined ? '' : String(filters[key])}
        onChange={(e) => setFilters({ [key]: parse(e.target.value) } as Partial<DashboardFilters>)}
        data-testid={`filter-${key}`}
      >
        {any && <option value="">{t('any')}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form role="search" aria-label={t('filters')} className="flex flex-wrap items-end gap-x-3 gap-y-2" onSubmit={(e) => e.preventDefault()}>
      {select(
        'range',
        t('range'),
        RANGE_PRESETS.map((p) => ({ value: p, label: t(`presets.${p}`) })),
        (v) => v as DashboardFilters['range'],
        false,
      )}
      {filters.range === 'custom' && (
        <>
          <label className={field}>
            {t('from')}
            <input
              type="date"
              className={control}
              value={filters.from ?? ''}
              onChange={(e) => setFilters({ from: e.target.value || undefined })}
              data-testid="filter-from"
            />
          </label>
          <label className={field}>
            {t('to')}
            <input
              type="date"
              className={control}
              value={filters.to ?? ''}
              onChange={(e) => setFilters({ to: e.target.value || undefined })}
              data-testid="filter-to"
            />
          </label>
        </>
      )}
      {select(
        'teamId',
        t('team'),
        teams.map((team) => ({ value: String(team.id), label: team.name })),
        num,
      )}
      {lead &&
        select(
          'agentId',
          t('agent'),
          (directory?.agents ?? []).filter((a) => !filters.teamId || a.teamIds.includes(filters.teamId)).map((a) => ({ value: String(a.id), label: a.name })),
          num,
        )}
      {select(
        'channel',
        t('channel'),
        CHANNEL_KINDS.map((c) => ({ value: c, label: tc(`channel.${c}`) })),
        (v) => (v || undefined) as DashboardFilters['channel'],
      )}
      {select(
        'priority',
        t('priority'),
        PRIORITIES.map((p) => ({ value: p, label: tc(`priority.${p}`) })),
        (v) => (v || undefined) as DashboardFilters['priority'],
      )}
      {select(
        'tagId',
        t('tag'),
        (directory?.tags ?? []).map((tag) => ({ value: String(tag.id), label: tag.name })),
        num,
      )}
      {select(
        'cohort',
        t('cohort'),
        (['created', 'solved'] as const).map((c) => ({ value: c, label: t(`cohorts.${c}`) })),
        (v) => v as DashboardFilters['cohort'],
        false,
      )}
      {select(
        'clock',
        t('clock'),
        (['business', 'calendar'] as const).map((c) => ({ value: c, label: t(`clocks.${c}`) })),
        (v) => v as DashboardFilters['clock'],
        false,
      )}
      {select(
        'interval',
        t('interval'),
        (['week', 'month'] as const).map((c) => ({ value: c, label: t(`intervals.${c}`) })),
        (v) => v as DashboardFilters['interval'],
        false,
      )}
    </form>
  );
}
