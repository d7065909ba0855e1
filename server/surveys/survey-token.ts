import crypto from 'node:crypto';

/**
 * The survey link's token: one survey request (so one ticket's one solve cycle) and the moment it expires,
 * signed with the server's secret. Nothing to look up to refuse a forged or expired one; the request it
 * names decides the rest (answers close with it).
 */
const sign = (secret: string, requestId: number, expiresAt: number) =>
  crypto.createHmac('sha256', secret).update(`survey:${requestId}:${expiresAt}`).digest('base64url').slice(0, 27);

export function issueSurveyToken(secret: string, requestId: number, expiresAt: number): string {
  return `${requestId}.${expiresAt.toString(36)}.${sign(secret, requestId, expiresAt)}`;
}

export type SurveyTokenCheck = { ok: true; requestId: number } | { ok: false; reason: 'invalid' | 'expired' };

/** `expiredOk`: stopping surveys works with an old link too (only answers close). */
export function checkSurveyToken(secret: string, token: string, now: number, o: { expiredOk?: boolean } = {}): SurveyTokenCheck {
  const [id, exp, mac, ...rest] = token.split('.');
  const requestId = Number(id);
  const expiresAt = parseInt(exp ?? '', 36);
  if (!/^[1-9]\d{0,15}$/.test(id ?? '') || !/^[0-9a-z]{1,12}$/.test(exp ?? '') || !mac || rest.length) return { ok: false, reason: 'invalid' };
  const expected = sign(secret, requestId, expiresAt);
  if (mac.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) return { ok: false, reason: 'invalid' };
  if (now > expiresAt && !o.expiredOk) return { ok: false, reason: 'expired' };
  return { ok: true, requestId };
}
