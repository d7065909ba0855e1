/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import type { WidgetLocale, WidgetSurvey } from '@/lib/widget-events';
import { pointsOf } from '@/lib/surveys/survey-scoring';
import { COMMENT_MAX } from '@/lib/surveys/survey-policy';
import type { ChatClient } from './chat-client';
import { fill, type Texts } from './i18n';

type Props = { survey: WidgetSurvey; client: ChatClient; locale: WidgetLocale; t: Texts };

/**
 * The rating under a solved chat: one tap records it (no link scanner reaches the widget), then an
 * optional reason and comment. A visitor who comes back sees their answer and may change it while the
 * survey is open.
 */
export function SurveyCard({ survey, client, locale, t }: Props) {
  const [changing, setChanging] = useState(false);
  const [comment, setComment] = useState(survey.answer?.comment ?? '');
  const [reason, setReason] = useState<string | null>(survey.answer?.reason ?? null);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const label = (score: number) => survey.labels.find((l) => l.score === score)?.[locale];
  const answer = survey.answer;

  const rate = async (score: number) => {
    const res = await client.answerSurvey({ score, reason, comment: comment || null });
    setError(res.ok ? null : res.message === 'offline' ? t.reconnecting : res.message);
    if (res.ok) setChanging(false);
  };
  const sendComment = async () => {
    if (!answer) return;
    const res = await client.answerSurvey({ score: answer.score, reason, comment: comment || null });
    setError(res.ok ? null : res.message === 'offline' ? t.reconnecting : res.message);
    setSent(res.ok);
  };

  if (survey.optedOut && !answer) return <p class="survey muted">{t.surveyStopped}</p>;
  if (!answer && !survey.open) return <p class="survey muted">{t.surveyClosed}</p>;
  return (
    <section class="survey" aria-label={survey.question[locale]} data-testid="widget-survey">
      {!answer || changing ? (
        <>
          <p class="question" id={`q${survey.requestId}`}>
            {survey.question[locale]}
          </p>
          <div class={`points${survey.scale.max - survey.scale.min > 6 ? ' wide' : ''}`} role="group" aria-labelledby={`q${survey.requestId}`}>
            {pointsOf(survey.scale).map((score) => (
              <button
                key={score}
                type="button"
                aria-label={label(score) ? `${score} – ${label(score)}` : String(score)}
                aria-pressed={answer?.score === score}
                onClick={() => void rate(score)}
              >
                {score}
              </button>
            ))}
          </div>
          {(label(survey.scale.min) || label(survey.scale.max)) && (
            <p class="ends" aria-hidden="true">
              <span>{label(survey.scale.min)}</span>
              <span>{label(survey.scale.max)}</span>
            </p>
          )}
        </>
      ) : (
        <>
          <p class="rated" role="status">
            {t.surveyThanks} {fill(t.surveyYours, { score: label(answer.score) ? `${answer.score} – ${label(answer.score)}` : String(answer.score) })}
          </p>
          {survey.reasons.length > 0 && (
            <fieldset>
              <legend>{t.surveyReasons}</legend>
              {survey.reasons.map((r) => (
                <label key={r.key}>
                  <input type="radio" name={`reason${survey.requestId}`} checked={reason === r.key} onChange={() => setReason(r.key)} />
                  {r[locale]}
                </label>
              ))}
            </fieldset>
          )}
          {survey.comment && survey.open && !sent && (
            <>
              <label class="comment">
                {t.surveyComment}
                <textarea rows={2} maxLength={COMMENT_MAX} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
              </label>
              <button type="button" class="send" onClick={() => void sendComment()}>
                {t.surveySendComment}
              </button>
            </>
          )}
          {sent && <p role="status">{t.surveyCommentSent}</p>}
          {survey.open && (
            <button type="button" class="link" onClick={() => setChanging(true)}>
              {t.surveyChange}
            </button>
          )}
        </>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!survey.optedOut ? (
        <button type="button" class="link muted" onClick={() => void client.stopSurveys()}>
          {t.surveyStop}
        </button>
      ) : (
        <p class="muted">{t.surveyStopped}</p>
      )}
    </section>
  );
}
