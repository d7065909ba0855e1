import Negotiator from 'negotiator';
import { LOCALES, type Locale } from '@/lib/domain';
import { isLocale } from '@/lib/i18n';

export const LOCALE_COOKIE = 'hd_locale';

/** The agent's saved choice wins, then the cookie set on the sign-in page, then the browser's languages. */
export function resolveLocale(opts: { agentLocale?: Locale | null; cookie?: string; acceptLanguage?: string | null }): Locale {
  if (opts.agentLocale) return opts.agentLocale;
  if (isLocale(opts.cookie)) return opts.cookie;
  const preferred = new Negotiator({ headers: { 'accept-language': opts.acceptLanguage ?? '' } }).language([...LOCALES]);
  return isLocale(preferred) ? preferred : 'en';
}
