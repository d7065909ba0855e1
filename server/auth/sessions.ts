import crypto from 'node:crypto';
import { parse as parseCookie, serialize as serializeCookie } from 'cookie';
import type { Db } from '@/db/client';
import * as q from '@/db/queries/sessions';
import type { Role, Locale } from '@/lib/domain';

export const SESSION_COOKIE = 'hd_session';

export type Viewer = { id: number; name: string; email: string; role: Role; locale: Locale | null; sessionId: string };

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('base64url');

/** Creates a session and returns the opaque token for the cookie; only its hash is stored. */
export function createSession(db: Db, agentId: number, ttlMs: number): { token: string; expiresAt: number } {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = Date.now() + ttlMs;
  q.insertSession(db, { id: hashToken(token), agentId, expiresAt });
  return { token, expiresAt };
}

/**
 * Resolves a cookie token to the signed-in agent. Sliding expiry: a session used in the second half of its
 * lifetime is extended, so an agent working every day is not signed out mid-shift.
 */
export function validateSession(db: Db, token: string | undefined, ttlMs: number): Viewer | null {
  if (!token || token.length > 100) return null;
  return validateSessionId(db, hashToken(token), ttlMs);
}

/** The same for a session already identified (a socket keeps its session id: no hashing per event). */
export function validateSessionId(db: Db, id: string, ttlMs: number): Viewer | null {
  const row = q.findSessionWithAgent(db, id);
  if (!row) return null;
  const now = Date.now();
  if (row.expiresAt <= now || !row.active) {
    q.deleteSession(db, id);
    return null;
  }
  if (row.expiresAt - now < ttlMs / 2) q.extendSession(db, id, now + ttlMs);
  return { id: row.agentId, name: row.name, email: row.email, role: row.role, locale: row.locale, sessionId: id };
}

export function revokeSession(db: Db, sessionId: string) {
  q.deleteSession(db, sessionId);
}

export function readSessionToken(cookieHeader: string | undefined): string | undefined {
  return cookieHeader ? parseCookie(cookieHeader)[SESSION_COOKIE] : undefined;
}

export function sessionCookie(token: string, expiresAt: number, secure: boolean): string {
  return serializeCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: new Date(expiresAt) });
}

export function clearedSessionCookie(): string {
  return serializeCookie(SESSION_COOKIE, '', { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 0 });
}
