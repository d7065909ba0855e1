'use client';

import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'use-intl';
import { Trash2, Users, Globe } from 'lucide-react';
import { hasRole } from '@/lib/domain';
import { countLabel, type ViewScope } from '@/lib/saved-views';
import { ticketFilterSchema, type TicketFilter } from '@/lib/ticket-filter';
import { useTRPC } from '@/app/_components/trpc';
import { useViewer } from '@/app/_components/viewer';
import { useErrorText } from '@/app/_components/error-text';
import { useDirectory } from './use-directory';

export type SavedView = { id: number; name: string; scope: ViewScope; teamId: number | null; filter: TicketFilter; canEdit: boolean };

/** One view's row in the sidebar: its name, and its count when known. */
export function ViewButton(p: { label: React.ReactNode; count: number | undefined; current: boolean; onClick: () => void; testId?: string }) {
  const format = useFormatter();
  return (
    <button
      type="button"
      aria-current={p.current ? 'true' : undefined}
      onClick={p.onClick}
      data-testid={p.testId}
      className="flex w-full items-center gap-2 rounded px-2 py-1 text-left text-sm text-slate-700 hover:bg-slate-100 aria-[current=true]:bg-brand-50 aria-[current=true]:font-medium aria-[current=true]:text-brand-700"
    >
      {/* Long names (German ones) wrap rather than lose their end. */}
      <span className="min-w-0 flex-1 leading-snug break-words">{p.label}</span>
      {p.count !== undefined && (
        <span className="text-xs text-slate-600 tabular-nums" data-count>
          {countLabel(p.count, (n) => format.number(n))}
        </span>
      )}
    </button>
  );
}

/** The saved views in the sidebar (own, the team's, everyone's) with their counts; the current one can be deleted by who keeps it. */
export function SavedViewList(p: { views: SavedView[]; counts: Record<number, number> | undefined; currentId: number | null; onPick: (v: SavedView) => void }) {
  const t = useTranslations('views');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const dir = useDirectory();
  const remove = useMutation(trpc.views.delete.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.views.pathKey() }) }));
  const shareLabel = (v: SavedView) => (v.scope === 'team' ? t('sharedWith', { team: dir.teamName(v.teamId) ?? '' }) : t('sharedEveryone'));
  if (p.views.length === 0) return null;
  return (
    <>
      <ul className="mt-2 space-y-px border-t border-slate-100 pt-2" aria-label={t('saved')}>
        {p.views.map((v) => (
          <li key={v.id} className="flex items-center">
            <ViewButton
              current={v.id === p.currentId}
              count={p.counts?.[v.id]}
              onClick={() => p.onPick(v)}
              label={
                <span className="flex items-center gap-1">
                  <span className="min-w-0 break-words">{v.name}</span>
                  {v.scope !== 'personal' && (
                    <span className="flex shrink-0 items-center text-slate-500" title={shareLabel(v)}>
                      {v.scope === 'team' ? <Users className="size-3" aria-hidden /> : <Globe className="size-3" aria-hidden />}
                      <span className="sr-only">({shareLabel(v)})</span>
                    </span>
                  )}
                </span>
              }
            />
            {v.canEdit && v.id === p.currentId && (
              <button
                type="button"
                className="flex size-7 shrink-0 items-center justify-center rounded text-slate-500 hover:bg-red-50 hover:text-red-700"
                aria-label={t('delete', { name: v.name })}
                onClick={() => window.confirm(t('confirmDelete', { name: v.name })) && remove.mutate({ id: v.id })}
              >
                <Trash2 className="size-3.5" aria-hidden />
              </button>
            )}
          </li>
        ))}
      </ul>
      {remove.error && (
        <p role="alert" className="px-2 text-xs text-red-700">
          {errorText(remove.error)}
        </p>
      )}
    </>
  );
}

/**
 * Saves the current filters as a new view, or into the saved view they came from. Sharing: a lead with
 * the teams they are in, an admin with any team or everyone; the server checks the same.
 */
export function SaveViewForm(p: { filter: TicketFilter; editing: SavedView | null; onSaved: (v: SavedView) => void }) {
  const t = useTranslations('views');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const viewer = useViewer();
  const dir = useDirectory();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [share, setShare] = useState('personal');
  const myTeams = dir.agents.find((a) => a.id === viewer.id)?.teamIds ?? [];
  const shareTeams = hasRole(viewer.role, 'admin') ? dir.teams : hasRole(viewer.role, 'lead') ? dir.teams.filter((x) => myTeams.includes(x.id)) : [];
  const done = (v: SavedView) => {
    void queryClient.invalidateQueries({ queryKey: trpc.views.pathKey() });
    setOpen(false);
    p.onSaved(v);
  };
  const create = useMutation(trpc.views.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.views.update.mutationOptions({ onSuccess: done }));
  const { q: _q, ...filter } = ticketFilterSchema.parse(p.filter);
  const error = create.error ?? update.error;

  if (!open) {
    return (
      <div className="flex flex-wrap gap-x-3 px-2">
        {p.editing?.canEdit && (
          <button
            type="button"
            className="text-[11px] text-brand-700 hover:underline"
            onClick={() => update.mutate({ id: p.editing!.id, view: { name: p.editing!.name, scope: p.editing!.scope, teamId: p.editing!.teamId, filter } })}
          >
            {t('update', { name: p.editing.name })}
          </button>
        )}
        <button
          type="button"
          className="text-[11px] text-brand-700 hover:underline"
          onClick={() => {
            setName('');
            setOpen(true);
          }}
        >
          {t('saveAs')}
        </button>
        {error && (
          <p role="alert" className="w-full text-xs text-red-700">
            {errorText(error)}
          </p>
        )}
      </div>
    );
  }
  return (
    <form
      className="mx-2 space-y-2 rounded border border-slate-200 p-2"
      onSubmit={(e) => {
        e.preventDefault();
        const teamId = share.startsWith('team:') ? Number(share.slice(5)) : null;
        create.mutate({ name, scope: teamId !== null ? 'team' : (share as ViewScope), teamId, filter });
      }}
    >
      <label className="block text-xs font-medium text-slate-600">
        {t('name')}
        <input
          autoFocus
          required
          maxLength={60}
          value={name}
          onChange={(e) => setName(e.target.value)}
          className="mt-1 w-full rounded border border-slate-300 px-1.5 py-1 text-sm text-slate-800"
        />
      </label>
      <label className="block text-xs font-medium text-slate-600">
        {t('share')}
        <select
          value={share}
          onChange={(e) => setShare(e.target.value)}
          className="mt-1 w-full rounded border border-slate-300 bg-white px-1.5 py-1 text-sm text-slate-800"
        >
          <option value="personal">{t('onlyMe')}</option>
          {shareTeams.map((team) => (
            <option key={team.id} value={`team:${team.id}`}>
              {t('sharedWith', { team: team.name })}
            </option>
          ))}
          {hasRole(viewer.role, 'admin') && <option value="everyone">{t('sharedEveryone')}</option>}
        </select>
      </label>
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {errorText(error)}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={create.isPending} className="rounded bg-brand-600 px-2 py-1 text-xs font-medium text-white hover:bg-brand-700">
          {t('save')}
        </button>
        <button type="button" onClick={() => setOpen(false)} className="rounded px-2 py-1 text-xs text-slate-700 hover:bg-slate-100">
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
