'use client';

import { useEffect, useRef } from 'react';
import { useTranslations } from 'use-intl';
import { X } from 'lucide-react';
import { CHANNEL_KINDS, PRIORITIES, TICKET_STATUSES } from '@/lib/domain';
import { VIEWS, type TicketFilter, type ViewId } from '@/lib/ticket-filter';
import { ChannelIcon } from '@/app/_components/channel-icon';
import { NamedOptions, idOrNull } from '@/app/_components/named-options';
import { useDirectory } from './use-directory';
import { SavedViewList, SaveViewForm, ViewButton, type SavedView } from './saved-views';

type Props = {
  /** The view picked last (Clear goes back to its filters); `currentView` the one the filters still are, marked. */
  viewId: ViewId;
  currentView: ViewId | null;
  onView: (id: ViewId) => void;
  filter: TicketFilter;
  onFilter: (f: TicketFilter) => void;
  /** Counts per built-in view and per saved view (by id), once known. */
  counts: { builtIn: Partial<Record<ViewId, number>>; saved: Record<number, number> } | undefined;
  savedViews: SavedView[];
  /** The saved view picked last (its filters may have been changed since), and the one the filters still are. */
  saved: SavedView | null;
  currentSavedId: number | null;
  onSaved: (v: SavedView) => void;
  /** Given: shown as a drawer over the list (below md, where the sidebar has no room). */
  onClose?: () => void;
};

function toggle<T>(list: readonly T[] | undefined, value: T): T[] | undefined {
  const next = list?.includes(value) ? list.filter((v) => v !== value) : [...(list ?? []), value];
  return next.length ? next : undefined;
}

const heading = 'text-[11px] font-semibold tracking-wide text-slate-500 uppercase';

export function InboxSidebar(p: Props) {
  const t = useTranslations();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (p.onClose) ref.current?.showModal();
  }, [p.onClose]);
  if (!p.onClose) {
    return (
      <aside className="hidden min-h-0 overflow-y-auto border-r border-slate-200 bg-white px-2 py-3 lg:block" aria-label={t('views.title')}>
        <SidebarContent {...p} />
      </aside>
    );
  }
  return (
    <dialog
      ref={ref}
      onClose={p.onClose}
      aria-label={t('views.title')}
      className="m-0 h-full max-h-none w-80 max-w-[85vw] overflow-y-auto bg-white px-2 py-3 shadow-xl backdrop:bg-slate-900/30"
    >
      <button
        type="button"
        onClick={p.onClose}
        className="absolute top-2 right-2 flex size-11 items-center justify-center rounded text-slate-600 hover:bg-slate-100"
        aria-label={t('views.close')}
      >
        <X className="size-5" aria-hidden />
      </button>
      <SidebarContent {...p} />
    </dialog>
  );
}

function SidebarContent({ viewId, currentView, onView, filter, onFilter, counts, savedViews, saved, currentSavedId, onSaved }: Props) {
  const t = useTranslations();
  const dir = useDirectory();
  const assigneeValue = typeof filter.assignee === 'number' ? String(filter.assignee) : (filter.assignee ?? 'any');
  return (
    <>
      <h2 className={`px-2 pb-1 ${heading}`}>{t('views.title')}</h2>
      <ul className="space-y-px">
        {VIEWS.map((v) => (
          <li key={v.id}>
            <ViewButton
              label={t(`views.${v.id}`)}
              count={counts?.builtIn[v.id]}
              current={v.id === currentView && currentSavedId === null}
              onClick={() => onView(v.id)}
            />
          </li>
        ))}
      </ul>
      <SavedViewList views={savedViews} counts={counts?.saved} currentId={currentSavedId} onPick={onSaved} />

      <div className="mt-4 flex items-center justify-between px-2 pb-1">
        <h2 className={heading}>{t('filters.title')}</h2>
        <button type="button" className="text-[11px] text-brand-700 hover:underline" onClick={() => (saved ? onSaved(saved) : onView(viewId))}>
          {t('filters.clear')}
        </button>
      </div>
      {currentView === null && currentSavedId === null && <SaveViewForm filter={filter} editing={saved} onSaved={onSaved} />}
      <div className="space-y-3 px-2">
        <ChipGroup
          legend={t('filters.status')}
          options={TICKET_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          selected={filter.status}
          onToggle={(s) => onFilter({ ...filter, status: toggle(filter.status, s) })}
        />
        <ChipGroup
          legend={t('filters.channel')}
          options={CHANNEL_KINDS.map((c) => ({ value: c, label: t(`channel.${c}`), icon: <ChannelIcon kind={c} label="" className="size-3" /> }))}
          selected={filter.channel}
          onToggle={(c) => onFilter({ ...filter, channel: toggle(filter.channel, c) })}
        />
        <ChipGroup
          legend={t('filters.priority')}
          options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
          selected={filter.priority}
          onToggle={(p) => onFilter({ ...filter, priority: toggle(filter.priority, p) })}
        />
        <FilterSelect
          label={t('filters.assignee')}
          value={assigneeValue}
          onChange={(v) => onFilter({ ...filter, assignee: /^\d+$/.test(v) ? Number(v) : (v as 'me' | 'unassigned' | 'me_or_unassigned' | 'any') })}
        >
          <option value="any">{t('filters.any')}</option>
          <option value="me">{t('filters.me')}</option>
          <option value="unassigned">{t('filters.unassigned')}</option>
          <option value="me_or_unassigned">{t('filters.meOrUnassigned')}</option>
          <NamedOptions items={dir.agents} />
        </FilterSelect>
        <FilterSelect label={t('filters.team')} value={filter.teamId ?? ''} onChange={(v) => onFilter({ ...filter, teamId: idOrNull(v) ?? undefined })}>
          <option value="">{t('filters.any')}</option>
          <NamedOptions items={dir.teams} />
        </FilterSelect>
        <FilterSelect label={t('filters.tag')} value={filter.tagId ?? ''} onChange={(v) => onFilter({ ...filter, tagId: idOrNull(v) ?? undefined })}>
          <option value="">{t('filters.any')}</option>
          <NamedOptions items={dir.tags} />
        </FilterSelect>
      </div>
    </>
  );
}

function ChipGroup<T extends string>(p: {
  legend: string;
  options: { value: T; label: string; icon?: React.ReactNode }[];
  selected: readonly T[] | undefined;
  onToggle: (v: T) => void;
}) {
  return (
    <fieldset>
      <legend className="mb-1 text-xs font-medium text-slate-500">{p.legend}</legend>
      <div className="flex flex-wrap gap-1">
        {p.options.map((o) => (
          <button
            key={o.value}
            type="button"
            aria-pressed={p.selected?.includes(o.value) ?? false}
            onClick={() => p.onToggle(o.value)}
            className="flex items-center gap-1 rounded border border-slate-200 px-1.5 py-0.5 text-[11px] leading-4 text-slate-600 hover:bg-slate-100 aria-pressed:border-brand-500 aria-pressed:bg-brand-50 aria-pressed:text-brand-700"
          >
            {o.icon}
            {o.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

function FilterSelect(p: { label: string; value: string | number; onChange: (v: string) => void; children: React.ReactNode }) {
  return (
    <label className="block text-xs font-medium text-slate-500">
      {p.label}
      <select
        className="mt-1 w-full rounded border border-slate-200 bg-white px-1.5 py-1 text-sm text-slate-700"
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
      >
        {p.children}
      </select>
    </label>
  );
}
