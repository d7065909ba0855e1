import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, transact, type Db } from '@/db/client';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { claimJob, findJob, listDueJobs } from '@/db/queries/jobs';
import { cancelJob, JOB_MAX_ATTEMPTS, JOB_RETRY, registerJobHandler, runDueJobs, scheduleJob } from './durable-jobs';

let db: Db;
const T0 = 1_800_000_000_000;
const effects: string[] = [];
beforeEach(() => {
  db = open(':memory:');
  effects.length = 0;
  registerJobHandler('test.write', (tx, payload) => {
    tx.$client.prepare('INSERT INTO effects (job, note) VALUES (?, ?)').run('write', String((payload as { note: string }).note));
    effects.push((payload as { note: string }).note);
  });
  registerJobHandler('test.flaky', (tx, _payload, job) => {
    tx.$client.prepare('INSERT INTO effects (job, note) VALUES (?, ?)').run('flaky', `attempt ${job.attempts}`);
    if (job.attempts < 3) throw new Error(`not yet (attempt ${job.attempts})`);
  });
});
/** A database with a table the test handlers write their effect into, in the job's transaction, as real handlers do. */
function open(file: string) {
  const d = openDatabase(file);
  d.$client.exec('CREATE TABLE IF NOT EXISTS effects (job TEXT NOT NULL, note TEXT NOT NULL)');
  return d;
}
const plan = (id: string, kind: string, runAt: number, payload: unknown = {}) => transact(db, (tx) => scheduleJob(tx, { id, kind, payload, runAt }, T0));
const rows = (job: string) => (db.$client.prepare('SELECT note FROM effects WHERE job = ?').all(job) as { note: string }[]).map((r) => r.note);

describe('durable jobs', () => {
  it('run once when due, not before, and never again', () => {
    plan('note:1', 'test.write', T0 + 1000, { note: 'hello' });
    expect(runDueJobs(db, T0 + 999)).toBe(0);
    expect(runDueJobs(db, T0 + 1000)).toBe(1);
    expect(runDueJobs(db, T0 + 5000)).toBe(0);
    expect(rows('write')).toEqual(['hello']);
    expect(findJob(db, 'note:1')).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('re-planning under the same id replaces the job (its time and payload), also after it ran', () => {
    plan('note:2', 'test.write', T0 + 1000, { note: 'first' });
    plan('note:2', 'test.write', T0 + 3000, { note: 'moved' });
    expect(runDueJobs(db, T0 + 2000)).toBe(0);
    expect(runDueJobs(db, T0 + 3000)).toBe(1);
    plan('note:2', 'test.write', T0 + 4000, { note: 'again' });
    expect(runDueJobs(db, T0 + 4000)).toBe(1);
    expect(rows('write')).toEqual(['moved', 'again']);
  });

  it('a cancelled job does not run; cancelling one that already ran says so', () => {
    plan('note:3', 'test.write', T0);
    expect(transact(db, (tx) => cancelJob(tx, 'note:3', T0))).toBe(true);
    expect(runDueJobs(db, T0 + 1)).toBe(0);
    expect(transact(db, (tx) => cancelJob(tx, 'note:3', T0))).toBe(false);
    expect(findJob(db, 'note:3')?.state).toBe('cancelled');
  });

  it('a failing run rolls its effect back and retries with backoff until it succeeds', () => {
    plan('flaky:1', 'test.flaky', T0);
    expect(runDueJobs(db, T0)).toBe(0);
    expect(findJob(db, 'flaky:1')).toMatchObject({ state: 'queued', attempts: 1, runAt: T0 + JOB_RETRY.baseMs, lastError: 'not yet (attempt 1)' });
    expect(runDueJobs(db, T0 + JOB_RETRY.baseMs - 1)).toBe(0);
    expect(runDueJobs(db, T0 + JOB_RETRY.baseMs)).toBe(0);
    expect(findJob(db, 'flaky:1')).toMatchObject({ attempts: 2, runAt: T0 + JOB_RETRY.baseMs + 2 * JOB_RETRY.baseMs });
    expect(runDueJobs(db, T0 + 3 * JOB_RETRY.baseMs)).toBe(1);
    // Only the successful attempt left its effect.
    expect(rows('flaky')).toEqual(['attempt 3']);
  });

  it('gives up after the last attempt, and a job nobody handles fails the same way', () => {
    plan('orphan:1', 'test.unknown', T0);
    let now = T0;
    for (let i = 0; i < JOB_MAX_ATTEMPTS; i++) {
      runDueJobs(db, now);
      now = findJob(db, 'orphan:1')!.runAt;
    }
    expect(findJob(db, 'orphan:1')).toMatchObject({ state: 'failed', attempts: JOB_MAX_ATTEMPTS, lastError: 'no handler for jobs of kind "test.unknown"' });
    expect(runDueJobs(db, now + 10 * JOB_RETRY.maxMs)).toBe(0);
  });

  it('survives a restart: a new connection to the same file finds what is due and nothing that ran', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jobs-')), 'jobs.db');
    const before = open(file);
    transact(before, (tx) => scheduleJob(tx, { id: 'restart:1', kind: 'test.write', payload: { note: 'before restart' }, runAt: T0 }, T0));
    transact(before, (tx) => scheduleJob(tx, { id: 'restart:2', kind: 'test.write', payload: { note: 'after restart' }, runAt: T0 + 60_000 }, T0));
    expect(runDueJobs(before, T0)).toBe(1);
    before.$client.close();
    const after = open(file);
    expect(runDueJobs(after, T0 + 60_000)).toBe(1);
    expect(runDueJobs(after, T0 + 120_000)).toBe(0);
    expect(effects).toEqual(['before restart', 'after restart']);
    after.$client.close();
  });

  it('two workers that both saw a due job: only one claims it', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jobs-')), 'jobs.db');
    const a = openDatabase(file);
    const b = openDatabase(file);
    transact(a, (tx) => scheduleJob(tx, { id: 'race:1', kind: 'test.write', payload: { note: 'x' }, runAt: T0 }, T0));
    const [seenByA] = listDueJobs(a, T0, 10);
    const [seenByB] = listDueJobs(b, T0, 10);
    expect(claimJob(b, seenByB!, T0)).toBe(true);
    expect(claimJob(a, seenByA!, T0)).toBe(false);
    a.$client.close();
    b.$client.close();
  });
});
