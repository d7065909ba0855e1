import crypto from 'node:crypto';

// Spam protection without a third-party service: the form page hands out a signed "rendered at" time;
// a submission faster than a person can fill a form, or a day later, is refused.
export const MIN_FILL_MS = 3_000;
const MAX_AGE_MS = 24 * 3600_000;

const sign = (secret: string, at: number) => crypto.createHmac('sha256', secret).update(`form:${at}`).digest('base64url').slice(0, 22);

export function issueFormToken(secret: string, now: number): string {
  return `${now}.${sign(secret, now)}`;
}

export function checkFormToken(secret: string, token: string, now: number): 'ok' | 'invalid' | 'too_fast' | 'expired' {
  const [at, mac] = token.split('.');
  const issued = Number(at);
  if (!Number.isInteger(issued) || !mac) return 'invalid';
  const expected = sign(secret, issued);
  if (mac.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) return 'invalid';
  if (now - issued < MIN_FILL_MS) return 'too_fast';
  if (now - issued > MAX_AGE_MS) return 'expired';
  return 'ok';
}
