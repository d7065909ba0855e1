import { eq, asc, count, inArray } from 'drizzle-orm';
import { type Db, type Queryable, transact } from '../client';
import { agents, agentTeams, surveyRequests, teams } from '../schema';
import { markRollupPending } from './metric-rollups';
import type { Role, Locale } from '../../lib/domain';
import type { CustomerUpdates } from '../../lib/customer-updates';

/** Columns safe to send to any signed-in agent: never the password hash. */
const publicAgentColumns = {
  id: agents.id,
  name: agents.name,
  email: agents.email,
  role: agents.role,
  active: agents.active,
  status: agents.status,
  chatLimit: agents.chatLimit,
};

export function findAgentByEmail(db: Db, email: string) {
  return db.select().from(agents).where(eq(agents.email, email.toLowerCase())).get();
}

export function findAgentById(db: Queryable, id: number) {
  return db.select().from(agents).where(eq(agents.id, id)).get();
}

export function countAgents(db: Db): number {
  return db.select({ n: count() }).from(agents).get()?.n ?? 0;
}

export function insertAgent(db: Db, a: { email: string; name: string; passwordHash: string; role: Role; teamIds?: number[] }) {
  return transact(db, (tx) => {
    const row = tx
      .insert(agents)
      .values({ email: a.email.toLowerCase(), name: a.name, passwordHash: a.passwordHash, role: a.role, createdAt: Date.now() })
      .returning(publicAgentColumns)
      .get();
    if (a.teamIds?.length)
      tx.insert(agentTeams)
        .values(a.teamIds.map((teamId) => ({ agentId: row.id, teamId })))
        .run();
    return row;
  });
}

export function updateAgent(db: Db, id: number, patch: { role?: Role; active?: boolean; name?: string; chatLimit?: number; teamIds?: number[] }) {
  return transact(db, (tx) => {
    const { teamIds, ...cols } = patch;
    if (Object.keys(cols).length) tx.update(agents).set(cols).where(eq(agents.id, id)).run();
    if (teamIds) {
      tx.delete(agentTeams).where(eq(agentTeams.agentId, id)).run();
      if (teamIds.length)
        tx.insert(agentTeams)
          .values(teamIds.map((teamId) => ({ agentId: id, teamId })))
          .run();
    }
    return tx.select(publicAgentColumns).from(agents).where(eq(agents.id, id)).get();
  });
}

export function setAgentSignature(db: Db, id: number, s: { en: string; de: string }) {
  db.update(agents).set({ signatureEn: s.en, signatureDe: s.de }).where(eq(agents.id, id)).run();
}

export function setAgentLocale(db: Db, id: number, locale: Locale | null) {
  db.update(agents).set({ locale }).where(eq(agents.id, id)).run();
}

/** Every active agent's id and name: who a note can mention. */
export function listActiveAgentNames(db: Db) {
  return db.select({ id: agents.id, name: agents.name }).from(agents).where(eq(agents.active, true)).all();
}

export function listAgentsWithTeams(db: Db) {
  const rows = db.select(publicAgentColumns).from(agents).orderBy(asc(agents.name)).all();
  const memberships = rows.length
    ? db
        .select()
        .from(agentTeams)
        .where(
          inArray(
            agentTeams.agentId,
            rows.map((r) => r.id),
          ),
        )
        .all()
    : [];
  return rows.map((r) => ({ ...r, teamIds: memberships.filter((m) => m.agentId === r.id).map((m) => m.teamId) }));
}

export function setAgentNotifyEmail(db: Db, id: number, notifyEmail: Locale | null) {
  db.update(agents).set({ notifyEmail }).where(eq(agents.id, id)).run();
}

export function listTeams(db: Db) {
  return db.select({ id: teams.id, name: teams.name, timeZone: teams.timeZone, calendarId: teams.calendarId }).from(teams).orderBy(asc(teams.name)).all();
}

export function findTeam(db: Db, id: number) {
  return db.select().from(teams).where(eq(teams.id, id)).get();
}

export function setTeamCalendar(db: Db, id: number, calendarId: number | null) {
  return db.update(teams).set({ calendarId }).where(eq(teams.id, id)).returning({ id: teams.id }).get();
}

export function setTeamCustomerUpdates(db: Db, id: number, customerUpdates: CustomerUpdates) {
  db.update(teams).set({ customerUpdates }).where(eq(teams.id, id)).run();
}

export function listTeamsUsingCalendar(db: Db, calendarId: number) {
  return db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.calendarId, calendarId)).all();
}

export function insertTeam(db: Db, t: { name: string; timeZone: string; calendarId?: number | null }) {
  return db
    .insert(teams)
    .values({ ...t, createdAt: Date.now() })
    .returning()
    .get();
}

export function setAgentPasswordHash(db: Db, id: number, passwordHash: string) {
  return db.update(agents).set({ passwordHash }).where(eq(agents.id, id)).returning({ id: agents.id }).get();
}

export function renameTeam(db: Db, id: number, name: string) {
  return db.update(teams).set({ name }).where(eq(teams.id, id)).returning({ id: teams.id }).get();
}

export function deleteTeam(db: Db, id: number) {
  // The team's surveys lose it (set null): the rollups count them under no team from then on.
  for (const { ticketId } of db.select({ ticketId: surveyRequests.ticketId }).from(surveyRequests).where(eq(surveyRequests.teamId, id)).all())
    markRollupPending(db, ticketId);
  db.delete(teams).where(eq(teams.id, id)).run();
}

/** Who is in each team (ids), for the teams page. */
export function listTeamMembers(db: Db): { teamId: number; agentId: number }[] {
  return db.select({ teamId: agentTeams.teamId, agentId: agentTeams.agentId }).from(agentTeams).all();
}

/** Sets who is in a team, leaving each member's other teams alone. */
export function setTeamMembers(db: Db, teamId: number, agentIds: number[]) {
  transact(db, (tx) => {
    tx.delete(agentTeams).where(eq(agentTeams.teamId, teamId)).run();
    if (agentIds.length)
      tx.insert(agentTeams)
        .values(agentIds.map((agentId) => ({ agentId, teamId })))
        .run();
  });
}

/** The agent's teams, lowest id first: the first is the one whose zone and hours the summary follows. */
export function listTeamIdsOfAgent(db: Db, agentId: number): number[] {
  return db
    .select({ teamId: agentTeams.teamId })
    .from(agentTeams)
    .where(eq(agentTeams.agentId, agentId))
    .orderBy(asc(agentTeams.teamId))
    .all()
    .map((r) => r.teamId);
}
