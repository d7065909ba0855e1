import crypto from 'node:crypto';

const DAY = 24 * 3600_000;
const VALID_DAYS = 7;
const mac = (secret: string, id: number, expires: number) => crypto.createHmac('sha256', secret).update(`widget-file\n${id}\n${expires}`).digest('base64url');

/**
 * The link a visitor downloads a file of their conversation with: signed and expiring, because the
 * widget has no cookie to prove who asks. It travels only inside messages the visitor may read, and is
 * minted again whenever they load the conversation. The expiry is whole days, so a link stays the same
 * (and cacheable) through a day.
 */
export function widgetFileLink(secret: string, attachmentId: number, now = Date.now()): string {
  const expires = (Math.floor(now / DAY) + VALID_DAYS) * DAY;
  return `/widget/files/${attachmentId}/${expires}/${mac(secret, attachmentId, expires)}`;
}

/** The attachment id a link names, or null when it was not made here or has expired. */
export function verifyWidgetFileLink(secret: string, pathname: string, now = Date.now()): number | null {
  const m = /^\/widget\/files\/(\d+)\/(\d+)\/([\w-]+)$/.exec(pathname);
  if (!m) return null;
  const [id, expires] = [Number(m[1]), Number(m[2])];
  const expected = Buffer.from(mac(secret, id, expires));
  const given = Buffer.from(m[3]!);
  if (expires < now || expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  return id;
}
