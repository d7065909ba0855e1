import crypto from 'node:crypto';

/**
 * What a site's backend signs to vouch for a logged-in user: the lower-cased email, and the site's own
 * user id after a line feed when it sends one. Both are covered, so a valid signature for one user
 * cannot be paired with another user's email.
 *
 *   signature = hex(HMAC-SHA256(identitySecret, email.toLowerCase() + "\n" + (externalId ?? "")))
 */
export function identityPayload(email: string, externalId?: string) {
  return `${email.trim().toLowerCase()}\n${externalId ?? ''}`;
}

export function signIdentity(secret: string, email: string, externalId?: string) {
  return crypto.createHmac('sha256', secret).update(identityPayload(email, externalId)).digest('hex');
}

export function verifyIdentity(secret: string, identity: { email: string; externalId?: string; signature: string }) {
  const expected = Buffer.from(signIdentity(secret, identity.email, identity.externalId), 'hex');
  const given = Buffer.from(/^[0-9a-f]{64}$/i.test(identity.signature) ? identity.signature : '', 'hex');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
