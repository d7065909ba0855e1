import { describe, expect, it } from 'vitest';
import { pickLocale } from './pick-locale';

describe('the widget language for a visitor', () => {
  it('takes the first browser language we speak, in the visitor’s order', () => {
    expect(pickLocale(['en-US', 'de'], 'de')).toBe('en');
    expect(pickLocale(['fr-FR', 'de-AT', 'en'], 'en')).toBe('de');
    expect(pickLocale(['EN-gb'], 'de')).toBe('en');
  });

  it('falls back to the widget default only when none is ours', () => {
    expect(pickLocale(['fr-FR', 'it'], 'de')).toBe('de');
    expect(pickLocale([], 'en')).toBe('en');
  });
});
