'use client';

import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/app/_components/trpc';

/** Agents, teams, tags and channels by id; fetched once per tab and refreshed in the background. */
export function useDirectory() {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.directory.all.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  return useMemo(
    () => ({
      agents: data?.agents ?? [],
      teams: data?.teams ?? [],
      tags: data?.tags ?? [],
      agentName: (id: number | null | undefined) => (id == null ? null : (data?.agents.find((a) => a.id === id)?.name ?? `#${id}`)),
      teamName: (id: number | null | undefined) => (id == null ? null : (data?.teams.find((t) => t.id === id)?.name ?? `#${id}`)),
      /** How long before a messenger channel's reply window closes its tickets warn (null: no window). */
      replyWindowWarningMs: (channelId: number) => data?.channels.find((c) => c.id === channelId)?.replyWindowWarningMs ?? null,
      /** The channel's own reply window length, when it differs from its platform's standard. */
      replyWindowMs: (channelId: number) => data?.channels.find((c) => c.id === channelId)?.replyWindowMs ?? null,
    }),
    [data],
  );
}
