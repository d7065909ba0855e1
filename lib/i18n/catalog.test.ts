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
});
