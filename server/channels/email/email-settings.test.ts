import { describe, expect, it } from 'vitest';
import { parseEmailSettings, splitPlusAddress } from './email-settings';

describe('email settings', () => {
  it('normalises the address and fills defaults', () => {
    const s = parseEmailSettings({ address: ' Support@Example.DE ' });
    expect(s.address).toBe('support@example.de');
    expect(s.acknowledgement.enabled).toBe(true);
    expect(s.smtp).toBeUndefined();
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
