import { describe, expect, it } from 'vitest';
import { toFtsQuery } from './fts-query';

describe('toFtsQuery', () => {
  it('quotes each word and makes the last a prefix', () => {
    expect(toFtsQuery('Rechnung doppelt')).toBe('"Rechnung" "doppelt"*');
  });
  it('neutralises FTS5 syntax', () => {
    expect(toFtsQuery('"foo OR (bar* NEAR baz')).toBe('"foo" "OR" "bar" "NEAR" "baz"*');
    expect(toFtsQuery('AND')).toBe('"AND"*');
  });
  it('keeps an email address as one phrase', () => {
    expect(toFtsQuery('anna.mueller@example.de')).toBe('"anna.mueller@example.de"*');
  });
  it('keeps umlauts and returns null when nothing is searchable', () => {
    expect(toFtsQuery('Müller')).toBe('"Müller"*');
    expect(toFtsQuery('  ()*" ')).toBeNull();
  });
});
