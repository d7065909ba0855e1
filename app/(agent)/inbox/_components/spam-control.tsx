'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { ShieldAlert, ShieldCheck } from 'lucide-react';
import { useTRPC } from '@/app/_components/trpc';

/** A held ticket says so and can be released; any other ticket can be sent to Spam. */
export function SpamControl({ ticketId, isSpam }: { ticketId: number; isSpam: boolean }) {
  const t = useTranslations('spam');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mark = useMutation(
    trpc.tickets.markSpam.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.tickets.get.queryKey({ id: ticketId }) });
        void queryClient.invalidateQueries({ queryKey: trpc.tickets.list.pathKey() });
      },
    }),
  );
  if (!isSpam) {
    return (
      <button
        type="button"
        onClick={() => mark.mutate({ id: ticketId, spam: true })}
        disabled={mark.isPending}
        className="flex items-center gap-1 rounded px-1.5 py-0.5 text-xs text-slate-600 hover:bg-slate-100 disabled:opacity-50"
      >
        <ShieldAlert className="size-3.5" aria-hidden />
        {t('mark')}
      </button>
    );
  }
  return (
    <div role="status" className="mt-2 flex flex-wrap items-center gap-2 rounded border border-red-200 bg-red-50 px-2 py-1 text-xs text-red-900">
      <ShieldAlert className="size-3.5" aria-hidden />
      <span className="flex-1">{t('held')}</span>
      <button
        type="button"
        onClick={() => mark.mutate({ id: ticketId, spam: false })}
        disabled={mark.isPending}
        className="flex items-center gap-1 rounded border border-red-300 bg-white px-2 py-0.5 font-medium text-red-900 hover:bg-red-100 disabled:opacity-50"
      >
        <ShieldCheck className="size-3.5" aria-hidden />
        {t('release')}
      </button>
    </div>
  );
}
