/**
 * What a search box entry may name besides words: a ticket number ("4000", "#4000") or a phone number
 * ("+49 170 1234567", "0170/1234567"), matched exactly, not through the full-text index. Universal.
 */
export function ticketNumberOf(q: string): number | null {
  const m = /^#?\s*(\d{1,9})$/.exec(q.trim());
  return m ? Number(m[1]) : null;
}

/** Messenger ids carry the number in international form without "+" (WhatsApp: 4917012345678). */
const DEFAULT_COUNTRY_CODE = '49';
const MIN_PHONE_DIGITS = 6;

/**
 * The forms a typed phone number may be stored in: its digits as written, without an international
 * "00" prefix, and a national number ("0170 …") in the German form (the product's home market).
 */
export function phoneVariants(q: string): string[] {
  const trimmed = q.trim();
  if (!/^\+?[\d\s()./-]+$/.test(trimmed)) return [];
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < MIN_PHONE_DIGITS) return [];
  const variants = new Set([digits]);
  if (digits.startsWith('00')) variants.add(digits.slice(2));
  else if (digits.startsWith('0') && !trimmed.startsWith('+')) variants.add(DEFAULT_COUNTRY_CODE + digits.slice(1));
  return [...variants];
}
