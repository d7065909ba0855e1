'use client';

import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { AGENT_STATUSES, type AgentStatus } from '@/lib/agent-status';
import { useTRPC } from './trpc';
import { useRealtime } from './realtime';
import { useViewer } from './viewer';

const DOT: Record<AgentStatus, string> = { online: 'bg-emerald-500', away: 'bg-amber-500', offline: 'bg-slate-400' };

/** A coloured dot for an agent's status, with the status in words for screen readers. */
export function StatusDot({ status }: { status: AgentStatus }) {
  const t = useTranslations('agentStatus');
  return (
    <span className={`inline-block size-2 shrink-0 rounded-full ${DOT[status]}`} title={t(status)}>
      <span className="sr-only">{t(status)}</span>
    </span>
  );
}

/**
 * The header's "online / away / offline": what colleagues see beside the agent's name, and whether new
 * chats are routed to them. Everyone's list of who is there refreshes when anyone's status changes.
 */
export function StatusPicker() {
  const t = useTranslations('agentStatus');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const viewer = useViewer();
  const { socket } = useRealtime();
  const directory = useQuery(trpc.directory.all.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.directory.all.queryKey() });
  const setStatus = useMutation(trpc.auth.setStatus.mutationOptions({ onSuccess: refresh }));
  useEffect(() => {
    if (!socket) return;
    socket.on('agents:status', refresh);
    return () => void socket.off('agents:status', refresh);
  });
  const mine = setStatus.isPending ? setStatus.variables.status : directory.data?.agents.find((a) => a.id === viewer.id)?.status;
  if (!mine) return null;
  return (
    <label className="flex items-center gap-1.5 text-sm text-slate-700">
      <StatusDot status={mine} />
      <span className="sr-only">{t('label')}</span>
      <select
        value={mine}
        onChange={(e) => setStatus.mutate({ status: e.target.value as AgentStatus })}
        className="max-w-[5.5rem] rounded border border-slate-200 bg-white py-0.5 pr-1 pl-1 text-xs text-slate-700 sm:max-w-none"
        data-testid="status-picker"
      >
        {AGENT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(s)}
          </option>
        ))}
      </select>
    </label>
  );
}
