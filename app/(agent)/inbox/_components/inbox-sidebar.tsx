'use client';

import { useTranslations } from 'use-intl';
import { CHANNEL_KINDS, PRIORITIES, TICKET_STATUSES } from '@/lib/domain';
import { VIEWS, type TicketFilter, type ViewId } from '@/lib/ticket-filter';
import { ChannelIcon } from '@/app/_components/channel-icon';
import { useDirectory } from './use-directory';

type Props = { viewId: ViewId; onView: (id: ViewId) => void; filter: TicketFilter; onFilter: (f: TicketFilter) => void };

function toggle<T>(list: readonly T[] | undefined, value: T): T[] | undefined {
  const next = list?.includes(value) ? list.filter((v) => v !== value) : [...(list ?? []), value];
  return next.length ? next : undefined;
}

const chip =
  'rounded border px-1.5 py-0.5 text-[11px] leading-4 border-slate-200 text-slate-600 hover:bg-slate-100 aria-pressed:border-brand-500 aria-pressed:bg-brand-50 aria-pressed:text-brand-700';

export function InboxSidebar({ viewId, onView, filter, onFilter }: Props) {
  const t = useTranslations();
  const dir = useDirectory();
  const assigneeValue = typeof filter.assignee === 'number' ? String(filter.assignee) : (filter.assignee ?? 'any');
  return (
    <aside className="hidden min-h-0 overflow-y-auto border-r border-slate-200 bg-white px-2 py-3 md:block" aria-label={t('views.title')}>
      <h2 className="px-2 pb-1 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">{t('views.title')}</h2>
      <ul className="space-y-px">
        {VIEWS.map((v) => (
          <li key={v.id}>
            <button
              type="button"
              aria-current={v.id === viewId ? 'true' : undefined}
              onClick={() => onView(v.id)}
              className="w-full rounded px-2 py-1 text-left text-sm text-slate-700 hover:bg-slate-100 aria-[current=true]:bg-brand-50 aria-[current=true]:font-medium aria-[current=true]:text-brand-700"
            >
              {t(`views.${v.id}`)}
            </button>
          </li>
        ))}
      </ul>

      <div className="mt-4 flex items-center justify-between px-2 pb-1">
        <h2 className="text-[11px] font-semibold tracking-wide text-slate-400 uppercase">{t('filters.title')}</h2>
        <button type="button" className="text-[11px] text-brand-600 hover:underline" onClick={() => onView(viewId)}>
          {t('filters.clear')}
        </button>
      </div>
      <div className="space-y-3 px-2">
        <fieldset>
          <legend className="mb-1 text-xs font-medium text-slate-500">{t('filters.status')}</legend>
          <div className="flex flex-wrap gap-1">
            {TICKET_STATUSES.map((s) => (
              <button key={s} type="button" className={chip} aria-pressed={filter.status?.includes(s) ?? false} onClick={() => onFilter({ ...filter, status: toggle(filter.status, s) })}>
                {t(`status.${s}`)}
              </button>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="mb-1 text-xs font-medium text-slate-500">{t('filters.channel')}</legend>
          <div className="flex flex-wrap gap-1">
            {CHANNEL_KINDS.map((c) => (
              <button
                key={c}
                type="button"
                title={t(`channel.${c}`)}
                className={`${chip} flex items-center gap-1`}
                aria-pressed={filter.channel?.includes(c) ?? false}
                onClick={() => onFilter({ ...filter, channel: toggle(filter.channel, c) })}
              >
                <ChannelIcon kind={c} label="" className="size-3" />
                {t(`channel.${c}`)}
              </button>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="mb-1 text-xs font-medium text-slate-500">{t('filters.priority')}</legend>
          <div className="flex flex-wrap gap-1">
            {PRIORITIES.map((p) => (
              <button key={p} type="button" className={chip} aria-pressed={filter.priority?.includes(p) ?? false} onClick={() => onFilter({ ...filter, priority: toggle(filter.priority, p) })}>
                {t(`priority.${p}`)}
              </button>
            ))}
          </div>
        </fieldset>
        <label className="block text-xs font-medium text-slate-500">
          {t('filters.assignee')}
          <select
            className="mt-1 w-full rounded border border-slate-200 bg-white px-1.5 py-1 text-sm text-slate-700"
            value={assigneeValue}
            onChange={(e) => {
              const v = e.target.value;
              onFilter({ ...filter, assignee: /^\d+$/.test(v) ? Number(v) : (v as 'me' | 'unassigned' | 'me_or_unassigned' | 'any') });
            }}
          >
            <option value="any">{t('filters.any')}</option>
            <option value="me">{t('filters.me')}</option>
            <option value="unassigned">{t('filters.unassigned')}</option>
            <option value="me_or_unassigned">{t('filters.meOrUnassigned')}</option>
            {dir.agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-xs font-medium text-slate-500">
          {t('filters.team')}
          <select
            className="mt-1 w-full rounded border border-slate-200 bg-white px-1.5 py-1 text-sm text-slate-700"
            value={filter.teamId ?? ''}
            onChange={(e) => onFilter({ ...filter, teamId: e.target.value ? Number(e.target.value) : undefined })}
          >
            <option value="">{t('filters.any')}</option>
            {dir.teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-xs font-medium text-slate-500">
          {t('filters.tag')}
          <select
            className="mt-1 w-full rounded border border-slate-200 bg-white px-1.5 py-1 text-sm text-slate-700"
            value={filter.tagId ?? ''}
            onChange={(e) => onFilter({ ...filter, tagId: e.target.value ? Number(e.target.value) : undefined })}
          >
            <option value="">{t('filters.any')}</option>
            {dir.tags.map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.name}
              </option>
            ))}
          </select>
        </label>
      </div>
    </aside>
  );
}
