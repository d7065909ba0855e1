import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Queryable } from '../client';
import { agents, weeklyDigests } from '../schema';
import type { Locale } from '../../lib/domain';

export function setAgentWeeklyDigest(db: Queryable, id: number, weeklyDigest: Locale | null) {
  db.update(agents).set({ weeklyDigest }).where(eq(agents.id, id)).run();
}

/** Active leads and admins who asked for the weekly summary. */
export function listDigestRecipients(db: Queryable) {
  return db
    .select({ id: agents.id })
    .from(agents)
    .where(and(eq(agents.active, true), isNotNull(agents.weeklyDigest), inArray(agents.role, ['lead', 'admin'])))
    .all();
}

/** Records the week's summary for the agent; undefined when it was already written. */
export function insertWeeklyDigest(db: Queryable, d: { agentId: number; weekStart: string; now: number }) {
  return db
    .insert(weeklyDigests)
    .values({ agentId: d.agentId, weekStart: d.weekStart, createdAt: d.now })
    .onConflictDoNothing()
    .returning({ id: weeklyDigests.id })
    .get();
}
