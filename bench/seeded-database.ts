import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Db } from '@/db/client';
import { generateDemoData } from '@/db/seed/generate';

/**
 * The benchmarks' database: an existing file when `--db` names one, else `tickets` demo tickets seeded
 * into a new file (at `--db` when given, kept; else in a temporary directory that `cleanup` removes).
 */
export function openSeededDatabase(o: { file?: string; tickets: number }): { db: Db; cleanup: () => void } {
  if (o.file && fs.existsSync(o.file)) {
    console.log(`Using existing ${o.file}`);
    return { db: openDatabase(o.file), cleanup: () => {} };
  }
  const tmpDir = o.file ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-bench-'));
  const file = o.file ?? path.join(tmpDir!, 'bench.db');
  const db = openDatabase(file);
  const t0 = performance.now();
  generateDemoData(db, { tickets: o.tickets, passwordHash: 'bench-not-used', onProgress: (d) => d % 200_000 === 0 && console.log(`  seeded ${d}`) });
  console.log(`Seeded ${o.tickets} tickets in ${((performance.now() - t0) / 1000).toFixed(1)} s into ${file}`);
  return {
    db,
    cleanup: () => {
      db.$client.close();
      if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
    },
  };
}
