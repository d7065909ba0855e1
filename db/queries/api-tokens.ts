import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../client';
import { apiTokens } from '../schema';

export function insertApiToken(db: Queryable, t: { agentId: number; name: string; tokenHash: string; now: number }) {
  return db.insert(apiTokens).values({ agentId: t.agentId, name: t.name, tokenHash: t.tokenHash, createdAt: t.now }).returning().get();
}

/** A lead's tokens, newest first, without their hashes. */
export function listApiTokens(db: Queryable, agentId: number) {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.agentId, agentId))
    .orderBy(desc(apiTokens.id))
    .all();
}

export function countLiveApiTokens(db: Queryable, agentId: number): number {
  return db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(and(eq(apiTokens.agentId, agentId), isNull(apiTokens.revokedAt)))
    .all().length;
}

export function findLiveApiToken(db: Queryable, tokenHash: string) {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .get();
}

export function revokeApiToken(db: Queryable, agentId: number, id: number, now: number): boolean {
  return (
    db
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.agentId, agentId), isNull(apiTokens.revokedAt)))
      .run().changes > 0
  );
}

export function touchApiToken(db: Queryable, id: number, now: number) {
  db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id)).run();
}
