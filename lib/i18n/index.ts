import { en, type Messages } from './en';
import { de } from './de';
import { LOCALES, type Locale } from '../domain';

export const catalogs: Record<Locale, Messages> = { en, de };
export type { Messages };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
