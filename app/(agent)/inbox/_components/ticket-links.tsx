'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { Link2, X } from 'lucide-react';
import type { TicketStatus } from '@/lib/domain';
import { useTRPC } from '@/app/_components/trpc';
import { useErrorText } from '@/app/_components/error-text';
import { HeaderPopover } from '@/app/_components/header-popover';

type Props = {
  ticket: { id: number; number: number; status: TicketStatus };
  links: { ticketId: number; number: number; subject: string; status: TicketStatus }[];
  onOpenTicket: (id: number) => void;
};

/**
 * The ticket's related tickets (each opens, each link can go), and "Link or merge": a ticket number, then
 * link it as related or merge this ticket into it (after a confirmation; the merged one closes).
 */
export function TicketLinks({ ticket, links, onOpenTicket }: Props) {
  const t = useTranslations('links');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [number, setNumber] = useState('');
  const [invalid, setInvalid] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.tickets.get.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.tickets.list.pathKey() });
  };
  const setLink = useMutation(trpc.tickets.setLink.mutationOptions({ onSuccess: refresh }));
  const merge = useMutation(
    trpc.tickets.merge.mutationOptions({
      onSuccess: (r) => {
        refresh();
        onOpenTicket(r.ticketId);
      },
    }),
  );
  const closed = ticket.status === 'closed';
  useEffect(() => {
    if (open) field.current?.focus();
  }, [open]);
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) trigger.current?.focus();
  }, []);

  const other = () => {
    const n = Number(number.replace(/^#/, '').trim());
    if (!Number.isInteger(n) || n <= 0) {
      setInvalid(true);
      return null;
    }
    return n;
  };
  const link = () => {
    const n = other();
    if (n !== null) setLink.mutate({ id: ticket.id, otherNumber: n, linked: true }, { onSuccess: () => (setOpen(false), setNumber('')) });
  };
  const mergeInto = () => {
    const n = other();
    if (n !== null && window.confirm(t('confirmMerge', { from: ticket.number, to: n }))) merge.mutate({ id: ticket.id, intoNumber: n });
  };
  const error = setLink.error ?? merge.error;

  return (
    <div ref={box} className="relative mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600" data-testid="ticket-links">
      {links.length > 0 && <span>{t('title')}:</span>}
      {links.map((l) => (
        <span key={l.ticketId} className="flex items-center gap-0.5 rounded bg-slate-100 py-0.5 pr-0.5 pl-1.5 text-slate-700">
          <button type="button" onClick={() => onOpenTicket(l.ticketId)} className="max-w-48 truncate hover:underline" title={l.subject}>
            #{l.number} {l.subject}
          </button>
          {!closed && (
            <button
              type="button"
              aria-label={t('remove', { number: l.number })}
              onClick={() => setLink.mutate({ id: ticket.id, otherNumber: l.number, linked: false })}
              className="rounded p-0.5 hover:bg-slate-200"
            >
              <X className="size-3" aria-hidden />
            </button>
          )}
        </span>
      ))}
      {!closed && (
        <button
          ref={trigger}
          type="button"
          aria-haspopup="dialog"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          className="flex items-center gap-1 rounded px-1.5 py-0.5 text-brand-700 hover:bg-brand-50"
        >
          <Link2 className="size-3.5" aria-hidden />
          {t('open')}
        </button>
      )}
      {open && (
        <HeaderPopover label={t('dialog')} box={box} onClose={close}>
          <label className="block text-xs text-slate-600">
            {t('number')}
            <input
              ref={field}
              inputMode="numeric"
              value={number}
              aria-invalid={invalid}
              placeholder="#1234"
              onChange={(e) => {
                setNumber(e.target.value);
                setInvalid(false);
              }}
              onKeyDown={(e) => {
                if (e.key !== 'Enter') return;
                e.preventDefault();
                link();
              }}
              className="mt-0.5 block w-full rounded border border-slate-300 px-2 py-1 text-sm text-slate-900"
            />
          </label>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              disabled={setLink.isPending}
              onClick={link}
              className="rounded bg-brand-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-brand-700"
            >
              {t('link')}
            </button>
            <button
              type="button"
              disabled={merge.isPending}
              onClick={mergeInto}
              className="rounded border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50"
            >
              {t('merge')}
            </button>
          </div>
          <p className="text-xs text-slate-600">{t('mergeHint')}</p>
          {(invalid || error) && (
            <p role="alert" className="text-xs text-red-700">
              {invalid ? t('invalidNumber') : errorText(error)}
            </p>
          )}
        </HeaderPopover>
      )}
    </div>
  );
}
