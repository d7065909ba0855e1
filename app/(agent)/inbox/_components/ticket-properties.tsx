'use client';

import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { UserCheck, X } from 'lucide-react';
import { PRIORITIES, TICKET_STATUSES, type Priority, type TicketStatus } from '@/lib/domain';
import { useTRPC } from '@/app/_components/trpc';
import { useViewer } from '@/app/_components/viewer';
import { useDirectory } from './use-directory';
import { TICKET_ACTION_EVENT, type TicketAction } from './use-inbox-shortcuts';

type Props = {
  ticket: { id: number; status: TicketStatus; priority: Priority; assigneeId: number | null; teamId: number | null };
  tags: { id: number; name: string }[];
};

const select = 'rounded border border-slate-200 bg-white px-1.5 py-1 text-xs text-slate-800 disabled:opacity-60';

export function TicketProperties({ ticket, tags }: Props) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const viewer = useViewer();
  const dir = useDirectory();
  const [tagDraft, setTagDraft] = useState('');
  const update = useMutation(
    trpc.tickets.update.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.tickets.get.queryKey({ id: ticket.id }) });
        void queryClient.invalidateQueries({ queryKey: trpc.tickets.list.pathKey() });
      },
    }),
  );
  const closed = ticket.status === 'closed';
  const patch = (p: Omit<Parameters<typeof update.mutate>[0], 'id'>) => !closed && update.mutate({ id: ticket.id, ...p });

  // Keyboard actions from the inbox (a, o, p, h, s) land here, where the ticket is known.
  useEffect(() => {
    const onAction = (e: Event) => {
      const a = (e as CustomEvent<TicketAction>).detail;
      if (a.type === 'assign_me') patch({ assigneeId: viewer.id });
      else patch({ status: a.status });
    };
    window.addEventListener(TICKET_ACTION_EVENT, onAction);
    return () => window.removeEventListener(TICKET_ACTION_EVENT, onAction);
  });

  const addTag = () => {
    const name = tagDraft.trim().toLowerCase();
    if (name && !tags.some((x) => x.name === name)) patch({ tags: [...tags.map((x) => x.name), name] });
    setTagDraft('');
  };

  return (
    <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1.5 text-xs text-slate-500" data-testid="ticket-properties">
      <label className="flex items-center gap-1">
        {t('ticket.status')}
        <select aria-label={t('ticket.status')} className={select} disabled={closed} value={ticket.status} onChange={(e) => patch({ status: e.target.value as TicketStatus })}>
          {TICKET_STATUSES.filter((s) => s !== 'new' || ticket.status === 'new').map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1">
        {t('ticket.priority')}
        <select aria-label={t('ticket.priority')} className={select} disabled={closed} value={ticket.priority} onChange={(e) => patch({ priority: e.target.value as Priority })}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`priority.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1">
        {t('ticket.assignee')}
        <select aria-label={t('ticket.assignee')} className={select} disabled={closed} value={ticket.assigneeId ?? ''} onChange={(e) => patch({ assigneeId: e.target.value ? Number(e.target.value) : null })}>
          <option value="">{t('ticket.unassigned')}</option>
          {dir.agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      {ticket.assigneeId !== viewer.id && !closed && (
        <button type="button" onClick={() => patch({ assigneeId: viewer.id })} className="flex items-center gap-1 rounded px-1.5 py-1 text-brand-700 hover:bg-brand-50">
          <UserCheck className="size-3.5" aria-hidden />
          {t('ticket.assignToMe')}
        </button>
      )}
      <label className="flex items-center gap-1">
        {t('ticket.team')}
        <select aria-label={t('ticket.team')} className={select} disabled={closed} value={ticket.teamId ?? ''} onChange={(e) => patch({ teamId: e.target.value ? Number(e.target.value) : null })}>
          <option value="">{t('ticket.noTeam')}</option>
          {dir.teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </label>
      <div className="flex flex-wrap items-center gap-1" aria-label={t('ticket.tags')}>
        {tags.map((tag) => (
          <span key={tag.id} className="flex items-center gap-0.5 rounded bg-slate-100 py-0.5 pr-0.5 pl-1.5 text-slate-700">
            {tag.name}
            {!closed && (
              <button type="button" aria-label={`${tag.name} ×`} className="rounded p-0.5 hover:bg-slate-200" onClick={() => patch({ tags: tags.filter((x) => x.id !== tag.id).map((x) => x.name) })}>
                <X className="size-3" aria-hidden />
              </button>
            )}
          </span>
        ))}
        {!closed && (
          <input
            aria-label={t('ticket.addTag')}
            placeholder={`+ ${t('ticket.addTag')}`}
            className="w-36 rounded border border-transparent bg-transparent px-1 py-0.5 text-xs hover:border-slate-200 focus:border-slate-300 focus:bg-white"
            value={tagDraft}
            list="all-tags"
            onChange={(e) => setTagDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ',') {
                e.preventDefault();
                addTag();
              }
            }}
            onBlur={addTag}
          />
        )}
        <datalist id="all-tags">
          {dir.tags.map((tag) => (
            <option key={tag.id} value={tag.name} />
          ))}
        </datalist>
      </div>
      {update.error && <span role="alert" className="text-red-700">{update.error.message}</span>}
    </div>
  );
}
