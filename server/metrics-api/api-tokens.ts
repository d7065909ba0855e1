import crypto from 'node:crypto';
import type { Db } from '@/db/client';
import { countLiveApiTokens, findLiveApiToken, insertApiToken, listApiTokens, revokeApiToken, touchApiToken } from '@/db/queries/api-tokens';
import { findAgentById } from '@/db/queries/agents';
import { hasRole } from '@/lib/domain';
import type { Viewer } from '@/server/auth/sessions';
import { DomainError } from '@/server/errors/domain-error';

/**
 * Metrics API tokens: created by a lead (or admin) for a BI tool, shown once, stored as a sha256. A token
 * is an identity only while its lead still is one: a deactivated agent or a role taken away ends it.
 */
const PREFIX = 'hdm_';
export const MAX_LIVE_TOKENS = 10;
const hash = (token: string) => crypto.createHash('sha256').update(token).digest('base64url');

export function createApiToken(db: Db, viewer: Viewer, name: string, now: number) {
  if (countLiveApiTokens(db, viewer.id) >= MAX_LIVE_TOKENS) throw new DomainError('CONFLICT', 'api_token_limit', { max: MAX_LIVE_TOKENS });
  const token = PREFIX + crypto.randomBytes(32).toString('base64url');
  const row = insertApiToken(db, { agentId: viewer.id, name, tokenHash: hash(token), now });
  return { id: row.id, name: row.name, token };
}

export const apiTokensOf = (db: Db, viewer: Viewer) => listApiTokens(db, viewer.id);

export function revokeOwnApiToken(db: Db, viewer: Viewer, id: number, now: number) {
  if (!revokeApiToken(db, viewer.id, id, now)) throw new DomainError('NOT_FOUND', 'api_token_not_found');
}

/** The lead a bearer token speaks for, or null (unknown, revoked, malformed, or its lead no longer a lead). */
export function viewerOfApiToken(db: Db, token: string | undefined, now: number): Viewer | null {
  if (!token?.startsWith(PREFIX) || token.length > 100) return null;
  const row = findLiveApiToken(db, hash(token));
  const agent = row && findAgentById(db, row.agentId);
  if (!row || !agent || !agent.active || !hasRole(agent.role, 'lead')) return null;
  // Written at most once a minute: a BI tool polling every second should not write every second.
  if (!row.lastUsedAt || now - row.lastUsedAt > 60_000) touchApiToken(db, row.id, now);
  return { id: agent.id, name: agent.name, email: agent.email, role: agent.role, locale: agent.locale, sessionId: `api-token:${row.id}` };
}
