import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { analyzeDatabase } from './analyze';

describe('analyzeDatabase', () => {
  it('keeps the planner averages and no STAT4 samples, so lookups are not prepared again on every run', () => {
    const db = openDatabase(':memory:');
    const sqlite = db.$client;
    sqlite.exec('create table t (id integer primary key, a int, b int); create index t_a on t (a, b)');
    const insert = sqlite.prepare('insert into t (a, b) values (?, ?)');
    for (let i = 0; i < 500; i++) insert.run(i % 7, i % 50);
    analyzeDatabase(db);
    expect(sqlite.prepare("select count(*) n from sqlite_stat1 where tbl = 't'").get()).toEqual({ n: 1 });
    expect(sqlite.prepare('select count(*) n from sqlite_stat4').get()).toEqual({ n: 0 });
  });
});
