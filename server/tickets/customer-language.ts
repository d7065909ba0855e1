import type { Queryable } from '@/db/client';
import { findCustomer } from '@/db/queries/customers';
import { listMessages } from '@/db/queries/tickets';
import type { Locale } from '@/lib/domain';
import { detectLocale } from '@/lib/i18n/detect-locale';

/**
 * The language to write to a ticket's customer in: theirs when known (a form, the widget, an earlier mail),
 * else the one they wrote this ticket in; null when neither tells. Macros and signatures both ask here.
 */
export function customerLanguage(db: Queryable, ticket: { id: number; customerId: number }): Locale | null {
  const known = findCustomer(db, ticket.customerId)?.locale;
  if (known) return known;
  const first = listMessages(db, ticket.id).find((m) => m.authorKind === 'customer');
  return first ? detectLocale(first.bodyText) : null;
}

/** The customer's language when the text has it; else the one text there is; else `fallback`. */
export function pickText(texts: { en: string; de: string }, customerLocale: Locale | null, fallback: Locale | null): Locale {
  const has = { en: texts.en.trim() !== '', de: texts.de.trim() !== '' };
  if (customerLocale && has[customerLocale]) return customerLocale;
  if (has.en !== has.de) return has.en ? 'en' : 'de';
  return customerLocale ?? fallback ?? 'en';
}
