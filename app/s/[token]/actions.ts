'use server';

import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import { findSurveyRequest } from '@/db/queries/surveys';
import { getConfig } from '@/server/runtime-config';
import { getRequestLocale } from '@/server/auth/current-viewer';
import { CLIENT_IP_HEADER } from '@/server/http/client-ip';
import { consumeSurveyAnswer } from '@/server/forms/submission-limit';
import { DomainError } from '@/server/errors/domain-error';
import { recordSurveyAnswer } from '@/server/surveys/record-answer';
import { optOutOfSurveys } from '@/server/surveys/opt-out';
import { newSubmissionKey } from '@/server/surveys/survey-page';
import { checkSurveyToken } from '@/server/surveys/survey-token';
import { catalogs } from '@/lib/i18n';
import { fill } from '@/lib/i18n/fill';
import type { Locale } from '@/lib/domain';

export type SurveyFormValues = { score: number | null; reason: string | null; comment: string };
export type SurveyFormState =
  | { status: 'idle' }
  | { status: 'sent'; score: number; submissionKey: string }
  | { status: 'error'; message: string; values: SurveyFormValues; submissionKey: string };

/** The survey page's Send: the one way an answer is recorded from a link (with and without JavaScript). */
export async function answerSurvey(_prev: SurveyFormState, data: FormData): Promise<SurveyFormState> {
  const db = getDb();
  const token = String(data.get('token') ?? '');
  const submission = String(data.get('submission') ?? '');
  const rawScore = String(data.get('score') ?? '');
  const values: SurveyFormValues = {
    score: /^\d{1,2}$/.test(rawScore) ? Number(rawScore) : null,
    reason: String(data.get('reason') ?? '') || null,
    comment: String(data.get('comment') ?? ''),
  };
  const checked = checkSurveyToken(getConfig().sessionSecret, token, Date.now());
  const locale: Locale = (checked.ok ? findSurveyRequest(db, checked.requestId)?.locale : undefined) ?? (await getRequestLocale(null));
  const texts = catalogs[locale];
  // What the customer chose and wrote stays on the page with the refusal, so nothing typed is lost.
  const refuse = (message: string): SurveyFormState => ({ status: 'error', message, values, submissionKey: newSubmissionKey() });
  if (!checked.ok) return refuse(checked.reason === 'expired' ? texts.surveyPage.expired : texts.surveyPage.invalid);
  if (values.score === null) return refuse(texts.surveyPage.chooseScore);
  if (!/^[\w-]{8,64}$/.test(submission)) return refuse(texts.surveyPage.invalid);
  try {
    await consumeSurveyAnswer((await headers()).get(CLIENT_IP_HEADER) ?? 'unknown');
    recordSurveyAnswer(db, {
      requestId: checked.requestId,
      score: values.score,
      reason: values.reason,
      comment: values.comment,
      source: 'page',
      submissionKey: `page:${submission}`,
    });
    return { status: 'sent', score: values.score, submissionKey: newSubmissionKey() };
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return refuse(fill(texts.serverErrors[err.key], err.params));
  }
}

export type StopState = { status: 'idle' } | { status: 'done' } | { status: 'error'; message: string };

/** The stop page's button: no more surveys for this customer, on any channel. */
export async function stopSurveys(_prev: StopState, data: FormData): Promise<StopState> {
  const checked = checkSurveyToken(getConfig().sessionSecret, String(data.get('token') ?? ''), Date.now(), { expiredOk: true });
  const texts = catalogs[await getRequestLocale(null)];
  if (!checked.ok) return { status: 'error', message: texts.surveyPage.invalid };
  try {
    optOutOfSurveys(getDb(), checked.requestId);
    return { status: 'done' };
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return { status: 'error', message: texts.surveyPage.notFound };
  }
}
