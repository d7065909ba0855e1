import { describe, expect, it } from 'vitest';
import { searchStems, searchWords } from './word-forms';

describe('search word forms', () => {
  it('gives German inflections one stem', () => {
    expect(searchStems('Rechnung')).toBe(searchStems('Rechnungen'));
    expect(searchStems('Lieferung')).toBe(searchStems('Lieferungen'));
    expect(searchStems('verspätet')).toBe(searchStems('verspätete'));
  });
  it('gives umlaut and ß spellings one form', () => {
    expect(searchStems('verspaetet')).toBe(searchStems('verspätet'));
    expect(searchStems('Mueller')).toBe(searchStems('Müller'));
    expect(searchStems('Strasse')).toBe(searchStems('Straße'));
    expect(searchWords('Verspaetet Mueller')).toBe('verspätet müller');
    expect(searchWords('Quelle')).toBe('quelle');
    expect(searchWords('schoen')).toBe('schön');
  });
  it('keeps tokens with digits, separators and the word order', () => {
    expect(searchStems('Bestellung A-5934, PLZ 10115!')).toBe('bestell a-5934, plz 10115!');
    expect(searchWords('ORDER-77ae')).toBe('order-77ae');
  });
});
