import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '@/db/client';
import { generateDemoData } from '@/db/seed/generate';
import { findAgentByEmail } from '@/db/queries/agents';
import type { Viewer } from '@/server/auth/sessions';

/**
 * A real SQLite file with the demo agents, teams and channels but no tickets, for tests of domain
 * functions without a server: every ticket is built by the test (server/testing/fixtures.ts).
 */
export function openTestDatabase(): { db: Db; close: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-db-'));
  const db = openDatabase(path.join(dir, 'test.db'));
  generateDemoData(db, { tickets: 0, passwordHash: 'not-for-login', seed: 1, now: Date.UTC(2026, 10, 1) });
  return {
    db,
    close: () => {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A signed-in agent as the domain functions receive them, from a demo agent's address. */
export function viewerOf(db: Db, email: string): Viewer {
  const a = findAgentByEmail(db, email);
  if (!a) throw new Error(`No demo agent ${email}`);
  return { id: a.id, name: a.name, email: a.email, role: a.role, locale: null, sessionId: 'test-session' };
}
