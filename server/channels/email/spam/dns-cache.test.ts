import { describe, expect, it } from 'vitest';
import { cachedResolver } from './dns-cache';

const failure = (code: string) => Object.assign(new Error(code), { code });

describe('the mail checks’ DNS cache', () => {
  it('asks once for concurrent and repeated questions, and again once the answer is old', async () => {
    let clock = 0;
    const asked: string[] = [];
    const resolve = cachedResolver(async (name, type) => (asked.push(`${type} ${name}`), [['v=spf1 -all']]), { ttlMs: 1000, now: () => clock });
    await Promise.all([resolve('Example.com', 'TXT'), resolve('example.com', 'TXT')]);
    expect(await resolve('example.com', 'TXT')).toEqual([['v=spf1 -all']]);
    await resolve('example.com', 'MX');
    expect(asked).toEqual(['TXT Example.com', 'MX example.com']);
    clock = 1001;
    await resolve('example.com', 'TXT');
    expect(asked).toHaveLength(3);
  });

  it('keeps "no such name" for the negative time, and forgets time-outs at once', async () => {
    let clock = 0;
    let calls = 0;
    const resolve = cachedResolver(
      async (name) => {
        calls++;
        throw failure(name.startsWith('slow') ? 'ETIMEOUT' : 'ENOTFOUND');
      },
      { negativeTtlMs: 500, now: () => clock },
    );
    await expect(resolve('gone.example', 'TXT')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(resolve('gone.example', 'TXT')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    expect(calls).toBe(1);
    clock = 501;
    await expect(resolve('gone.example', 'TXT')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    expect(calls).toBe(2);
    await expect(resolve('slow.example', 'TXT')).rejects.toMatchObject({ code: 'ETIMEOUT' });
    await expect(resolve('slow.example', 'TXT')).rejects.toMatchObject({ code: 'ETIMEOUT' });
    expect(calls).toBe(4);
  });

  it('drops the oldest entries past its size', async () => {
    let calls = 0;
    const resolve = cachedResolver(async () => (calls++, []), { max: 2 });
    for (const n of ['a', 'b', 'c']) await resolve(n, 'TXT');
    await resolve('c', 'TXT');
    await resolve('a', 'TXT');
    expect(calls).toBe(4);
  });
});
