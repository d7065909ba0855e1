'use client';

import { useEffect, useState } from 'react';
import { useFormatter, useNow, useTranslations } from 'use-intl';
import { MessageCircleWarning } from 'lucide-react';
import type { ChannelKind } from '@/lib/domain';
import { replyWindowOf } from '@/lib/reply-window';
import { useDuration } from './sla-badge';

/** The window at `now`, re-rendered on its own at the warning and at the close (not only on the 20 s tick). */
export function useReplyWindow(kind: ChannelKind, lastCustomerMessageAt: number | null, warningMs: number | null, lengthMs?: number | null) {
  const ticking = useNow({ updateInterval: 20_000 }).getTime();
  const [edge, setEdge] = useState(0);
  const now = Math.max(ticking, edge);
  const window = replyWindowOf(kind, lastCustomerMessageAt, now, lengthMs);
  const warnAt = window && warningMs !== null ? window.closesAt - warningMs : null;
  const next = window ? [warnAt, window.closesAt].find((at): at is number => at !== null && at > now) : undefined;
  useEffect(() => {
    if (next === undefined) return;
    const timer = setTimeout(() => setEdge(next), Math.max(0, next - Date.now()));
    return () => clearTimeout(timer);
  }, [next]);
  return window && { ...window, warning: window.open && warnAt !== null && now >= warnAt };
}

/**
 * A messenger ticket's reply window as a countdown (WhatsApp, Messenger: 24 hours after the customer's
 * last message), amber from the channel's warning; nothing once it has closed (the thread says so).
 */
export function ReplyWindowBadge({
  kind,
  lastCustomerMessageAt,
  warningMs,
  lengthMs,
}: {
  kind: ChannelKind;
  lastCustomerMessageAt: number | null;
  warningMs: number | null;
  lengthMs?: number | null;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const duration = useDuration();
  const window = useReplyWindow(kind, lastCustomerMessageAt, warningMs, lengthMs);
  if (!window?.open) return null;
  const label = t('replyWindow.leftShort', { time: duration(window.leftMs), channel: t(`channel.${kind}`) });
  return (
    <span
      className={`inline-flex shrink-0 items-center gap-0.5 rounded px-1 py-px text-[11px] font-medium tabular-nums ring-1 ring-inset ${window.warning ? 'bg-amber-50 text-amber-900 ring-amber-300' : 'bg-sky-50 text-sky-900 ring-sky-200'}`}
      title={`${label} (${format.dateTime(window.closesAt, { dateStyle: 'medium', timeStyle: 'short' })})`}
      data-testid="reply-window"
      data-warning={window.warning}
    >
      <MessageCircleWarning className="size-3" aria-hidden />
      <span className="sr-only">{label}</span>
      <span aria-hidden>{duration(window.leftMs)}</span>
    </span>
  );
}
