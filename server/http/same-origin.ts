import type { IncomingMessage } from 'node:http';

/**
 * Browsers send Origin on every POST and every WebSocket handshake; a foreign one means a cross-site
 * request. True when the request has none (not a browser) or comes from this server's own origin: the
 * public URL's, or the host the request was sent to under the public URL's scheme (the app reached by
 * another name, say 127.0.0.1). Scheme and port count: http://helpdesk.example.com is another origin
 * than https://helpdesk.example.com, and a sibling subdomain is always foreign.
 */
export function fromOwnOrigin(req: IncomingMessage, publicUrl: string): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const own = new URL(publicUrl);
  if (origin === own.origin) return true;
  try {
    const o = new URL(origin);
    return o.protocol === own.protocol && o.host === req.headers.host && o.origin === origin;
  } catch {
    return false;
  }
}
