import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Db } from '@/db/client';
import { generateDemoData } from '@/db/seed/generate';
import { seedDemoPolicies } from '@/server/prepare-database';

/**
 * The benchmarks' database: an existing file when `--db` names one, else `tickets` demo tickets seeded
 * into a new file (at `--db` when given, kept; else in a temporary directory that `cleanup` removes).
 */
export function openSeededDatabase(o: { file?: string; tickets: number; policies?: boolean }): { db: Db; cleanup: () => void } {
  if (o.file && fs.existsSync(o.file)) {
    console.log(`Using existing ${o.file}`);
    const db = openDatabase(o.file);
    // A file seeded before the policies were part of the bench's data gets them now, once.
    if (o.policies && !db.$client.prepare('select 1 from sla_policies limit 1').get()) withPolicies(db);
    return { db, cleanup: () => {} };
  }
  const tmpDir = o.file ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-bench-'));
  const file = o.file ?? path.join(tmpDir!, 'bench.db');
  const db = openDatabase(file);
  const t0 = performance.now();
  generateDemoData(db, { tickets: o.tickets, passwordHash: 'bench-not-used', onProgress: (d) => d % 200_000 === 0 && console.log(`  seeded ${d}`) });
  console.log(`Seeded ${o.tickets} tickets in ${((performance.now() - t0) / 1000).toFixed(1)} s into ${file}`);
  if (o.policies) withPolicies(db);
  return {
    db,
    cleanup: () => {
      db.$client.close();
      if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
    },
  };
}

/** The demo's SLA policy (every ticket planned) and survey history, as `npm start` seeds them: the dashboard's SLA and CSAT/NPS/CES figures then have data. */
function withPolicies(db: Db) {
  const t0 = performance.now();
  seedDemoPolicies(db, Date.now());
  const n = (table: string) => (db.$client.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
  console.log(
    `Added SLA targets (${n('ticket_sla_targets').toLocaleString('en')}) and survey requests (${n('survey_requests').toLocaleString('en')}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}
