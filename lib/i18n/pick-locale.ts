import { LOCALES, type Locale } from '../domain';

/**
 * The first of the visitor's browser languages we speak ("en-GB" → en, "de-AT" → de), in their order of
 * preference; the widget's default only when none is one of ours. Universal (the widget's loader).
 */
export function pickLocale(browserLanguages: readonly string[], fallback: Locale): Locale {
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    const found = LOCALES.find((l) => l === primary);
    if (found) return found;
  }
  return fallback;
}
