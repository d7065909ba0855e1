import { getDb } from '@/db/client';
import { getConfig } from '@/server/runtime-config';
import { getRequestLocale } from '@/server/auth/current-viewer';
import { surveyPageView } from '@/server/surveys/survey-page';
import { catalogs } from '@/lib/i18n';
import { IntlClientProvider } from '@/app/_components/intl-client-provider';
import { SurveyForm } from './survey-form';
import { PublicCard } from '@/app/_components/public-card';
import { answerSurvey } from './actions';

export const dynamic = 'force-dynamic';

/**
 * The survey page a link opens, in the customer's language (the survey's), without JavaScript too.
 * `?score=` preselects the point the customer clicked in the email; only Send records it.
 */
export default async function SurveyPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ score?: string }> }) {
  const { token } = await params;
  const { score } = await searchParams;
  const view = surveyPageView(getDb(), getConfig().sessionSecret, token);
  const locale = view.locale ?? (await getRequestLocale(null));
  const texts = catalogs[locale].surveyPage;
  return (
    <IntlClientProvider locale={locale} messages={catalogs[locale]}>
      <PublicCard title={texts.title} locale={locale}>
        {view.status === 'open' ? (
          <SurveyForm view={view} preselected={/^\d{1,2}$/.test(score ?? '') ? Number(score) : null} action={answerSurvey} />
        ) : (
          <p role="alert" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="survey-refused">
            {view.status === 'expired' ? texts.expired : view.status === 'not_found' ? texts.notFound : texts.invalid}
          </p>
        )}
      </PublicCard>
    </IntlClientProvider>
  );
}
