import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type Db } from './client';
import { startWalCheckpointer } from './wal-checkpointer';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

function setup(timing: Parameters<typeof startWalCheckpointer>[2]) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-wal-')), 'test.db');
  const db = openDatabase(file);
  db.run(sql`create table blobs (v blob)`);
  const checkpointer = startWalCheckpointer(file, (line) => console.error(line), timing);
  stops.push(async () => {
    await checkpointer.stop();
    db.$client.close();
  });
  return { db, file };
}

const write = (db: Db, n: number) => {
  for (let i = 0; i < n; i++) db.run(sql`insert into blobs (v) values (randomblob(1000))`);
};
const marked = (db: Db) => db.get<{ frames: number } | undefined>(sql`select frames from wal_checkpoints where id = 1`);

async function until(condition: () => boolean, what: string, timeoutMs = 10_000) {
  for (const started = Date.now(); !condition(); await new Promise((r) => setTimeout(r, 20))) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting until ${what}`);
  }
}

describe('the WAL checkpointer thread', () => {
  it('checkpoints once the server has been quiet, and starts the log over itself', async () => {
    const { db, file } = setup({ pollMs: 10, quietMs: 50, minIntervalMs: 0, maxIntervalMs: 60_000 });
    write(db, 300);
    await until(() => marked(db) !== undefined, 'the thread marked a complete checkpoint');
    expect(marked(db)!.frames).toBeGreaterThanOrEqual(300);
    // The pages are in the database file now, not only in the WAL.
    expect(fs.statSync(file).size).toBeGreaterThan(300 * 1000);
    expect(db.get<{ n: number }>(sql`select count(*) as n from blobs`)!.n).toBe(300);
  });

  it('still checkpoints under continuous writes, leaving the log restart to the server', async () => {
    const { db, file } = setup({ pollMs: 10, quietMs: 60_000, minIntervalMs: 0, maxIntervalMs: 100 });
    const started = fs.statSync(file).size;
    const writer = setInterval(() => write(db, 20), 5);
    try {
      await until(() => fs.statSync(file).size > started + 200 * 1000, 'pages reached the database file');
    } finally {
      clearInterval(writer);
    }
    expect(marked(db)).toBeUndefined();
  });
});
