import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { agentOnlineSpans } from '../schema';

/** A span is extended while the agent is seen again within this gap; a longer absence starts a new one. */
export const PRESENCE_GAP_MS = 2 * 60_000;

/** Marks these agents online at `now`: extends each one's current span or starts one. */
export function recordOnline(db: Queryable, agentIds: readonly number[], now: number) {
  for (const agentId of agentIds) {
    const extended = db
      .update(agentOnlineSpans)
      .set({ lastSeenAt: sql`max(${agentOnlineSpans.lastSeenAt}, ${now})` })
      .where(and(eq(agentOnlineSpans.agentId, agentId), gte(agentOnlineSpans.lastSeenAt, now - PRESENCE_GAP_MS)))
      .run();
    if (extended.changes === 0) db.insert(agentOnlineSpans).values({ agentId, startedAt: now, lastSeenAt: now }).run();
  }
}

/** Spans overlapping [from, to), of these agents (null: everyone). */
export function onlineSpans(db: Queryable, from: number, to: number, agentIds: readonly number[] | null) {
  return db
    .select({ agentId: agentOnlineSpans.agentId, startedAt: agentOnlineSpans.startedAt, lastSeenAt: agentOnlineSpans.lastSeenAt })
    .from(agentOnlineSpans)
    .where(
      and(
        gte(agentOnlineSpans.lastSeenAt, from),
        lt(agentOnlineSpans.startedAt, to),
        agentIds ? inArray(agentOnlineSpans.agentId, agentIds as number[]) : undefined,
      ),
    )
    .all();
}

/** Spans that ended before `before`: kept for the staffing view's longest range (two years), then gone. */
export function deleteOnlineSpansBefore(db: Queryable, before: number) {
  db.delete(agentOnlineSpans).where(lt(agentOnlineSpans.lastSeenAt, before)).run();
}
