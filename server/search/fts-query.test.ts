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
  it('keeps an email address or order number as one phrase', () => {
    expect(toFtsQuery('anna.mueller@example.de')).toBe('"anna.mueller@example.de"');
    expect(toFtsQuery('anna.muel')).toBe('"anna.muel"*');
    expect(toFtsQuery('A-5934')).toBe('"A-5934"*');
  });
  it('matches one- and two-character last words exactly, not as a prefix', () => {
    expect(toFtsQuery('re')).toBe('"re"');
    expect(toFtsQuery('A-5')).toBe('"A-5"');
    expect(toFtsQuery('refund a')).toBe('"refund" "a"');
  });
  it('keeps umlauts and returns null when nothing is searchable', () => {
    expect(toFtsQuery('Müller')).toBe('"Müller"*');
    expect(toFtsQuery('  ()*" ')).toBeNull();
  });
});
