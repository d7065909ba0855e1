import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seal, unseal } from './secret-box';

const key = crypto.randomBytes(32);

describe('channel secrets at rest', () => {
  it('opens what it sealed, and never stores the same secret the same way twice', () => {
    const a = seal(key, 'EAAG-access-token-äöü');
    const b = seal(key, 'EAAG-access-token-äöü');
    expect(a).toMatch(/^v1:/);
    expect(a).not.toContain('EAAG');
    expect(a).not.toBe(b);
    expect(unseal(key, a)).toBe('EAAG-access-token-äöü');
  });

  it('refuses another key, an altered secret and anything not sealed', () => {
    const sealed = seal(key, 'bot-token');
    expect(() => unseal(crypto.randomBytes(32), sealed)).toThrow();
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => unseal(key, `v1:${raw.toString('base64')}`)).toThrow();
    expect(() => unseal(key, 'bot-token')).toThrow('Not a sealed channel secret');
  });
});
