import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The Content-Security-Policy of the app's pages, with a fresh nonce per response: Next puts the
 * nonce it finds in the request's CSP header on every script it renders (its hydration data is inline),
 * so inline scripts run only when Next wrote them. Every page renders per request (the root layout reads
 * the session), so no cached page carries a stale nonce. Styles keep 'unsafe-inline': React style
 * attributes and next/font's style tags need it, and CSS cannot run code.
 */
export function pagePolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // The dev server also evaluates code for hot reloading.
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self' ws: wss:",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** Gives a page request its policy: on the request for Next to read the nonce, on the response for the browser. */
export function applyPagePolicy(req: IncomingMessage, res: ServerResponse, dev: boolean) {
  const policy = pagePolicy(crypto.randomBytes(16).toString('base64'), dev);
  req.headers['content-security-policy'] = policy;
  res.setHeader('Content-Security-Policy', policy);
}
