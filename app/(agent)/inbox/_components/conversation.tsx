'use client';

import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useErrorText } from '@/app/_components/error-text';
import { useTranslations } from 'use-intl';
import { ChevronLeft, Inbox, UserRound } from 'lucide-react';
import type { PresenceEntry } from '@/lib/realtime-events';
import { useTRPC } from '@/app/_components/trpc';
import { useRealtime } from '@/app/_components/realtime';
import { useViewer } from '@/app/_components/viewer';
import { Avatar } from '@/app/_components/avatar';
import { ChannelIcon } from '@/app/_components/channel-icon';
import type { ComposerMode } from './inbox-app';
import { TicketProperties } from './ticket-properties';
import { SlaTargets } from './sla-targets';
import { ReplyWindowBadge } from '@/app/_components/reply-window-badge';
import { SurveyScoreBadge } from '@/app/_components/survey-score';
import { Thread } from './thread';
import { useChatSignals } from './use-chat-signals';
import { Composer } from './composer';
import { CustomerPanel } from './customer-panel';
import { SpamControl } from './spam-control';
import { TicketLinks } from './ticket-links';

type Props = {
  ticketId: number | null;
  composerMode: ComposerMode;
  onComposerMode: (m: ComposerMode) => void;
  onOpenTicket: (id: number) => void;
  onBack: () => void;
  /** Opens the ticket after this one in the list ("send and next"). */
  onNext: () => void;
  /** Move focus to the ticket's heading once it has loaded (it was opened from the keyboard). */
  takeFocus?: boolean;
  onFocusTaken?: () => void;
  /** Why the ticket a link named is not open (no such number). */
  problem?: string | null;
};

export function Conversation(props: Props) {
  const { ticketId } = props;
  const t = useTranslations();
  if (!ticketId) {
    return (
      <div className="hidden h-full flex-col items-center justify-center gap-2 text-slate-500 md:flex">
        <Inbox className="size-8" aria-hidden />
        <p className="text-sm font-medium text-slate-500">{t('ticket.none')}</p>
        <p className="text-xs">{t('ticket.noneHint')}</p>
        {props.problem && (
          <p role="alert" className="text-sm text-red-700">
            {props.problem}
          </p>
        )}
      </div>
    );
  }
  return <OpenConversation key={ticketId} {...props} ticketId={ticketId} />;
}

/** Under a chat: the customer typing, or that they have seen our last reply. */
function ChatStatus({
  messages,
  customerTyping,
  customerReadUpTo,
}: {
  messages: { id: number; authorKind: string; isInternal: boolean }[];
  customerTyping: boolean;
  customerReadUpTo: number | null;
}) {
  const t = useTranslations('ticket');
  const lastReply = messages.findLast((m) => m.authorKind === 'agent' && !m.isInternal);
  const seen = lastReply && customerReadUpTo !== null && customerReadUpTo >= lastReply.id;
  if (!customerTyping && !seen) return null;
  return (
    <p className="px-4 py-1 text-xs text-slate-500 italic" aria-live="polite" data-testid="chat-status">
      {customerTyping ? t('customerTyping') : t('customerSeen')}
    </p>
  );
}

