import crypto from 'node:crypto';

// Spam protection without a third-party service: the form page hands out a signed "rendered at" time and
// a random nonce; a submission faster than a person can fill a form, or a day later, is refused, and
// each token opens one ticket at most (the nonce is recorded with the ticket, see submit-form.ts).
export const MIN_FILL_MS = 3_000;
export const FORM_TOKEN_MAX_AGE_MS = 24 * 3600_000;

const sign = (secret: string, at: number, nonce: string) => crypto.createHmac('sha256', secret).update(`form:${at}:${nonce}`).digest('base64url').slice(0, 22);

export function issueFormToken(secret: string, now: number): string {
  const nonce = crypto.randomBytes(12).toString('base64url');
  return `${now}.${nonce}.${sign(secret, now, nonce)}`;
}

export type FormTokenCheck = { ok: true; nonce: string; expiresAt: number } | { ok: false; reason: 'invalid' | 'too_fast' | 'expired' };

export function checkFormToken(secret: string, token: string, now: number): FormTokenCheck {
  const [at, nonce, mac, ...rest] = token.split('.');
  const issued = Number(at);
  if (!Number.isInteger(issued) || !nonce || !mac || rest.length) return { ok: false, reason: 'invalid' };
  const expected = sign(secret, issued, nonce);
  if (mac.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) return { ok: false, reason: 'invalid' };
  if (now - issued < MIN_FILL_MS) return { ok: false, reason: 'too_fast' };
  if (now - issued > FORM_TOKEN_MAX_AGE_MS) return { ok: false, reason: 'expired' };
  return { ok: true, nonce, expiresAt: issued + FORM_TOKEN_MAX_AGE_MS };
}
