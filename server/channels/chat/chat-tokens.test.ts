import { describe, expect, it } from 'vitest';
import { checkVisitorToken, issueVisitorToken, newVisitorId } from './visitor-token';
import { signIdentity, verifyIdentity } from './identity-signature';

describe('visitor tokens', () => {
  const id = newVisitorId();
  it('accepts its own token and names the visitor', () => {
    expect(checkVisitorToken('s3cret', issueVisitorToken('s3cret', id, 4), 4)).toEqual({ ok: true, visitorId: id });
  });
  it('refuses forged, foreign, expired and malformed tokens', () => {
    const token = issueVisitorToken('s3cret', id, 4);
    const other = newVisitorId();
    expect(checkVisitorToken('s3cret', token.replace(id, other), 4)).toEqual({ ok: false, reason: 'forged' });
    expect(checkVisitorToken('other-secret', token, 4)).toEqual({ ok: false, reason: 'forged' });
    expect(checkVisitorToken('s3cret', token, 5)).toEqual({ ok: false, reason: 'other_channel' });
    expect(checkVisitorToken('s3cret', issueVisitorToken('s3cret', id, 4, 0), 4, 400 * 24 * 3600_000)).toEqual({ ok: false, reason: 'expired' });
    expect(checkVisitorToken('s3cret', 'nonsense', 4)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('identity signatures', () => {
  const sig = signIdentity('site-secret', 'Anna@Example.de', 'u-17');
  it('verifies the signature a site backend computes, case-insensitively on the email', () => {
    expect(verifyIdentity('site-secret', { email: 'anna@example.de', externalId: 'u-17', signature: sig })).toBe(true);
  });
  it('refuses another email or user id under the same signature, and garbage', () => {
    expect(verifyIdentity('site-secret', { email: 'boss@example.de', externalId: 'u-17', signature: sig })).toBe(false);
    expect(verifyIdentity('site-secret', { email: 'anna@example.de', externalId: 'u-1', signature: sig })).toBe(false);
    expect(verifyIdentity('site-secret', { email: 'anna@example.de', externalId: 'u-17', signature: 'zz' })).toBe(false);
    expect(verifyIdentity('wrong', { email: 'anna@example.de', externalId: 'u-17', signature: sig })).toBe(false);
  });
});
