import type { Db } from '@/db/client';
import { count, eq } from 'drizzle-orm';
import { tickets } from '@/db/schema';
import {
  deleteTeam,
  findAgentById,
  findTeam,
  insertTeam,
  listTeamIdsOfAgent,
  listTeamMembers,
  listTeams,
  renameTeam,
  setTeamMembers,
} from '@/db/queries/agents';
import { hasRole } from '@/lib/domain';
import type { Viewer } from '@/server/auth/sessions';
import { DomainError } from '@/server/errors/domain-error';

/** Teams with their members: every team for admins, a lead's own teams for a lead (they manage those teams' members). */
export function teamsWithMembers(db: Db, viewer: Pick<Viewer, 'id' | 'role'>) {
  const members = listTeamMembers(db);
  const own = hasRole(viewer.role, 'admin') ? null : listTeamIdsOfAgent(db, viewer.id);
  return listTeams(db)
    .filter((t) => own === null || own.includes(t.id))
    .map((t) => ({ ...t, memberIds: members.filter((m) => m.teamId === t.id).map((m) => m.agentId) }));
}

function assertNameFree(db: Db, name: string, exceptId?: number) {
  if (listTeams(db).some((t) => t.id !== exceptId && t.name.toLowerCase() === name.toLowerCase()))
    throw new DomainError('CONFLICT', 'team_name_taken', { name });
}

export function createTeam(db: Db, input: { name: string; timeZone: string }) {
  assertNameFree(db, input.name);
  return insertTeam(db, input);
}

export function renameTeamChecked(db: Db, id: number, name: string) {
  assertNameFree(db, name, id);
  if (!renameTeam(db, id, name)) throw new DomainError('NOT_FOUND', 'team_not_found', { id });
  return { id, name };
}

/** Only a team no ticket belongs to (set up by mistake): a used team's figures and history stay; rename it instead. */
export function deleteUnusedTeam(db: Db, id: number) {
  if (!findTeam(db, id)) throw new DomainError('NOT_FOUND', 'team_not_found', { id });
  const used = db.select({ n: count() }).from(tickets).where(eq(tickets.teamId, id)).get()?.n ?? 0;
  if (used) throw new DomainError('CONFLICT', 'team_in_use', { count: used });
  deleteTeam(db, id);
  return { id };
}

/** Who is in a team: admins for any team, a lead for a team they are in themselves. */
export function setMembersOfTeam(db: Db, viewer: Pick<Viewer, 'id' | 'role'>, teamId: number, agentIds: number[]) {
  if (!findTeam(db, teamId)) throw new DomainError('NOT_FOUND', 'team_not_found', { id: teamId });
  const isMember = listTeamIdsOfAgent(db, viewer.id).includes(teamId);
  if (!hasRole(viewer.role, 'admin') && !(hasRole(viewer.role, 'lead') && isMember)) throw new DomainError('FORBIDDEN', 'team_members_own_team_only');
  const unknown = agentIds.filter((id) => !findAgentById(db, id));
  if (unknown.length) throw new DomainError('BAD_REQUEST', 'agents_unknown', { ids: unknown.join(', ') });
  // A lead keeps themselves in the team they manage.
  const members = [...new Set(hasRole(viewer.role, 'admin') ? agentIds : [...agentIds, viewer.id])];
  setTeamMembers(db, teamId, members);
  return { teamId, memberIds: members };
}
