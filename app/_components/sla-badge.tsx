'use client';

import { useEffect, useState } from 'react';
import { useFormatter, useNow, useTranslations } from 'use-intl';
import { Timer } from 'lucide-react';
import type { SlaTarget } from '@/lib/sla-policy';
import { nextStandingChange, slaStanding } from '@/lib/sla-state';
import { formatDuration } from '@/lib/i18n/format-duration';

const LOOK = {
  ok: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  at_risk: 'bg-amber-50 text-amber-900 ring-amber-300',
  breached: 'bg-red-50 text-red-800 ring-red-300',
} as const;

/** "2h 15m" (narrow, for badges) or "2 hr 15 min" / "2 Std. 15 Min." (short, for sentences) in the reader's language. */
export function useDuration(display: 'narrow' | 'short' = 'narrow') {
  const format = useFormatter();
  return (ms: number) => formatDuration(format, ms, display);
}

/**
 * A ticket's next SLA target as a countdown: green, amber from its warning, red with the time over once
 * due. It ticks by itself and changes colour at the exact instant, without asking the server.
 */
export function SlaBadge({ target, dueAt, warnAt }: { target: SlaTarget; dueAt: number; warnAt: number | null }) {
  const t = useTranslations('sla');
  const format = useFormatter();
  const duration = useDuration();
  const ticking = useNow({ updateInterval: 20_000 }).getTime();
  const [edge, setEdge] = useState(0);
  const now = Math.max(ticking, edge);
  const next = nextStandingChange(dueAt, warnAt, now);
  useEffect(() => {
    if (next === null) return;
    const timer = setTimeout(() => setEdge(next), Math.max(0, next - Date.now()));
    return () => clearTimeout(timer);
  }, [next]);
  const standing = slaStanding(dueAt, warnAt, now);
  const left = dueAt - now;
  const label =
    standing === 'breached'
      ? t('overdue', { target: t(`target.${target}`), time: duration(left) })
      : t('dueIn', { target: t(`target.${target}`), time: duration(left) });
  return (
    <span
      className={`inline-flex shrink-0 items-center gap-0.5 rounded px-1 py-px text-[11px] font-medium tabular-nums ring-1 ring-inset ${LOOK[standing]}`}
      title={`${label} (${format.dateTime(dueAt, { dateStyle: 'medium', timeStyle: 'short' })})`}
      data-testid="sla-badge"
      data-standing={standing}
    >
      <Timer className="size-3" aria-hidden />
      <span className="sr-only">{label}</span>
      <span aria-hidden>{standing === 'breached' ? `−${duration(left)}` : duration(left)}</span>
    </span>
  );
}
