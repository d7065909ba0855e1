import { describe, expect, it } from 'vitest';
import { detectLocale } from './detect-locale';

describe('the language of a customer’s text', () => {
  it('tells German from English', () => {
    expect(detectLocale('Guten Tag, meine Bestellung ist noch nicht angekommen. Können Sie bitte nachsehen, wo sie bleibt?')).toBe('de');
    expect(detectLocale('Hello, my order has not arrived yet. Could you please check where it is?')).toBe('en');
    expect(detectLocale('Die Rechnung ist falsch, bitte korrigieren.')).toBe('de');
  });

  it('says nothing for text too short to tell', () => {
    expect(detectLocale('Hallo')).toBeNull();
    expect(detectLocale('')).toBeNull();
  });
});
