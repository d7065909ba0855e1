'use client';

import { useEffect, useRef } from 'react';
import { X } from 'lucide-react';
import { useStoredText } from '@/app/_components/stored-text';
import { useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'use-intl';
import type { TicketFormAnswers } from '@/server/forms/get-ticket-form';
import { useTRPC } from '@/app/_components/trpc';
import { Avatar } from '@/app/_components/avatar';
import { ChannelIcon } from '@/app/_components/channel-icon';
import { StatusBadge } from '@/app/_components/badges';
import { FormAnswers } from './form-answers';
import { LinkCustomer } from './link-customer';
import { CustomerRatings } from './customer-ratings';

/** Who the customer is, how to reach them on each channel, and their other tickets on any channel. */
type Props = {
  customerId: number;
  currentTicketId: number;
  onOpenTicket: (id: number) => void;
  form: TicketFormAnswers | null;
  /** Given: shown as a drawer over the conversation (below xl, where the panel has no room beside it). */
  onClose?: () => void;
};

/** Beside the conversation from xl up; a drawer opened from the ticket's header below. */
function PanelShell({ onClose, label, children }: { onClose?: () => void; label: string; children: React.ReactNode }) {
  const t = useTranslations();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (onClose) ref.current?.showModal();
  }, [onClose]);
  if (!onClose)
    return (
      <aside className="hidden min-h-0 overflow-y-auto border-l border-slate-200 bg-white p-4 xl:block" aria-label={label} data-testid="customer-panel">
        {children}
      </aside>
    );
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-label={label}
      data-testid="customer-panel"
      className="m-0 ml-auto h-full max-h-none w-80 max-w-[90vw] overflow-y-auto bg-white p-4 shadow-xl backdrop:bg-slate-900/30"
    >
      <button
        type="button"
        onClick={onClose}
        className="float-right -mt-2 -mr-2 flex size-11 items-center justify-center rounded text-slate-600 hover:bg-slate-100"
        aria-label={t('customer.close')}
      >
        <X className="size-5" aria-hidden />
      </button>
      {children}
    </dialog>
  );
}

export function CustomerPanel({ customerId, currentTicketId, onOpenTicket, form, onClose }: Props) {
  const t = useTranslations();
  // Notes the server leaves on a customer (e.g. a blocked Telegram bot) are message refs, read in the agent's language.
  const storedText = useStoredText('serverErrors');
  const format = useFormatter();
  const trpc = useTRPC();
  const profile = useQuery(trpc.customers.profile.queryOptions({ id: customerId }));
  if (!profile.data)
    return (
      <PanelShell onClose={onClose} label={t('customer.title')}>
        <p className="text-sm text-slate-500">{profile.isError ? t('customer.unavailable') : t('list.loading')}</p>
      </PanelShell>
    );
  const c = profile.data;
  // A widget visitor's id means nothing to an agent; an address given in the chat (no email identity) does,
  // marked as unverified: the visitor typed it, nothing proved it is theirs.
  const contacts = [
    ...(c.email && !c.identities.some((i) => i.kind === 'email' && i.externalId === c.email)
      ? [{ key: 'email', kind: 'email' as const, label: c.email, title: c.email, unverified: !c.emailVerified }]
      : []),
    ...c.identities.map((i) => ({
      key: String(i.id),
      kind: i.kind,
      label: i.kind === 'chat' ? t('customer.widgetVisitor') : i.externalId,
      title: i.externalId,
      unverified: false,
    })),
  ];
  return (
    <PanelShell onClose={onClose} label={t('customer.title')}>
      <div className="flex items-center gap-3">
        <Avatar name={c.name} />
        <div className="min-w-0">
          <h2 className="truncate text-sm font-semibold">{c.name}</h2>
          <p className="text-xs text-slate-500">{t('customer.since', { date: format.dateTime(c.createdAt, { dateStyle: 'medium' }) })}</p>
        </div>
      </div>

      <h3 className="mt-5 mb-1 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">{t('customer.identities')}</h3>
      <ul className="space-y-1">
        {contacts.map((i) => (
          <li key={i.key} className="flex items-center gap-2 text-xs text-slate-700">
            <ChannelIcon kind={i.kind} label={t(`channel.${i.kind}`)} className="size-3.5" />
            <span className="truncate" title={i.title}>
              {i.label}
            </span>
            {i.unverified && (
              <span className="shrink-0 rounded bg-amber-50 px-1 text-[11px] text-amber-800" title={t('customer.unverifiedHint')}>
                {t('customer.unverified')}
              </span>
            )}
          </li>
        ))}
      </ul>
      <LinkCustomer key={c.id} customerId={c.id} name={c.name} />

      {Object.keys(c.attributes).length > 0 && (
        <>
          <h3 className="mt-5 mb-1 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">{t('customer.attributes')}</h3>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
            {Object.entries(c.attributes).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-slate-500">{k}</dt>
                <dd className="text-slate-800">{storedText(v)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}

      {form && <FormAnswers key={currentTicketId} ticketId={currentTicketId} form={form} />}

      <CustomerRatings surveys={c.surveys} optedOutAt={c.surveyOptOutAt} onOpenTicket={onOpenTicket} />

      <h3 className="mt-5 mb-1 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">{t('customer.otherTickets')}</h3>
      <ul className="space-y-1">
        {c.tickets.map((tk) => (
          <li key={tk.id}>
            <button
              type="button"
              onClick={() => onOpenTicket(tk.id)}
              aria-current={tk.id === currentTicketId ? 'true' : undefined}
              className="flex w-full items-center gap-1.5 rounded px-1.5 py-1 text-left text-xs hover:bg-slate-100 aria-[current=true]:bg-brand-50"
            >
              <ChannelIcon kind={tk.channelKind} label={t(`channel.${tk.channelKind}`)} className="size-3.5" />
              <span className="min-w-0 flex-1 truncate text-slate-700">
                <span className="text-slate-600">#{tk.number}</span> {tk.subject}
              </span>
              <StatusBadge status={tk.status} label={t(`status.${tk.status}`)} />
            </button>
          </li>
        ))}
      </ul>
    </PanelShell>
  );
}
