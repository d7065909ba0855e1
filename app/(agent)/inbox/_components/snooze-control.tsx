'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useFormatter, useNow, useTranslations } from 'use-intl';
import { AlarmClock } from 'lucide-react';
import { MAX_SNOOZE_REASON, snoozePresets } from '@/lib/snooze';
import type { TicketStatus } from '@/lib/domain';
import { useTRPC } from '@/app/_components/trpc';
import { useErrorText } from '@/app/_components/error-text';
import { TICKET_ACTION_EVENT, type TicketAction } from './use-inbox-shortcuts';
import { HeaderPopover } from '@/app/_components/header-popover';

type Props = { ticket: { id: number; status: TicketStatus; snoozedUntil: number | null; snoozeReason: string | null } };

const WHEN = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' } as const;
/** `<input type="datetime-local">` speaks local wall-clock time without a zone. */
const localInputValue = (ms: number) => {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/**
 * "Snooze" beside the ticket's properties (or `z`): a few choices in the agent's own time zone, or a date
 * and time, with an optional reason; while snoozed, when it comes back, why, and "Wake now".
 */
export function SnoozeControl({ ticket }: Props) {
  const t = useTranslations('snooze');
  const format = useFormatter();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const now = useNow({ updateInterval: 60_000 });
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [custom, setCustom] = useState('');
  const [invalid, setInvalid] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLInputElement>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.tickets.get.queryKey({ id: ticket.id }) });
    void queryClient.invalidateQueries({ queryKey: trpc.tickets.list.pathKey() });
  };
  const snooze = useMutation(
    trpc.tickets.snooze.mutationOptions({
      onSuccess: () => {
        close();
        refresh();
      },
    }),
  );
  const wake = useMutation(trpc.tickets.update.mutationOptions({ onSuccess: refresh }));
  const ended = ticket.status === 'solved' || ticket.status === 'closed';

  const openDialog = () => {
    setReason(ticket.snoozeReason ?? '');
    setOpen(true);
  };
  const close = useCallback((refocus = true) => {
    setOpen(false);
    setInvalid(false);
    if (refocus) trigger.current?.focus();
  }, []);
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);
  // `z` from anywhere in the inbox (the shortcut hook suspends itself while this is open).
  useEffect(() => {
    const onAction = (e: Event) => (e as CustomEvent<TicketAction>).detail.type === 'snooze' && !ended && openDialog();
    window.addEventListener(TICKET_ACTION_EVENT, onAction);
    return () => window.removeEventListener(TICKET_ACTION_EVENT, onAction);
  });

  const send = (until: number) => snooze.mutate({ id: ticket.id, until, reason: reason.trim() || null });
  const sendCustom = () => {
    const until = custom ? new Date(custom).getTime() : NaN;
    if (!(until > Date.now())) return setInvalid(true);
    send(until);
  };

  if (ended) return null;
  return (
    <div ref={box} className="relative flex flex-wrap items-center gap-1.5">
      {ticket.snoozedUntil !== null && (
        <span className="flex flex-wrap items-center gap-1.5 rounded bg-brand-50 px-1.5 py-0.5 text-brand-700" data-testid="snoozed">
          <AlarmClock className="size-3.5" aria-hidden />
          {t('until', { at: format.dateTime(ticket.snoozedUntil, WHEN) })}
          {ticket.snoozeReason && <span className="text-slate-700">· {ticket.snoozeReason}</span>}
          <button
            type="button"
            className="rounded px-1 font-medium text-brand-700 underline-offset-2 hover:underline"
            disabled={wake.isPending}
            onClick={() => wake.mutate({ id: ticket.id, status: 'open' })}
          >
            {t('wake')}
          </button>
        </span>
      )}
      <button
        ref={trigger}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => (open ? setOpen(false) : openDialog())}
        className="flex items-center gap-1 rounded px-1.5 py-1 text-brand-700 hover:bg-brand-50"
      >
        {ticket.snoozedUntil === null && <AlarmClock className="size-3.5" aria-hidden />}
        {ticket.snoozedUntil === null ? t('button') : t('change')}
      </button>
      {open && (
        <HeaderPopover label={t('title')} box={box} onClose={close}>
          <h2 className="text-sm font-semibold">{t('title')}</h2>
          <label className="block text-xs text-slate-600">
            {t('reason')}
            <input
              ref={first}
              value={reason}
              maxLength={MAX_SNOOZE_REASON}
              placeholder={t('reasonPlaceholder')}
              onChange={(e) => setReason(e.target.value)}
              className="mt-0.5 block w-full rounded border border-slate-300 px-2 py-1 text-sm text-slate-900"
            />
          </label>
          <ul className="divide-y divide-slate-100 rounded border border-slate-200">
            {snoozePresets(now.getTime(), Intl.DateTimeFormat().resolvedOptions().timeZone).map((p) => (
              <li key={p.preset}>
                <button
                  type="button"
                  disabled={snooze.isPending}
                  onClick={() => send(p.at)}
                  className="flex w-full items-center justify-between gap-2 px-2 py-1.5 text-left hover:bg-slate-50"
                >
                  <span>{t(p.preset)}</span>
                  <span className="text-xs text-slate-600">{format.dateTime(p.at, WHEN)}</span>
                </button>
              </li>
            ))}
          </ul>
          <div className="flex items-end gap-2">
            <label className="min-w-0 flex-1 text-xs text-slate-600">
              {t('custom')}
              <input
                type="datetime-local"
                value={custom}
                min={localInputValue(now.getTime())}
                aria-invalid={invalid}
                onChange={(e) => {
                  setCustom(e.target.value);
                  setInvalid(false);
                }}
                onKeyDown={(e) => e.key === 'Enter' && sendCustom()}
                className="mt-0.5 block w-full rounded border border-slate-300 px-2 py-1 text-sm text-slate-900"
              />
            </label>
            <button
              type="button"
              disabled={snooze.isPending}
              onClick={sendCustom}
              className="rounded bg-brand-600 px-2.5 py-1.5 text-xs font-medium text-white hover:bg-brand-700"
            >
              {t('confirm')}
            </button>
          </div>
          {(invalid || snooze.error) && (
            <p role="alert" className="text-xs text-red-700">
              {invalid ? t('invalid') : errorText(snooze.error)}
            </p>
          )}
        </HeaderPopover>
      )}
    </div>
  );
}
