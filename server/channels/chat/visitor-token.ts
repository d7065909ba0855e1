import crypto from 'node:crypto';

// A visitor token names an anonymous visitor of one widget: `<visitorId>.<channelId>.<issuedAt>.<mac>`.
// The widget keeps it in the iframe's storage; it is re-issued on every connection, so only visitors
// who stay away longer than the lifetime start over.

const LIFETIME_MS = 365 * 24 * 3600_000;

const keyOf = (secret: string) => crypto.createHmac('sha256', secret).update('widget-visitor-token').digest();
const mac = (secret: string, body: string) => crypto.createHmac('sha256', keyOf(secret)).update(body).digest('base64url');

export function newVisitorId() {
  return crypto.randomUUID();
}

export function issueVisitorToken(secret: string, visitorId: string, channelId: number, now = Date.now()) {
  const body = `${visitorId}.${channelId}.${now}`;
  return `${body}.${mac(secret, body)}`;
}

export type TokenCheck = { ok: true; visitorId: string } | { ok: false; reason: 'malformed' | 'forged' | 'expired' | 'other_channel' };

export function checkVisitorToken(secret: string, token: string, channelId: number, now = Date.now()): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 4 || !/^[0-9a-f-]{36}$/.test(parts[0]!) || !/^\d+$/.test(parts[1]!) || !/^\d+$/.test(parts[2]!))
    return { ok: false, reason: 'malformed' };
  const body = parts.slice(0, 3).join('.');
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(parts[3]!);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' };
  if (Number(parts[1]) !== channelId) return { ok: false, reason: 'other_channel' };
  if (now - Number(parts[2]) > LIFETIME_MS) return { ok: false, reason: 'expired' };
  return { ok: true, visitorId: parts[0]! };
}
