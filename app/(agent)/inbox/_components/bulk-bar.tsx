'use client';

import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { X } from 'lucide-react';
import { PRIORITIES, type Priority, type TicketStatus } from '@/lib/domain';
import { useTRPC, useTRPCClient } from '@/app/_components/trpc';
import { useUndo } from '@/app/_components/undo-toast';
import { useViewer } from '@/app/_components/viewer';
import { NamedOptions } from '@/app/_components/named-options';
import { useErrorText } from '@/app/_components/error-text';
import { useDirectory } from './use-directory';

const STATUSES: TicketStatus[] = ['open', 'pending', 'on_hold', 'solved'];
const select = 'min-w-0 rounded border border-slate-200 bg-white px-1 py-1 text-xs text-slate-800';

/**
 * What to do with the checked tickets: status, priority, assignee, team and a tag, chosen here and then
 * applied with one button. The change is held for the undo toast's seconds (like a single status change)
 * and then made ticket by ticket; the answer says how many changed and which refused.
 */
export function BulkBar({
  tickets,
  onClear,
  onResult,
}: {
  tickets: readonly { id: number; number: number }[];
  onClear: () => void;
  onResult: (message: string) => void;
}) {
  const ids = tickets.map((x) => x.id);
  const t = useTranslations();
  const trpc = useTRPC();
  const trpcClient = useTRPCClient();
  const queryClient = useQueryClient();
  const offerUndo = useUndo();
  const viewer = useViewer();
  const dir = useDirectory();
  const [status, setStatus] = useState('');
  const [priority, setPriority] = useState('');
  const [assignee, setAssignee] = useState('');
  const [team, setTeam] = useState('');
  const [tag, setTag] = useState('');
  const patch = {
    ...(status ? { status: status as TicketStatus } : {}),
    ...(priority ? { priority: priority as Priority } : {}),
    ...(assignee ? { assigneeId: assignee === 'none' ? null : assignee === 'me' ? viewer.id : Number(assignee) } : {}),
    ...(team ? { teamId: team === 'none' ? null : Number(team) } : {}),
    ...(tag.trim() ? { addTags: [tag.trim()] } : {}),
  };
  const empty = Object.keys(patch).length === 0;
  const errorText = useErrorText();
  // Duplicates go into the oldest of them, one by one (each is its own merge, confirmed once for all).
  const oldest = tickets.reduce<{ id: number; number: number } | null>((a, x) => (a === null || x.number < a.number ? x : a), null);
  const mergeAll = async () => {
    if (!oldest || !window.confirm(t('links.confirmBulkMerge', { count: tickets.length - 1, number: oldest.number }))) return;
    onClear();
    let merged = 0;
    try {
      for (const x of tickets) {
        if (x.id === oldest.id) continue;
        await trpcClient.tickets.merge.mutate({ id: x.id, intoNumber: oldest.number });
        merged++;
      }
      onResult(t('links.bulkMerged', { count: merged, number: oldest.number }));
    } catch (err) {
      onResult(`${t('links.bulkMerged', { count: merged, number: oldest.number })} ${errorText(err as Error)}`);
    } finally {
      void queryClient.invalidateQueries({ queryKey: trpc.tickets.list.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.tickets.get.pathKey() });
    }
  };

  const apply = () => {
    const chosen = [...ids];
    onClear();
    offerUndo({
      message: t('bulk.held', { count: chosen.length }),
      undo: async () => undefined,
      commit: async () => {
        try {
          const res = await trpcClient.tickets.bulkUpdate.mutate({ ids: chosen, patch });
          const refused = [...new Set(res.refused.map((r) => t(`serverErrors.${r.key}` as 'serverErrors.ticket_closed')))].join('; ');
          onResult(
            res.refused.length
              ? t('bulk.doneWithRefused', { changed: res.changed.length, refused: res.refused.length, reasons: refused })
              : t('bulk.done', { changed: res.changed.length }),
          );
        } finally {
          void queryClient.invalidateQueries({ queryKey: trpc.tickets.list.pathKey() });
          for (const id of chosen) void queryClient.invalidateQueries({ queryKey: trpc.tickets.get.queryKey({ id }) });
        }
      },
    });
  };

  return (
    <form
      className="flex flex-wrap items-center gap-1.5 border-b border-brand-100 bg-brand-50 px-2 py-1.5 text-xs"
      aria-label={t('bulk.title', { count: ids.length })}
      data-testid="bulk-bar"
      onSubmit={(e) => {
        e.preventDefault();
        if (!empty) apply();
      }}
    >
      <span className="font-medium text-slate-900">{t('bulk.title', { count: ids.length })}</span>
      <button type="button" onClick={onClear} className="ml-auto flex items-center gap-0.5 rounded px-1 text-brand-700 hover:underline">
        <X className="size-3" aria-hidden />
        {t('bulk.clear')}
      </button>
      <div className="grid w-full grid-cols-2 gap-1.5">
        <select aria-label={t('ticket.status')} className={select} value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t('ticket.status')}: –</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('ticket.priority')} className={select} value={priority} onChange={(e) => setPriority(e.target.value)}>
          <option value="">{t('ticket.priority')}: –</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`priority.${p}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('ticket.assignee')} className={select} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
          <option value="">{t('ticket.assignee')}: –</option>
          <option value="me">{t('ticket.assignToMe')}</option>
          <option value="none">{t('ticket.unassigned')}</option>
          <NamedOptions items={dir.agents} />
        </select>
        <select aria-label={t('ticket.team')} className={select} value={team} onChange={(e) => setTeam(e.target.value)}>
          <option value="">{t('ticket.team')}: –</option>
          <option value="none">{t('ticket.noTeam')}</option>
          <NamedOptions items={dir.teams} />
        </select>
        <input
          aria-label={t('ticket.addTag')}
          placeholder={`+ ${t('ticket.addTag')}`}
          maxLength={40}
          list="all-tags"
          value={tag}
          onChange={(e) => setTag(e.target.value.replace(/,/g, ''))}
          className={select}
        />
        <button type="submit" disabled={empty} className="rounded bg-brand-600 px-2 py-1 font-medium text-white hover:bg-brand-700 disabled:opacity-50">
          {t('bulk.apply', { count: ids.length })}
        </button>
        {oldest && tickets.length > 1 && (
          <button
            type="button"
            onClick={() => void mergeAll()}
            className="col-span-2 rounded border border-slate-300 bg-white px-2 py-1 font-medium text-slate-800 hover:bg-slate-50"
          >
            {t('links.bulkMerge', { number: oldest.number })}
          </button>
        )}
      </div>
    </form>
  );
}
