'use client';

import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useErrorText } from '@/app/_components/error-text';
import { useTranslations } from 'use-intl';
import { UserCheck, X } from 'lucide-react';
import { PRIORITIES, TICKET_STATUSES, type Priority, type TicketStatus } from '@/lib/domain';
import { useTRPC, useTRPCClient } from '@/app/_components/trpc';
import { useUndo } from '@/app/_components/undo-toast';
import { useViewer } from '@/app/_components/viewer';
import { NamedOptions, idOrNull } from '@/app/_components/named-options';
import { useDirectory } from './use-directory';
import { TICKET_ACTION_EVENT, type TicketAction } from './use-inbox-shortcuts';
import { SnoozeControl } from './snooze-control';

type Props = {
  ticket: {
    id: number;
    status: TicketStatus;
    priority: Priority;
    assigneeId: number | null;
    teamId: number | null;
    snoozedUntil: number | null;
    snoozeReason: string | null;
  };
  tags: { id: number; name: string }[];
};

export function TicketProperties({ ticket, tags }: Props) {
  const t = useTranslations();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const trpcClient = useTRPCClient();
  const offerUndo = useUndo();
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
  // A status change is held for a few seconds with an undo (solving counts in the figures, so it is
  // not done and then reversed); the select shows it meanwhile. An assignment is done at once and
  // reversed on undo.
  const [heldStatus, setHeldStatus] = useState<TicketStatus | null>(null);
  const setStatus = (status: TicketStatus) => {
    if (closed || status === (heldStatus ?? ticket.status)) return;
    setHeldStatus(status);
    const id = ticket.id;
    offerUndo({
      message: t('undo.status', { status: t(`status.${status}`) }),
      undo: async () => setHeldStatus(null),
      commit: async () => {
        try {
          await trpcClient.tickets.update.mutate({ id, status });
        } finally {
          setHeldStatus(null);
          void queryClient.invalidateQueries({ queryKey: trpc.tickets.get.queryKey({ id }) });
          void queryClient.invalidateQueries({ queryKey: trpc.tickets.list.pathKey() });
        }
      },
    });
  };
  const assign = (assigneeId: number | null) => {
    const before = ticket.assigneeId;
    if (closed || assigneeId === before) return;
    update.mutate(
      { id: ticket.id, assigneeId },
      {
        onSuccess: () =>
          offerUndo({
            message: assigneeId === null ? t('undo.unassigned') : t('undo.assigned', { name: dir.agentName(assigneeId) ?? '' }),
            undo: () => update.mutateAsync({ id: ticket.id, assigneeId: before }),
          }),
      },
    );
  };

  // Keyboard actions from the inbox (a, o, p, h, s) land here, where the ticket is known.
  useEffect(() => {
    const onAction = (e: Event) => {
      const a = (e as CustomEvent<TicketAction>).detail;
      if (a.type === 'assign_me') assign(viewer.id);
      else if (a.type === 'status') setStatus(a.status);
    };
    window.addEventListener(TICKET_ACTION_EVENT, onAction);
    return () => window.removeEventListener(TICKET_ACTION_EVENT, onAction);
  });

  const addTag = () => {
    const name = tagDraft.trim().toLowerCase();
    if (name && !tags.some((x) => x.name === name)) patch({ addTags: [name] });
    setTagDraft('');
  };

  return (
    <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1.5 text-xs text-slate-500" data-testid="ticket-properties">
      <PropertySelect label={t('ticket.status')} disabled={closed} value={heldStatus ?? ticket.status} onChange={(v) => setStatus(v as TicketStatus)}>
        {TICKET_STATUSES.filter((s) => s !== 'new' || ticket.status === 'new').map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </PropertySelect>
      <SnoozeControl ticket={ticket} />
      <PropertySelect label={t('ticket.priority')} disabled={closed} value={ticket.priority} onChange={(v) => patch({ priority: v as Priority })}>
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {t(`priority.${p}`)}
          </option>
        ))}
      </PropertySelect>
      <PropertySelect label={t('ticket.assignee')} disabled={closed} value={ticket.assigneeId ?? ''} onChange={(v) => assign(idOrNull(v))}>
        <option value="">{t('ticket.unassigned')}</option>
        {/* Who is there, beside each name: an away or offline colleague will not see it soon. */}
        <NamedOptions items={dir.agents.map((a) => ({ id: a.id, name: a.status === 'online' ? a.name : `${a.name} (${t(`agentStatus.${a.status}`)})` }))} />
      </PropertySelect>
      {ticket.assigneeId !== viewer.id && !closed && (
        <button type="button" onClick={() => assign(viewer.id)} className="flex items-center gap-1 rounded px-1.5 py-1 text-brand-700 hover:bg-brand-50">
          <UserCheck className="size-3.5" aria-hidden />
          {t('ticket.assignToMe')}
        </button>
      )}
      <PropertySelect label={t('ticket.team')} disabled={closed} value={ticket.teamId ?? ''} onChange={(v) => patch({ teamId: idOrNull(v) })}>
        <option value="">{t('ticket.noTeam')}</option>
        <NamedOptions items={dir.teams} />
      </PropertySelect>
      <div className="flex flex-wrap items-center gap-1" aria-label={t('ticket.tags')}>
        {tags.map((tag) => (
          <span key={tag.id} className="flex items-center gap-0.5 rounded bg-slate-100 py-0.5 pr-0.5 pl-1.5 text-slate-700">
            {tag.name}
            {!closed && (
              <button type="button" aria-label={`${tag.name} ×`} className="rounded p-0.5 hover:bg-slate-200" onClick={() => patch({ removeTags: [tag.name] })}>
                <X className="size-3" aria-hidden />
              </button>
            )}
          </span>
        ))}
        {!closed && (
          <input
            aria-label={t('ticket.addTag')}
            placeholder={`+ ${t('ticket.addTag')}`}
            className="w-44 rounded border border-transparent bg-transparent px-1 py-0.5 text-xs hover:border-slate-200 focus:border-slate-300 focus:bg-white"
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
      {update.error && (
        <span role="alert" className="text-red-700">
          {errorText(update.error)}
        </span>
      )}
    </div>
  );
}

function PropertySelect(p: { label: string; value: string | number; disabled: boolean; onChange: (v: string) => void; children: React.ReactNode }) {
  return (
    <label className="flex items-center gap-1">
      {p.label}
      <select
        aria-label={p.label}
        className="rounded border border-slate-200 bg-white px-1.5 py-1 text-xs text-slate-800 disabled:opacity-60"
        disabled={p.disabled}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
      >
        {p.children}
      </select>
    </label>
  );
}
