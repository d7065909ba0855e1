import type { IncomingMessage } from 'node:http';

/**
 * Browsers send Origin on every POST; a foreign one means a cross-site request. True when the request
 * has none (not a browser) or comes from this server's own origin.
 */
export function fromOwnOrigin(req: IncomingMessage, publicUrl: string): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    const o = new URL(origin);
    return o.host === req.headers.host || o.origin === new URL(publicUrl).origin;
  } catch {
    return false;
  }
}
