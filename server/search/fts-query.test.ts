import { describe, expect, it } from 'vitest';
import { toFtsQuery } from './fts-query';

describe('toFtsQuery', () => {
  it('looks words up by stem and the last also as a prefix of the words', () => {
    expect(toFtsQuery('Rechnungen doppelt')).toBe('stems : "rechnung" AND (stems : "doppelt" OR words : "doppelt"*)');
    expect(toFtsQuery('Lieferu')).toBe('(stems : "lieferu" OR words : "lieferu"*)');
  });
  it('neutralises FTS5 syntax', () => {
    expect(toFtsQuery('"foo OR (bar* NEAR baz')).toBe(
      'stems : "foo" AND stems : "or" AND stems : "bar" AND stems : "near" AND (stems : "baz" OR words : "baz"*)',
    );
    expect(toFtsQuery('AND')).toBe('(stems : "and" OR words : "and"*)');
  });
  it('keeps an email address or order number as one phrase', () => {
    expect(toFtsQuery('anna.mueller@example.de')).toBe('stems : "anna.mull@exampl.de"');
    expect(toFtsQuery('anna.muel')).toBe('(stems : "anna.mul" OR words : "anna.mül"*)');
    expect(toFtsQuery('A-5934')).toBe('(stems : "a-5934" OR words : "a-5934"*)');
    expect(toFtsQuery('A--5934')).toBe('(stems : "a--5934" OR words : "a--5934"*)');
  });
  it('matches one- and two-character last words exactly, not as a prefix', () => {
    expect(toFtsQuery('re')).toBe('stems : "re"');
    expect(toFtsQuery('A-5')).toBe('stems : "a-5"');
    expect(toFtsQuery('refund a')).toBe('stems : "refund" AND stems : "a"');
  });
  it('folds umlaut spellings, keeps at most 12 words and returns null when nothing is searchable', () => {
    expect(toFtsQuery('Müller')).toBe(toFtsQuery('Mueller'));
    expect(toFtsQuery('a b c d e f g h i j k l m n')!.split(' AND ')).toHaveLength(12);
    expect(toFtsQuery('  ()*" ')).toBeNull();
  });
});
