import { describe, expect, it } from 'vitest';
import { checkFormToken, FORM_TOKEN_MAX_AGE_MS, issueFormToken, MIN_FILL_MS } from './form-token';

const secret = 'a-test-secret-of-some-length-0123456789';
const at = 1_800_000_000_000;

describe('form fill tokens', () => {
  it('accepts a token between the fill time and its age limit, and names its nonce and expiry', () => {
    const token = issueFormToken(secret, at);
    const ok = checkFormToken(secret, token, at + MIN_FILL_MS);
    expect(ok).toEqual({ ok: true, nonce: token.split('.')[1], expiresAt: at + FORM_TOKEN_MAX_AGE_MS });
    expect(checkFormToken(secret, token, at + FORM_TOKEN_MAX_AGE_MS).ok).toBe(true);
  });
  it('refuses a token used too fast, too late, forged, or signed with another secret', () => {
    const token = issueFormToken(secret, at);
    expect(checkFormToken(secret, token, at + MIN_FILL_MS - 1)).toEqual({ ok: false, reason: 'too_fast' });
    expect(checkFormToken(secret, token, at + FORM_TOKEN_MAX_AGE_MS + 1)).toEqual({ ok: false, reason: 'expired' });
    const [issued, nonce, mac] = token.split('.');
    expect(checkFormToken(secret, `${issued}.${nonce}x.${mac}`, at + 5000)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkFormToken(secret, `${Number(issued) - 10_000}.${nonce}.${mac}`, at + 5000)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkFormToken('another-secret-of-some-length-98765', token, at + 5000)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkFormToken(secret, `${token}.extra`, at + 5000)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkFormToken(secret, 'nonsense', at + 5000)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkFormToken(secret, `${issued}.${nonce}`, at + 5000)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkFormToken(secret, `${issued}..${mac}`, at + 5000)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkFormToken(secret, `soon.${nonce}.${mac}`, at + 5000)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkFormToken(secret, `${issued}.${nonce}.${mac!.slice(1)}`, at + 5000)).toEqual({ ok: false, reason: 'invalid' });
  });
  it('gives every token its own nonce', () => {
    expect(issueFormToken(secret, at).split('.')[1]).not.toBe(issueFormToken(secret, at).split('.')[1]);
  });
});
