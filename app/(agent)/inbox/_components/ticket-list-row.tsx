'use client';

import { memo, useEffect, useRef } from 'react';
import { AlarmClock, Check } from 'lucide-react';
import { useFormatter, useNow, useTranslations } from 'use-intl';
import { ChannelIcon } from '@/app/_components/channel-icon';
import { StatusBadge, PriorityLabel } from '@/app/_components/badges';
import { Avatar } from '@/app/_components/avatar';
import { SlaBadge } from '@/app/_components/sla-badge';
import { ReplyWindowBadge } from '@/app/_components/reply-window-badge';
import { REPLY_WINDOW_MS } from '@/lib/reply-window';
import { UNSOLVED_STATUSES, type TicketStatus } from '@/lib/domain';
import type { TicketListItem } from './ticket-list';
import { useDirectory } from './use-directory';

const isUnsolved = (s: TicketStatus) => (UNSOLVED_STATUSES as readonly TicketStatus[]).includes(s);

export const TicketListRow = memo(function TicketListRow({
  item,
  selected,
  checked,
  onCheck,
  onSelect,
  takeFocus,
  onFocused,
}: {
  item: TicketListItem;
  selected: boolean;
  /** Checked for a bulk change (x, a click on its box, shift-click for a run). */
  checked: boolean;
  onCheck: (id: number, range: boolean) => void;
  /** `focusTicket`: opened by keyboard, or on a phone where the list gives way to the conversation. */
  onSelect: (id: number, focusTicket: boolean) => void;
  takeFocus: boolean;
  onFocused: () => void;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!takeFocus) return;
    ref.current?.focus();
    onFocused();
  }, [takeFocus, onFocused]);
  const t = useTranslations();
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const dir = useDirectory();
  const assignee = dir.agentName(item.assigneeId);
  return (
    <button
      ref={ref}
      type="button"
      role="option"
      aria-selected={selected}
      aria-checked={checked}
      data-ticket-id={item.id}
      onClick={(e) => {
        if (e.shiftKey || e.ctrlKey || e.metaKey || (e.target as Element).closest('[data-check]')) return onCheck(item.id, e.shiftKey);
        // A click from the keyboard (Enter, Space) has detail 0.
        onSelect(item.id, e.detail === 0 || !window.matchMedia('(min-width: 768px)').matches);
      }}
      className="flex h-full w-full flex-col gap-0.5 border-b border-slate-100 px-3 py-2 text-left hover:bg-slate-50 focus-visible:outline-offset-[-2px] aria-selected:bg-brand-50 aria-selected:shadow-[inset_3px_0_0_var(--color-brand-500)]"
    >
      <span className="flex items-center gap-1.5 text-xs">
        <span
          data-check
          aria-hidden
          title={t('bulk.check')}
          className={`flex size-3.5 shrink-0 items-center justify-center rounded-sm border ${checked ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-400 bg-white'}`}
        >
          {checked && <Check className="size-3" strokeWidth={3} />}
        </span>
        <ChannelIcon kind={item.channelKind} label={t(`channel.${item.channelKind}`)} className="size-3.5" />
        <span className={`truncate ${item.unread ? 'font-semibold text-slate-900' : 'text-slate-600'}`}>{item.customerName}</span>
        {item.unread && (
          <span className="size-2 shrink-0 rounded-full bg-brand-500" title={t('list.unread')}>
            <span className="sr-only">{t('list.unread')}</span>
          </span>
        )}
        <time
          className="ml-auto shrink-0 text-slate-600"
          dateTime={new Date(item.lastActivityAt).toISOString()}
          title={format.dateTime(item.lastActivityAt, { dateStyle: 'medium', timeStyle: 'short' })}
        >
          {format.relativeTime(Math.min(item.lastActivityAt, now.getTime()), now)}
        </time>
      </span>
      <span className={`truncate text-sm ${item.unread ? 'font-semibold' : 'font-medium'} text-slate-900`}>
        <span className="mr-1 font-normal text-slate-600">#{item.number}</span>
        {item.subject}
      </span>
      <span className="flex items-center gap-1.5">
        <span className="min-w-0 flex-1 truncate text-xs text-slate-600">{item.preview}</span>
        {item.slaDueAt !== null && item.slaTarget && <SlaBadge target={item.slaTarget} dueAt={item.slaDueAt} warnAt={item.slaWarnAt} />}
        {REPLY_WINDOW_MS[item.channelKind] && isUnsolved(item.status) && (
          <ReplyWindowBadge
            kind={item.channelKind}
            lastCustomerMessageAt={item.lastCustomerMessageAt}
            warningMs={dir.replyWindowWarningMs(item.channelId)}
            lengthMs={dir.replyWindowMs(item.channelId)}
          />
        )}
        {item.snoozedUntil !== null && (
          <span className="flex shrink-0 items-center gap-0.5 text-[11px] text-brand-700" data-testid="snoozed-until">
            <AlarmClock className="size-3" aria-hidden />
            <span className="sr-only">{t('snooze.listBadge', { at: format.dateTime(item.snoozedUntil, { dateStyle: 'medium', timeStyle: 'short' }) })}</span>
            <span aria-hidden>{format.dateTime(item.snoozedUntil, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}</span>
          </span>
        )}
        <PriorityLabel priority={item.priority} label={t(`priority.${item.priority}`)} />
        <StatusBadge status={item.status} label={t(`status.${item.status}`)} />
        {assignee && <Avatar name={assignee} size="sm" />}
      </span>
    </button>
  );
});
