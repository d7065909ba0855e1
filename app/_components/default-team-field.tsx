'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { useTRPC } from './trpc';
import { NamedOptions, idOrNull } from './named-options';

/** The team a channel's new tickets go to (none: unassigned to a team), for every channel's settings form. */
export function DefaultTeamField({ value, onChange }: { value: number | null; onChange: (teamId: number | null) => void }) {
  const t = useTranslations('admin');
  const trpc = useTRPC();
  const teams = useQuery(trpc.directory.all.queryOptions()).data?.teams ?? [];
  return (
    <label className="block text-sm">
      <span className="mb-1 block font-medium text-slate-700">{t('defaultTeam')}</span>
      <select className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" value={value ?? ''} onChange={(e) => onChange(idOrNull(e.target.value))}>
        <option value="">—</option>
        <NamedOptions items={teams} />
      </select>
    </label>
  );
}
