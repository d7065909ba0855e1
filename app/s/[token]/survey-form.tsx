'use client';

import { useActionState } from 'react';
import { useFormatter, useLocale, useTranslations } from 'use-intl';
import type { SurveyPageView } from '@/server/surveys/survey-page';
import { pointsOf } from '@/lib/surveys/survey-scoring';
import { COMMENT_MAX } from '@/lib/surveys/survey-policy';
import type { SurveyFormState } from './actions';

type OpenView = Extract<SurveyPageView, { status: 'open' }>;
type Props = { view: OpenView; preselected: number | null; action: (prev: SurveyFormState, data: FormData) => Promise<SurveyFormState> };

/**
 * The survey as a plain HTML form: the points as radio buttons (arrow keys move between them), an
 * optional reason and comment, Send. After sending, the answer and until when it may be changed.
 */
export function SurveyForm({ view, preselected, action }: Props) {
  const t = useTranslations('surveyPage');
  const format = useFormatter();
  const locale = useLocale() as 'en' | 'de';
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as SurveyFormState);
  const q = view.question;
  const until = format.dateTime(view.answerableUntil, { dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23', timeZone: view.timeZone });
  const labelOf = (score: number) => q.labels.find((l) => l.score === score)?.[locale];
  const header = <p className="mb-4 text-sm text-slate-600">{t('ticket', view.ticket)}</p>;

  if (state.status === 'sent') {
    const label = labelOf(state.score);
    return (
      <>
        {header}
        <div role="status" className="space-y-1 rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-900" data-testid="survey-sent">
          <p className="font-medium">{t('thanks')}</p>
          <p>{t('yourAnswer', { score: label ? `${state.score} – ${label}` : String(state.score) })}</p>
          <p>{t('changeUntil', { until })}</p>
        </div>
        <a href={`/s/${view.token}`} className="mt-4 inline-block text-sm text-brand-700 underline">
          {t('change')}
        </a>
      </>
    );
  }

  const values =
    state.status === 'error'
      ? state.values
      : { score: preselected ?? view.answer?.score ?? null, reason: view.answer?.reason ?? null, comment: view.answer?.comment ?? '' };
  const key = state.status === 'error' ? state.submissionKey : view.submissionKey;
  const wide = q.scale.max - q.scale.min > 6;
  return (
    <>
      {header}
      {/* The form remounts with each refusal, so what the customer chose and wrote is shown as the server kept it. */}
      <form key={key} action={formAction} className="space-y-5" data-testid="survey-form">
        <input type="hidden" name="token" value={view.token} />
        <input type="hidden" name="submission" value={key} />
        {state.status === 'error' && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {state.message}
          </p>
        )}
        <fieldset>
          <legend className="mb-3 text-base font-medium text-slate-900">{q.question[locale]}</legend>
          <div className={`grid gap-2 ${wide ? 'grid-cols-6 sm:grid-cols-11' : q.type === 'csat' ? 'grid-cols-1 sm:grid-cols-5' : 'grid-cols-7'}`}>
            {pointsOf(q.scale).map((score) => {
              const label = labelOf(score);
              return (
                <label
                  key={score}
                  className="flex min-h-11 cursor-pointer flex-col items-center justify-center rounded-md border border-slate-300 px-2 py-2 text-center text-sm text-slate-800 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-700 has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500 has-[:focus-visible]:ring-offset-2"
                >
                  <input
                    type="radio"
                    name="score"
                    value={score}
                    defaultChecked={values.score === score}
                    aria-label={label ? `${score} – ${label}` : String(score)}
                    className="sr-only"
                  />
                  <span className="font-semibold">{score}</span>
                  {label && q.type === 'csat' && <span className="text-xs">{label}</span>}
                </label>
              );
            })}
          </div>
          {q.type !== 'csat' && (
            <p className="mt-1 flex justify-between text-xs text-slate-600" aria-hidden>
              <span>{labelOf(q.scale.min)}</span>
              <span>{labelOf(q.scale.max)}</span>
            </p>
          )}
        </fieldset>
        {q.reasons.length > 0 && (
          <fieldset>
            <legend className="mb-2 text-sm font-medium text-slate-900">{t('reasons')}</legend>
            <div className="space-y-1">
              {q.reasons.map((r) => (
                <label key={r.key} className="flex min-h-8 items-center gap-2 text-sm text-slate-800">
                  <input type="radio" name="reason" value={r.key} defaultChecked={values.reason === r.key} className="size-4" />
                  {r[locale]}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        {q.comment && (
          <div>
            <label htmlFor="survey-comment" className="mb-1 block text-sm font-medium text-slate-900">
              {t('comment')}
            </label>
            <textarea
              id="survey-comment"
              name="comment"
              rows={4}
              maxLength={COMMENT_MAX}
              defaultValue={values.comment}
              aria-describedby="survey-comment-hint"
              className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
            <p id="survey-comment-hint" className="mt-1 text-xs text-slate-600">
              {t('commentHint', { max: COMMENT_MAX })}
            </p>
          </div>
        )}
        <button
          type="submit"
          disabled={pending}
          className="min-h-11 w-full rounded-md bg-brand-700 px-4 py-2.5 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60 sm:w-auto"
        >
          {t('send')}
        </button>
      </form>
      <p className="mt-6 border-t border-slate-200 pt-3 text-xs text-slate-600">
        {view.optedOut ? (
          t('stopDone')
        ) : (
          <a href={`/s/${view.token}/stop`} className="underline">
            {t('stopTitle')}
          </a>
        )}
      </p>
    </>
  );
}
