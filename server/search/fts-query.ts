/**
 * Turns whatever an agent typed into a safe FTS5 MATCH expression: every word becomes a quoted phrase,
 * so quotes, `*`, `OR`, `NEAR` or unbalanced parentheses are searched as text, never parsed as syntax.
 * Words joined by . @ ' - (an email address, "O'Brien", "A-5934") stay one phrase, matching in order.
 * The last word matches as a prefix so results appear while typing, but only from three characters on:
 * a one- or two-letter prefix expands to tens of thousands of terms at a million tickets (100+ ms).
 * Returns null when nothing searchable is left.
 */
export const MIN_PREFIX_LENGTH = 3;

export function toFtsQuery(input: string): string | null {
  const words = input.normalize('NFKC').match(/[\p{L}\p{N}_]+(?:[.@'-]+[\p{L}\p{N}_]+)*/gu) ?? [];
  if (words.length === 0) return null;
  const phrases = words.slice(0, 12).map((w) => `"${w}"`);
  const lastToken = words[Math.min(words.length, 12) - 1]!.split(/[.@'-]+/).pop()!;
  if (lastToken.length >= MIN_PREFIX_LENGTH) phrases[phrases.length - 1] += '*';
  return phrases.join(' ');
}
