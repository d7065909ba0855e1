'use client';

import { useFormatter, useLocale, useTranslations } from 'use-intl';
import type { SurveySummary } from '@/server/surveys/survey-summary';

const TONE = {
  happy: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  neutral: 'bg-slate-100 text-slate-800 ring-slate-200',
  unhappy: 'bg-red-50 text-red-800 ring-red-200',
};

/** A survey's answer as a compact badge ("CSAT 4/5"), coloured by how it reads (DESIGN §5). */
export function SurveyScoreBadge({ s }: { s: SurveySummary }) {
  const t = useTranslations('surveys');
  if (!s.answer) return null;
  return (
    <span
      className={`inline-flex items-center gap-1 rounded px-1.5 py-px text-xs font-medium ring-1 ring-inset ${TONE[s.answer.reading]}`}
      title={t('answered', { type: t(`typeLong.${s.type}`), score: s.answer.score, max: s.answer.max })}
      data-testid="survey-badge"
    >
      {t(`type.${s.type}`)} {s.answer.score}/{s.answer.max}
    </span>
  );
}

/** The survey under its message in the thread, and in the customer's history: the answer, its reason and comment, or that none came yet. */
export function SurveyDetails({ s }: { s: SurveySummary }) {
  const t = useTranslations('surveys');
  const format = useFormatter();
  const locale = useLocale() as 'en' | 'de';
  if (!s.answer) {
    return (
      <p className="text-xs text-slate-600">{t('awaiting', { until: format.dateTime(s.answerableUntil, { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
    );
  }
  return (
    <div className="space-y-1 text-xs text-slate-700" data-testid="survey-answer">
      <p className="flex flex-wrap items-center gap-2">
        <SurveyScoreBadge s={s} />
        {s.answer.label && <span>{s.answer.label[locale]}</span>}
        {s.changes > 0 && <span className="text-slate-600">({t('changedTimes', { count: s.changes })})</span>}
      </p>
      {s.answer.reason && <p>{t('reason', { reason: s.answer.reason[locale] })}</p>}
      {/* The customer's words, as text: never rendered as markup. */}
      {s.answer.comment && <blockquote className="border-l-2 border-slate-300 pl-2 whitespace-pre-wrap text-slate-800">{s.answer.comment}</blockquote>}
    </div>
  );
}
