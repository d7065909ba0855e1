import { getDb } from '@/db/client';
import { findSurveyRequest } from '@/db/queries/surveys';
import { getConfig } from '@/server/runtime-config';
import { getRequestLocale } from '@/server/auth/current-viewer';
import { checkSurveyToken } from '@/server/surveys/survey-token';
import { catalogs } from '@/lib/i18n';
import { IntlClientProvider } from '@/app/_components/intl-client-provider';
import { PublicCard } from '@/app/_components/public-card';
import { stopSurveys } from '../actions';
import { StopForm } from './stop-form';

export const dynamic = 'force-dynamic';

/** Stopping surveys: opening the link changes nothing (scanners open links), the one button does. */
export default async function StopSurveysPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const checked = checkSurveyToken(getConfig().sessionSecret, token, Date.now(), { expiredOk: true });
  const request = checked.ok ? findSurveyRequest(getDb(), checked.requestId) : undefined;
  const locale = request?.locale ?? (await getRequestLocale(null));
  const texts = catalogs[locale].surveyPage;
  return (
    <IntlClientProvider locale={locale} messages={catalogs[locale]}>
      <PublicCard title={texts.stopTitle} locale={locale}>
        {request ? (
          <StopForm token={token} action={stopSurveys} />
        ) : (
          <p role="alert" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900">
            {checked.ok ? texts.notFound : texts.invalid}
          </p>
        )}
      </PublicCard>
    </IntlClientProvider>
  );
}
