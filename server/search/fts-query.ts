/**
 * Turns whatever an agent typed into a safe FTS5 MATCH expression: every word becomes a quoted phrase,
 * so quotes, `*`, `OR`, `NEAR` or unbalanced parentheses are searched as text, never parsed as syntax.
 * Words joined by . @ ' - (an email address, "O'Brien") stay one phrase, matching the tokens in order.
 * The last word matches as a prefix so results appear while typing. Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const words = input.normalize('NFKC').match(/[\p{L}\p{N}_]+(?:[.@'-]+[\p{L}\p{N}_]+)*/gu) ?? [];
  if (words.length === 0) return null;
  const phrases = words.slice(0, 12).map((w) => `"${w}"`);
  phrases[phrases.length - 1] += '*';
  return phrases.join(' ');
}
