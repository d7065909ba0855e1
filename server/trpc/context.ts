import type { IncomingMessage, ServerResponse } from 'node:http';
import { getDb } from '@/db/client';
import { readSessionToken, validateSession, type Viewer } from '@/server/auth/sessions';
import { getConfig } from '@/server/runtime-config';
import { fromOwnOrigin } from '@/server/http/same-origin';

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
  return {
    db,
    viewer: validateSession(db, readSessionToken(req.headers.cookie), config.SESSION_TTL_HOURS * 3600_000),
    ip: req.socket.remoteAddress ?? 'unknown',
    res,
    // A cross-site request is refused for mutations.
    originOk: fromOwnOrigin(req, config.publicUrl),
  };
}
