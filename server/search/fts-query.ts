import { searchStems, searchWords } from '@/lib/search/word-forms';

/**
 * Turns whatever an agent typed into a safe FTS5 MATCH expression: every word becomes a quoted phrase,
 * so quotes, `*`, `OR`, `NEAR` or unbalanced parentheses are searched as text, never parsed as syntax.
 * Words joined by . @ ' - (an email address, "O'Brien", "A-5934") stay one phrase, matching in order.
 * Each word is looked up by its stem (lib/search/word-forms.ts), so inflections and umlaut spellings
 * match. The last word also matches as a prefix of the indexed words so results appear while typing,
 * but only from three characters on: a one- or two-letter prefix expands to tens of thousands of terms
 * at a million tickets (100+ ms). Returns null when nothing searchable is left.
 */
export const MIN_PREFIX_LENGTH = 3;
const MAX_WORDS = 12;

export function toFtsQuery(input: string): string | null {
  const words = (input.normalize('NFKC').match(/[\p{L}\p{N}_]+(?:[.@'-]+[\p{L}\p{N}_]+)*/gu) ?? []).slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  const terms = words.map((w) => `stems : "${searchStems(w)}"`);
  const last = words.at(-1)!;
  if (last.split(/[.@'-]+/).pop()!.length >= MIN_PREFIX_LENGTH) terms[terms.length - 1] = `(${terms.at(-1)} OR words : "${searchWords(last)}"*)`;
  return terms.join(' AND ');
}
