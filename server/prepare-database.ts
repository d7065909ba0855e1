import type { Db } from '@/db/client';
import { countAgents, findAgentByEmail } from '@/db/queries/agents';
import { foldPendingRollups } from '@/db/queries/metric-rollups';
import { generateDemoData, DEMO_AGENTS, DEMO_PASSWORD } from '@/db/seed/generate';
import { bootstrapAdmin } from './auth/bootstrap-admin';
import { seedDemoSla } from './sla/demo-sla';
import { seedDemoSurveyHistory } from '@/db/seed/demo-surveys';
import { seedDemoSurveyPolicies } from './surveys/demo-survey-policies';
import { hashPassword } from './auth/password';
import type { Config } from './config';
import { sealStoredPasswords } from './channels/email/seal-passwords';

/** The demo's SLA policy (every ticket planned against it) and survey policies with their history of answers, folded into the dashboard's rollups. */
export function seedDemoPolicies(db: Db, now: number) {
  seedDemoSla(db, now);
  seedDemoSurveyHistory(db, seedDemoSurveyPolicies(db, now), now);
  foldPendingRollups(db);
}

/**
 * First start on an empty database: demo data (unless DEMO_DATA=false), the admin from the environment,
 * or a one-time setup link. Returns the lines to show the person who started the server.
 */
export async function prepareDatabase(db: Db, config: Config, log: (line: string) => void): Promise<string[]> {
  const notices: string[] = [];
  const sealed = sealStoredPasswords(db);
  if (sealed) log(`Sealed the mail passwords of ${sealed} inbox(es) at rest`);
  if (countAgents(db) === 0 && config.DEMO_DATA) {
    log(`Empty database: generating demo data (${config.DEMO_TICKETS} tickets)…`);
    generateDemoData(db, { tickets: config.DEMO_TICKETS, passwordHash: await hashPassword(DEMO_PASSWORD) });
    seedDemoPolicies(db, Date.now());
  }
  // Shown on every start of a demo database, so whoever starts it can sign in.
  if (findAgentByEmail(db, DEMO_AGENTS[0].email)) {
    notices.push(`Demo logins (password "${DEMO_PASSWORD}"):`, ...DEMO_AGENTS.map((a) => `  ${a.email.padEnd(22)} ${a.role}`));
  }
  const admin = await bootstrapAdmin(db, { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD }, config.publicUrl);
  if (admin) notices.push(admin);
  return notices;
}
