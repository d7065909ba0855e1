'use client';

import { useFormatter, useNow, useTranslations } from 'use-intl';
import { remainingMs } from '@/lib/sla-clock';
import { Check, Pause, X } from 'lucide-react';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';
import { SlaBadge, useDuration } from '@/app/_components/sla-badge';

type Target = inferRouterOutputs<AppRouter>['tickets']['get']['sla'][number];

/**
 * Business time left, counted in the browser with the server's own clock (lib/sla-clock.ts) on the
 * target's calendar: "2d 16h" until Monday's due time may be only 20 minutes of business time.
 */
function BusinessLeft({ target: r }: { target: Target }) {
  const t = useTranslations('sla');
  const duration = useDuration();
  const now = useNow({ updateInterval: 20_000 }).getTime();
  const left = remainingMs(r.calendar, r.startedAt, r.targetMs, now, r.pauses);
  return (
    <span data-testid="sla-business-left"> · {left >= 0 ? t('businessLeft', { time: duration(left) }) : t('businessOver', { time: duration(left) })}</span>
  );
}

/** The ticket's SLA targets in its header: each one counting down, paused, met, or missed by how much. */
export function SlaTargets({ targets }: { targets: Target[] }) {
  const t = useTranslations('sla');
  const format = useFormatter();
  const duration = useDuration();
  if (targets.length === 0) return null;
  const policy = targets[0]!;
  return (
    <ul className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-[11px] text-slate-600" aria-label={t('targets')} data-testid="sla-targets">
      <li className="text-slate-500" title={policy.calendarName ? t('countedOn', { calendar: policy.calendarName }) : undefined}>
        {t('policy', { name: policy.policyName })}
      </li>
      {targets.map((r) => (
        <li key={r.target} className="flex items-center gap-1" data-target={r.target} data-state={r.state}>
          <span>{t(`target.${r.target}`)}</span>
          {r.state === 'running' && r.dueAt !== null ? (
            <SlaBadge target={r.target} dueAt={r.dueAt} warnAt={r.warnAt} />
          ) : r.state === 'paused' ? (
            <span className="inline-flex items-center gap-0.5 text-slate-500">
              <Pause className="size-3" aria-hidden />
              {t('paused')}
            </span>
          ) : r.state === 'met' && r.breachedAt === null ? (
            <span className="inline-flex items-center gap-0.5 text-emerald-700">
              <Check className="size-3" aria-hidden />
              {t('met')}
            </span>
          ) : r.state === 'met' ? (
            <span className="inline-flex items-center gap-0.5 text-red-700">
              <X className="size-3" aria-hidden />
              {t('missedBy', { time: duration(r.endedAt! - r.dueAt!) })}
            </span>
          ) : (
            <span className="text-slate-500">{t('stopped')}</span>
          )}
          {r.state === 'running' && r.dueAt !== null && (
            <span className="text-slate-500">
              {format.dateTime(r.dueAt, { dateStyle: 'short', timeStyle: 'short' })}
              {r.clock === 'business' && r.calendar && <BusinessLeft target={r} />}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
