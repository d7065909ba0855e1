'use client';

import { useFormatter, useTranslations } from 'use-intl';
import type { SurveySummary } from '@/server/surveys/survey-summary';
import { SurveyScoreBadge } from '@/app/_components/survey-score';

type Rated = SurveySummary & { ticketNumber: number | null };
type Props = { surveys: Rated[]; optedOutAt: number | null; onOpenTicket: (id: number) => void };

/** The customer's answers on every ticket, newest first, their latest NPS on top, and whether they stopped surveys. */
export function CustomerRatings({ surveys, optedOutAt, onOpenTicket }: Props) {
  const t = useTranslations('surveys');
  const format = useFormatter();
  const answered = surveys.filter((s) => s.answer !== null);
  const nps = answered.find((s) => s.type === 'nps');
  if (!answered.length && optedOutAt === null) return null;
  return (
    <section data-testid="customer-ratings">
      <h3 className="mt-5 mb-1 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">{t('history')}</h3>
      {nps && <p className="mb-1 text-xs text-slate-700">{t('latestNps', { score: nps.answer!.score })}</p>}
      {optedOutAt !== null && <p className="mb-1 text-xs text-amber-800">{t('optedOut', { date: format.dateTime(optedOutAt, { dateStyle: 'medium' }) })}</p>}
      <ul className="space-y-1">
        {answered.map((s) => (
          <li key={s.requestId}>
            <button
              type="button"
              onClick={() => onOpenTicket(s.ticketId)}
              className="flex w-full items-center gap-1.5 rounded px-1.5 py-1 text-left text-xs hover:bg-slate-100"
            >
              <SurveyScoreBadge s={s} />
              <span className="min-w-0 flex-1 truncate text-slate-700">{s.answer!.comment ?? ''}</span>
              {s.ticketNumber !== null && <span className="shrink-0 text-slate-600">#{s.ticketNumber}</span>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
