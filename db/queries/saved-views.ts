import { and, asc, count, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Queryable } from '../client';
import { savedViews } from '../schema';

export type SavedViewRow = typeof savedViews.$inferSelect;
export type NewSavedView = Omit<typeof savedViews.$inferInsert, 'id'>;
/** Whose a view is: an agent's own, a team's, or everyone's (both null). */
export type ViewKeeper = { ownerAgentId: number | null; teamId: number | null };

const keptBy = (k: ViewKeeper): SQL =>
  and(
    k.ownerAgentId === null ? isNull(savedViews.ownerAgentId) : eq(savedViews.ownerAgentId, k.ownerAgentId),
    k.teamId === null ? isNull(savedViews.teamId) : eq(savedViews.teamId, k.teamId),
  )!;

/** The views an agent sees: their own, their teams' and everyone's; `allTeams` (admins) adds every team's. */
export function listViewsFor(db: Queryable, agentId: number, teamIds: number[], allTeams: boolean): SavedViewRow[] {
  const shared = allTeams
    ? isNull(savedViews.ownerAgentId)
    : and(isNull(savedViews.ownerAgentId), or(isNull(savedViews.teamId), inArray(savedViews.teamId, teamIds)));
  return db
    .select()
    .from(savedViews)
    .where(or(eq(savedViews.ownerAgentId, agentId), shared))
    .orderBy(asc(savedViews.name), asc(savedViews.id))
    .all();
}

export function findSavedView(db: Queryable, id: number): SavedViewRow | undefined {
  return db.select().from(savedViews).where(eq(savedViews.id, id)).get();
}

/** How many views an agent keeps as their own (`ownerAgentId`), or how many shared ones there are. */
export function countSavedViews(db: Queryable, ownerAgentId: number | null): number {
  const where = ownerAgentId === null ? isNull(savedViews.ownerAgentId) : eq(savedViews.ownerAgentId, ownerAgentId);
  return db.select({ n: count() }).from(savedViews).where(where).get()!.n;
}

/** A view of the same keeper with this name (names are unique per keeper, so a sidebar never shows two alike). */
export function findSavedViewByName(db: Queryable, keeper: ViewKeeper, name: string) {
  return db
    .select({ id: savedViews.id })
    .from(savedViews)
    .where(and(keptBy(keeper), eq(savedViews.name, name)))
    .get();
}

export function insertSavedView(db: Queryable, v: NewSavedView): SavedViewRow {
  return db.insert(savedViews).values(v).returning().get();
}

export function updateSavedViewRow(db: Queryable, id: number, v: Partial<NewSavedView>): SavedViewRow {
  return db.update(savedViews).set(v).where(eq(savedViews.id, id)).returning().get();
}

export function deleteSavedViewRow(db: Queryable, id: number) {
  db.delete(savedViews).where(eq(savedViews.id, id)).run();
}
