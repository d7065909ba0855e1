import crypto from 'node:crypto';

/**
 * Channel secrets (access tokens, app secrets, bot tokens) at rest: AES-256-GCM with the key from
 * CHANNEL_SECRET_KEY or the one generated into the data directory on first start (server/config.ts),
 * so a copied database alone does not leak them. `v1:` names the scheme, for a later rotation.
 */
const PREFIX = 'v1:';

/** Whether a stored value is one of ours (a password saved before sealing existed is not). */
export const isSealed = (stored: string) => stored.startsWith(PREFIX);

export function seal(key: Buffer, plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64');
}

/** The secret, or an error when it was sealed with another key or altered. */
export function unseal(key: Buffer, sealed: string): string {
  if (!sealed.startsWith(PREFIX)) throw new Error('Not a sealed channel secret');
  const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
