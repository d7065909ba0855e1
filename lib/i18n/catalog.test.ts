import { describe, expect, it } from 'vitest';
import { createTranslator } from 'use-intl';
import { catalogs } from './index';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('message catalogs', () => {
  it('German has exactly the English keys, none empty', () => {
    expect(keys(catalogs.de).sort()).toEqual(keys(catalogs.en).sort());
    for (const k of keys(catalogs.de)) expect(k.split('.').reduce<any>((o, p) => o[p], catalogs.de)).not.toBe(''); // eslint-disable-line @typescript-eslint/no-explicit-any
  });
  it('formats plurals in both languages', () => {
    const de = createTranslator({ locale: 'de', messages: catalogs.de });
    const en = createTranslator({ locale: 'en', messages: catalogs.en });
    expect(de('list.count', { count: 1 })).toBe('1 Ticket geladen');
    expect(en('list.count', { count: 3 })).toBe('3 tickets loaded');
  });
  it('a ticket number inside a plural keeps its # (which alone would stand for the count)', () => {
    const de = createTranslator({ locale: 'de', messages: catalogs.de });
    const en = createTranslator({ locale: 'en', messages: catalogs.en });
    expect(en('links.bulkMerged', { count: 2, number: 4711 })).toBe('2 tickets merged into #4711.');
    expect(de('links.bulkMerged', { count: 1, number: 4711 })).toBe('1 Ticket in #4711 zusammengeführt.');
    expect(en('links.confirmBulkMerge', { count: 1, number: 12 })).toMatch(/^Merge 1 ticket into #12, the oldest\?/);
  });
});
