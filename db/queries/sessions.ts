import { eq, lt } from 'drizzle-orm';
import type { Db, Queryable } from '../client';
import { agents, sessions } from '../schema';
import { p, preparedPerConnection } from '../prepared';

// Every HTTP request and every agent socket event looks its session up: built once, not per call.
const prepared = preparedPerConnection((db: Queryable) => ({
  sessionWithAgent: db
    .select({
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
      agentId: agents.id,
      name: agents.name,
      email: agents.email,
      role: agents.role,
      locale: agents.locale,
      active: agents.active,
    })
    .from(sessions)
    .innerJoin(agents, eq(agents.id, sessions.agentId))
    .where(eq(sessions.id, p('id')))
    .prepare(),
}));

export function insertSession(db: Db, s: { id: string; agentId: number; expiresAt: number }) {
  db.insert(sessions)
    .values({ ...s, createdAt: Date.now() })
    .run();
}

export function findSessionWithAgent(db: Db, id: string) {
  return prepared(db).sessionWithAgent.get({ id });
}

export function extendSession(db: Db, id: string, expiresAt: number) {
  db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id)).run();
}

export function deleteSession(db: Db, id: string) {
  db.delete(sessions).where(eq(sessions.id, id)).run();
}

export function deleteSessionsOfAgent(db: Db, agentId: number) {
  return db.delete(sessions).where(eq(sessions.agentId, agentId)).returning({ id: sessions.id }).all();
}

export function deleteExpiredSessions(db: Db, now: number) {
  db.delete(sessions).where(lt(sessions.expiresAt, now)).run();
}
