import type { Db } from '@/db/client';
import { findAgentByEmail, findAgentById, insertAgent, listTeams, setAgentPasswordHash, updateAgent } from '@/db/queries/agents';
import { deleteSessionsOfAgent } from '@/db/queries/sessions';
import type { Role } from '@/lib/domain';
import { hashPassword } from '@/server/auth/password';
import type { Viewer } from '@/server/auth/sessions';
import { DomainError } from '@/server/errors/domain-error';
import { getBus } from '@/server/realtime/bus';

/** Agents as admins manage them: every refusal a message key, so it reads in the admin's language. */
export function assertTeamsExist(db: Db, ids: readonly number[] | undefined) {
  const existing = listTeams(db);
  const missing = (ids ?? []).filter((id) => !existing.some((t) => t.id === id));
  if (missing.length) throw new DomainError('BAD_REQUEST', 'teams_unknown', { ids: missing.join(', ') });
}

export async function createAgent(db: Db, input: { email: string; name: string; password: string; role: Role; teamIds: number[] }) {
  if (findAgentByEmail(db, input.email)) throw new DomainError('CONFLICT', 'agent_email_taken', { email: input.email });
  assertTeamsExist(db, input.teamIds);
  return insertAgent(db, { ...input, passwordHash: await hashPassword(input.password) });
}

export function changeAgent(
  db: Db,
  viewer: Pick<Viewer, 'id'>,
  id: number,
  patch: { role?: Role; active?: boolean; name?: string; chatLimit?: number; teamIds?: number[] },
) {
  if (id === viewer.id && (patch.active === false || (patch.role && patch.role !== 'admin'))) throw new DomainError('BAD_REQUEST', 'agent_cannot_demote_self');
  assertTeamsExist(db, patch.teamIds);
  const agent = updateAgent(db, id, patch);
  if (!agent) throw new DomainError('NOT_FOUND', 'agent_not_found', { id });
  // A deactivated agent is signed out everywhere at once, sockets included.
  if (patch.active === false) signOutEverywhere(db, id);
  return agent;
}

/** An admin sets a new password for an agent who lost theirs; every session of that agent ends. */
export async function resetAgentPassword(db: Db, id: number, password: string) {
  if (!findAgentById(db, id)) throw new DomainError('NOT_FOUND', 'agent_not_found', { id });
  setAgentPasswordHash(db, id, await hashPassword(password));
  signOutEverywhere(db, id);
  return { id };
}

function signOutEverywhere(db: Db, agentId: number) {
  const revoked = deleteSessionsOfAgent(db, agentId);
  getBus().emit('session.revoked', { sessionIds: revoked.map((s) => s.id) });
}
