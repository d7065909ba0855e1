import { describe, expect, it } from 'vitest';
import { parseEmailSettings, splitPlusAddress } from './email-settings';
import { DEFAULT_ACKNOWLEDGEMENT_TEXTS } from '@/lib/channel-settings/email';

describe('email settings', () => {
  it('normalises the address and fills defaults', () => {
    const s = parseEmailSettings({ address: ' Support@Example.DE ' });
    expect(s.address).toBe('support@example.de');
    expect(s.acknowledgement.enabled).toBe(true);
    expect(s.smtp).toBeUndefined();
  });
  it('keeps an acknowledgement stored before there were languages: its own text for both, the English default as both defaults', () => {
    const own = parseEmailSettings({ address: 'a@b.de', acknowledgement: { enabled: false, subject: 'Eingang #{{number}}', body: 'Danke!' } });
    expect(own.acknowledgement).toEqual({
      enabled: false,
      texts: { en: { subject: 'Eingang #{{number}}', body: 'Danke!' }, de: { subject: 'Eingang #{{number}}', body: 'Danke!' } },
    });
    const plain = parseEmailSettings({ address: 'a@b.de', acknowledgement: { enabled: true, ...DEFAULT_ACKNOWLEDGEMENT_TEXTS.en } });
    expect(plain.acknowledgement.texts).toEqual(DEFAULT_ACKNOWLEDGEMENT_TEXTS);
    expect(plain.defaultLocale).toBe('de');
  });
  it('refuses a missing or broken address', () => {
    expect(() => parseEmailSettings({})).toThrow();
    expect(() => parseEmailSettings({ address: 'nope' })).toThrow();
  });
  it('splits plus addresses', () => {
    expect(splitPlusAddress('Support+AbC123@example.de')).toEqual({ base: 'support@example.de', tag: 'abc123' });
    expect(splitPlusAddress('support@example.de')).toEqual({ base: 'support@example.de', tag: null });
  });
});
