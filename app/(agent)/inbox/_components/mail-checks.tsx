'use client';

import { useFormatter, useTranslations } from 'use-intl';
import type { InboundChecks } from '@/lib/mail-checks';

/** What the checks on arrival found for one email: SPF, DKIM, DMARC and the spam filters' word. */
export function MailChecks({ checks }: { checks: InboundChecks }) {
  const t = useTranslations('mailChecks');
  const format = useFormatter();
  const parts: { key: string; text: string; title?: string; bad: boolean }[] = [];
  if (checks.auth) {
    for (const k of ['spf', 'dkim', 'dmarc'] as const)
      parts.push({ key: k, text: `${k.toUpperCase()} ${checks.auth[k]}`, bad: checks.auth[k] === 'fail' || checks.auth[k] === 'softfail' });
  }
  const spamd = checks.spamd;
  if (spamd && 'error' in spamd) parts.push({ key: 'spamd', text: t('filterUnavailable'), title: spamd.error, bad: false });
  else if (spamd) {
    parts.push({
      key: 'spamd',
      text: t('score', {
        score: format.number(spamd.score, { maximumFractionDigits: 1 }),
        required: format.number(spamd.required, { maximumFractionDigits: 1 }),
      }),
      title: spamd.rules.join(', '),
      bad: spamd.spam,
    });
  }
  if (checks.upstream) parts.push({ key: 'upstream', text: t('upstream', { header: checks.upstream.header }), bad: true });
  if (!parts.length) return null;
  return (
    <span className="flex flex-wrap gap-x-2 text-slate-500" data-testid="mail-checks">
      {parts.map((p) => (
        <span key={p.key} title={p.title} className={p.bad ? 'font-medium text-red-700' : undefined}>
          {p.text}
        </span>
      ))}
    </span>
  );
}
