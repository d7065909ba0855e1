import type { IncomingMessage, ServerResponse } from 'node:http';
import { getDb } from '@/db/client';
import { readSessionToken, validateSession, type Viewer } from '@/server/auth/sessions';
import { getConfig } from '@/server/runtime-config';

export type Context = {
  db: ReturnType<typeof getDb>;
  viewer: Viewer | null;
  ip: string;
  /** Present for HTTP calls; absent for in-process callers (tests, benchmarks). */
  res?: ServerResponse;
  originOk: boolean;
};

export function createContext({ req, res }: { req: IncomingMessage; res: ServerResponse }): Context {
  const db = getDb();
  const config = getConfig();
  const origin = req.headers.origin;
  return {
    db,
    viewer: validateSession(db, readSessionToken(req.headers.cookie), config.SESSION_TTL_HOURS * 3600_000),
    ip: req.socket.remoteAddress ?? 'unknown',
    res,
    // Browsers send Origin on every POST; a foreign one means a cross-site request, refused for mutations.
    originOk: !origin || sameOrigin(origin, req.headers.host, config.publicUrl),
  };
}

function sameOrigin(origin: string, host: string | undefined, publicUrl: string): boolean {
  try {
    const o = new URL(origin);
    return o.host === host || o.origin === new URL(publicUrl).origin;
  } catch {
    return false;
  }
}
