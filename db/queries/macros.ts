import { and, asc, count, eq, isNull, or } from 'drizzle-orm';
import type { Queryable } from '../client';
import { macros } from '../schema';

export type MacroRow = typeof macros.$inferSelect;
export type NewMacro = Omit<typeof macros.$inferInsert, 'id'>;

/** What one agent may pick from: the shared macros and their own, by name. */
export function listMacrosFor(db: Queryable, agentId: number): MacroRow[] {
  return db
    .select()
    .from(macros)
    .where(or(isNull(macros.ownerAgentId), eq(macros.ownerAgentId, agentId)))
    .orderBy(asc(macros.name), asc(macros.id))
    .all();
}

export function findMacro(db: Queryable, id: number): MacroRow | undefined {
  return db.select().from(macros).where(eq(macros.id, id)).get();
}

/** How many an owner has (null: the shared ones). */
export function countMacros(db: Queryable, ownerAgentId: number | null): number {
  return db
    .select({ n: count() })
    .from(macros)
    .where(ownerAgentId === null ? isNull(macros.ownerAgentId) : eq(macros.ownerAgentId, ownerAgentId))
    .get()!.n;
}

/** A macro of the same owner (null: shared) with this name, other than `exceptId`. */
export function findMacroByName(db: Queryable, ownerAgentId: number | null, name: string) {
  return db
    .select({ id: macros.id })
    .from(macros)
    .where(and(ownerAgentId === null ? isNull(macros.ownerAgentId) : eq(macros.ownerAgentId, ownerAgentId), eq(macros.name, name)))
    .get();
}

export function insertMacro(db: Queryable, m: NewMacro): MacroRow {
  return db.insert(macros).values(m).returning().get();
}

export function updateMacroRow(db: Queryable, id: number, m: Partial<NewMacro>) {
  db.update(macros).set(m).where(eq(macros.id, id)).run();
}

export function deleteMacroRow(db: Queryable, id: number) {
  db.delete(macros).where(eq(macros.id, id)).run();
}
