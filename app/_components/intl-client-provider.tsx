'use client';

import { IntlProvider } from 'use-intl';
import type { Messages } from '@/lib/i18n';
import type { Locale } from '@/lib/domain';

export function IntlClientProvider({ locale, messages, children }: { locale: Locale; messages: Messages; children: React.ReactNode }) {
  return (
    <IntlProvider locale={locale} messages={messages} timeZone={Intl.DateTimeFormat().resolvedOptions().timeZone}>
      {children}
    </IntlProvider>
  );
}
