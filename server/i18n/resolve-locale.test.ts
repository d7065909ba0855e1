import { describe, expect, it } from 'vitest';
import { resolveLocale } from './resolve-locale';

describe('resolveLocale', () => {
  it('follows the browser when nothing was chosen', () => {
    expect(resolveLocale({ acceptLanguage: 'de-AT,de;q=0.9,en;q=0.5' })).toBe('de');
    expect(resolveLocale({ acceptLanguage: 'fr-FR,en;q=0.5' })).toBe('en');
    expect(resolveLocale({ acceptLanguage: 'fr-FR' })).toBe('en');
  });
  it("prefers the agent's saved choice, then the cookie", () => {
    expect(resolveLocale({ agentLocale: 'de', cookie: 'en', acceptLanguage: 'en' })).toBe('de');
    expect(resolveLocale({ cookie: 'de', acceptLanguage: 'en' })).toBe('de');
    expect(resolveLocale({ cookie: 'xx', acceptLanguage: 'de' })).toBe('de');
  });
});
