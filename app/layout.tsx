import type { Metadata } from 'next';
import localFont from 'next/font/local';
import { getCurrentViewer, getRequestLocale } from '@/server/auth/current-viewer';
import { catalogs } from '@/lib/i18n';
import { IntlClientProvider } from './_components/intl-client-provider';
import './globals.css';

const inter = localFont({
  src: [
    { path: '../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2', style: 'normal' },
    { path: '../node_modules/@fontsource-variable/inter/files/inter-latin-ext-wght-normal.woff2', style: 'normal' },
  ],
  variable: '--font-inter',
  display: 'swap',
});

export const metadata: Metadata = { title: 'Helpdesk', description: 'One inbox for email, chat and messengers' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getRequestLocale(await getCurrentViewer());
  return (
    <html lang={locale} className={inter.variable}>
      <body className="font-sans">
        <IntlClientProvider locale={locale} messages={catalogs[locale]}>
          {children}
        </IntlClientProvider>
      </body>
    </html>
  );
}