function OpenConversation({ ticketId, composerMode, onComposerMode, onOpenTicket, onBack, onNext, takeFocus, onFocusTaken }: Props & { ticketId: number }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const viewer = useViewer();
  const { socket, connected } = useRealtime();
  const ticket = useQuery(trpc.tickets.get.queryOptions({ id: ticketId }));
  const markRead = useMutation(
    trpc.tickets.markRead.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.tickets.list.pathKey() }) }),
  );
  const [viewers, setViewers] = useState<PresenceEntry[]>([]);
  const [customerOpen, setCustomerOpen] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = ticket.data !== undefined;
  useEffect(() => {
    if (!takeFocus || !loaded) return;
    heading.current?.focus();
    onFocusTaken?.();
  }, [takeFocus, loaded, onFocusTaken]);
  const chat = useChatSignals(ticketId, ticket.data?.ticket.customerReadMessageId ?? null);

  // Opening marks the ticket read for me; new customer messages while it is open do too.
  const lastMessageAt = ticket.data?.messages.at(-1)?.createdAt;
  useEffect(() => {
    if (lastMessageAt !== undefined) markRead.mutate({ id: ticketId });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ticketId, lastMessageAt]);

  // Presence: announce that I am viewing, hear who else is (re-announced after a reconnect).
  useEffect(() => {
    if (!socket || !connected) return;
    const onPresence = (p: { ticketId: number; viewers: PresenceEntry[] }) =>
      p.ticketId === ticketId && setViewers(p.viewers.filter((v) => v.agentId !== viewer.id));
    socket.on('presence', onPresence);
    socket.emit('ticket:view', ticketId);
    return () => {
      socket.off('presence', onPresence);
      socket.emit('ticket:leave', ticketId);
    };
  }, [socket, connected, ticketId, viewer.id]);

  if (ticket.isPending) return <p className="p-6 text-sm text-slate-500">{t('list.loading')}</p>;
  if (ticket.error)
    return (
      <p role="alert" className="p-6 text-sm text-red-700">
        {errorText(ticket.error)}
      </p>
    );
  const { ticket: tk, channel } = ticket.data;
  const typing = viewers.find((v) => v.typing);
  const latestAnswered = ticket.data.surveys.findLast((s) => s.answer !== null);

  return (
    <div className="grid h-full min-h-0 grid-cols-[minmax(0,1fr)] xl:grid-cols-[minmax(0,1fr)_18rem]">
      <section className="flex min-h-0 flex-col bg-slate-50" aria-label={tk.subject}>
        <header className="border-b border-slate-200 bg-white px-4 pt-3 pb-2">
          <div className="flex items-start gap-2">
            <button type="button" onClick={onBack} className="-ml-1 rounded p-0.5 text-slate-500 hover:bg-slate-100 md:hidden" aria-label={t('ticket.back')}>
              <ChevronLeft className="size-5" aria-hidden />
            </button>
            <ChannelIcon kind={channel.kind} label={t(`channel.${channel.kind}`)} className="mt-1 size-4" />
            <h1 ref={heading} tabIndex={-1} className="min-w-0 flex-1 text-base leading-6 font-semibold">
              <span className="mr-1.5 font-normal text-slate-500">#{tk.number}</span>
              {tk.subject}
            </h1>
            {viewers.length > 0 && (
              <div
                className="flex items-center gap-1"
                data-testid="presence"
                aria-label={t('ticket.viewing', { names: viewers.map((v) => v.name).join(', ') })}
              >
                <div className="flex -space-x-1.5">
                  {viewers.map((v) => (
                    <Avatar key={v.agentId} name={v.name} size="sm" ring />
                  ))}
                </div>
                <span className="text-xs text-slate-500">{t('ticket.viewing', { names: viewers.map((v) => v.name.split(' ')[0]).join(', ') })}</span>
              </div>
            )}
            {!tk.isSpam && <SpamControl ticketId={tk.id} isSpam={false} />}
            <button
              type="button"
              onClick={() => setCustomerOpen(true)}
              aria-haspopup="dialog"
              className="flex size-8 shrink-0 items-center justify-center rounded text-slate-600 hover:bg-slate-100 xl:hidden"
              aria-label={t('customer.open')}
              title={t('customer.open')}
            >
              <UserRound className="size-5" aria-hidden />
            </button>
          </div>
          {tk.isSpam && <SpamControl ticketId={tk.id} isSpam />}
          <div className="flex flex-wrap items-center gap-x-3">
            <SlaTargets targets={ticket.data.sla} />
            {latestAnswered && <SurveyScoreBadge s={latestAnswered} />}
            {tk.status !== 'solved' && (
              <ReplyWindowBadge
                kind={channel.kind}
                lastCustomerMessageAt={tk.lastCustomerMessageAt}
                warningMs={ticket.data.replyOptions?.windowWarningMs ?? null}
                lengthMs={ticket.data.replyOptions?.windowMs}
              />
            )}
          </div>
          <TicketProperties ticket={tk} tags={ticket.data.tags} />
          <TicketLinks ticket={tk} links={ticket.data.links} onOpenTicket={onOpenTicket} />
          {ticket.data.mergedInto && (
            <p role="status" className="mt-2 flex flex-wrap items-center gap-2 rounded bg-slate-100 px-2 py-1 text-sm text-slate-700" data-testid="merged-into">
              {t('links.mergedInto', { number: ticket.data.mergedInto.number })}
              <button type="button" onClick={() => onOpenTicket(ticket.data.mergedInto!.id)} className="font-medium text-brand-700 hover:underline">
                {t('links.openTarget', { number: ticket.data.mergedInto.number })}
              </button>
            </p>
          )}
        </header>
        <Thread data={ticket.data} />
        {typing && (
          <p className="px-4 py-1 text-xs text-slate-500 italic" aria-live="polite">
            {t('ticket.typing', { name: typing.name })}
          </p>
        )}
        {channel.kind === 'chat' && (
          <ChatStatus messages={ticket.data.messages} customerTyping={chat.customerTyping} customerReadUpTo={chat.customerReadUpTo} />
        )}
        {tk.status === 'closed' ? (
          <p className="border-t border-slate-200 bg-white px-4 py-3 text-sm text-slate-500">{t('ticket.closedReadOnly')}</p>
        ) : (
          <Composer
            ticketId={ticketId}
            status={tk.status}
            mode={composerMode}
            onMode={onComposerMode}
            onNext={onNext}
            mail={ticket.data.mail}
            live={channel.kind === 'chat'}
            replyWindow={{ kind: channel.kind, lastCustomerMessageAt: tk.lastCustomerMessageAt, options: ticket.data.replyOptions }}
          />
        )}
      </section>
      <CustomerPanel customerId={tk.customerId} currentTicketId={tk.id} onOpenTicket={onOpenTicket} form={ticket.data.form} />
      {customerOpen && (
        <CustomerPanel
          customerId={tk.customerId}
          currentTicketId={tk.id}
          onOpenTicket={onOpenTicket}
          form={ticket.data.form}
          onClose={() => setCustomerOpen(false)}
        />
      )}
    </div>
  );
}
