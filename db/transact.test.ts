import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, transact } from './client';

describe('transact', () => {
  it('commits what its function wrote, and nothing when the function throws', () => {
    const db = openDatabase(':memory:');
    db.run(sql`create table t (v text)`);
    transact(db, (tx) => tx.run(sql`insert into t (v) values ('kept')`));
    expect(() =>
      transact(db, (tx) => {
        tx.run(sql`insert into t (v) values ('lost')`);
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(db.all(sql`select v from t`)).toEqual([{ v: 'kept' }]);
    expect(db.$client.inTransaction).toBe(false);
  });

  it('nests as a savepoint: a failing inner step rolls back only itself', () => {
    const db = openDatabase(':memory:');
    db.run(sql`create table t (v text)`);
    const result = transact(db, (tx) => {
      tx.run(sql`insert into t (v) values ('outer')`);
      try {
        transact(tx, (inner) => {
          inner.run(sql`insert into t (v) values ('inner')`);
          throw new Error('inner failed');
        });
      } catch {
        // the outer transaction goes on
      }
      return db.$client.inTransaction;
    });
    expect(result).toBe(true);
    expect(db.all(sql`select v from t`)).toEqual([{ v: 'outer' }]);
  });
});
