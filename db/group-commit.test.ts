import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, transact } from './client';
import { afterCommit, commitGrouped } from './group-commit';

describe('commitGrouped', () => {
  it('commits jobs of one turn together, isolating a failing job', async () => {
    const db = openDatabase(':memory:');
    db.run(sql`create table t (v text unique)`);
    const insert = (v: string) => () => transact(db, (tx) => tx.run(sql`insert into t (v) values (${v})`));
    const results = await Promise.allSettled([commitGrouped(db, insert('a')), commitGrouped(db, insert('a')), commitGrouped(db, insert('b'))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(db.all(sql`select v from t order by v`)).toEqual([{ v: 'a' }, { v: 'b' }]);
  });

  it('settles only after the data is committed', async () => {
    const db = openDatabase(':memory:');
    db.run(sql`create table t (v text)`);
    await commitGrouped(db, () => db.run(sql`insert into t (v) values ('x')`));
    expect(db.$client.inTransaction).toBe(false);
    expect(db.all(sql`select v from t`)).toEqual([{ v: 'x' }]);
  });

  it('lets a job that can wait ride along with the next commit, or commit by itself when none comes', async () => {
    const db = openDatabase(':memory:');
    db.run(sql`create table t (v text)`);
    const insert = (v: string) => () => db.run(sql`insert into t (v) values (${v})`);
    const order: string[] = [];
    const receipt = commitGrouped(db, insert('receipt'), 60_000).then(() => order.push('receipt'));
    await commitGrouped(db, insert('message')).then(() => order.push('message'));
    await receipt;
    expect(order).toEqual(['receipt', 'message']);
    const alone = commitGrouped(db, insert('alone'), 30);
    await new Promise((r) => setImmediate(r));
    expect(db.all(sql`select v from t`)).toHaveLength(2);
    await alone;
    expect(db.all(sql`select v from t`)).toHaveLength(3);
  });

  it('tells afterCommit listeners only after the shared COMMIT, and never about a job that failed', async () => {
    const db = openDatabase(':memory:');
    db.run(sql`create table t (v text unique)`);
    const told: { v: string; inTransaction: boolean }[] = [];
    const insert = (v: string) => () =>
      transact(db, (tx) => {
        tx.run(sql`insert into t (v) values (${v})`);
        afterCommit(db, () => told.push({ v, inTransaction: db.$client.inTransaction }));
        if (v === 'bad') throw new Error('refused after writing');
      });
    await Promise.allSettled([commitGrouped(db, insert('a')), commitGrouped(db, insert('bad')), commitGrouped(db, insert('b'))]);
    expect(told).toEqual([
      { v: 'a', inTransaction: false },
      { v: 'b', inTransaction: false },
    ]);
    // Outside a group commit (called after the caller's own transaction) it runs at once.
    afterCommit(db, () => told.push({ v: 'c', inTransaction: db.$client.inTransaction }));
    expect(told.at(-1)).toEqual({ v: 'c', inTransaction: false });
  });
});
