import crypto from 'node:crypto';
import type { Db } from '@/db/client';
import { countAgents, insertAgent } from '@/db/queries/agents';
import { hashPassword } from './password';

// The one-time setup token lives only in this process's memory: it is printed once at start and dies
// with the process or when used.
const registry = globalThis as unknown as { __helpdeskSetupToken?: string };

/**
 * First start with no agents: create the admin from ADMIN_EMAIL / ADMIN_PASSWORD, or hand out a one-time
 * setup link. Returns what to print.
 */
export async function bootstrapAdmin(db: Db, env: { email?: string; password?: string }, publicUrl: string): Promise<string | null> {
  if (countAgents(db) > 0) return null;
  if (env.email && env.password) {
    insertAgent(db, { email: env.email, name: 'Administrator', passwordHash: await hashPassword(env.password), role: 'admin' });
    return `Created admin ${env.email} from ADMIN_EMAIL / ADMIN_PASSWORD.`;
  }
  registry.__helpdeskSetupToken = crypto.randomBytes(24).toString('base64url');
  return `No agents yet. Create the first admin at ${publicUrl}/setup?token=${registry.__helpdeskSetupToken}`;
}

/** Consumes the setup token; true exactly once for the printed token, and only while there are no agents. */
export function consumeSetupToken(db: Db, token: string): boolean {
  const expected = registry.__helpdeskSetupToken;
  if (!expected || countAgents(db) > 0) return false;
  const a = Buffer.from(token);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) return false;
  registry.__helpdeskSetupToken = undefined;
  return true;
}
