import { franc } from 'franc-min';
import type { Locale } from '../domain';

const BY_CODE: Record<string, Locale> = { deu: 'de', eng: 'en' };

/**
 * The language of a customer's text, when it is clearly German or English (franc's trigram model,
 * asked to choose between the two); null for text too short or too mixed to tell.
 */
export function detectLocale(text: string): Locale | null {
  return BY_CODE[franc(text, { only: ['deu', 'eng'], minLength: 20 })] ?? null;
}
