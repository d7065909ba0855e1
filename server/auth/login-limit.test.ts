import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '@/server/testing/test-server';
import { DEMO_AGENTS, DEMO_PASSWORD } from '@/db/seed/generate';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** One sign-in attempt from a given loopback address (the limiter keys on the client address). */
function attempt(from: string, email: string, password: string): Promise<string> {
  const body = JSON.stringify({ email, password });
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${server.url}/api/trpc/auth.login`,
      { method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          const json = JSON.parse(text) as { result?: unknown; error?: { data: { code: string } } };
          resolve(json.error ? json.error.data.code : 'OK');
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const count = (codes: string[], code: string) => codes.filter((c) => c === code).length;

describe('sign-in limits hold under concurrency', () => {
  it('checks at most 8 passwords of one account in a concurrent burst, and the right one at the end gets no session', async () => {
    const account = DEMO_AGENTS.find((a) => a.role === 'agent')!.email;
    const passwords = [...Array.from({ length: 199 }, (_, i) => `wrong-${i}`), DEMO_PASSWORD];
    // From many addresses, so only the account's own limit (8 per 15 minutes) stands in the way.
    const codes = await Promise.all(passwords.map((pw, i) => attempt(`127.0.${1 + Math.floor(i / 25)}.${1 + (i % 25)}`, account, pw)));
    expect(count(codes, 'OK')).toBe(0);
    expect(count(codes, 'BAD_REQUEST')).toBe(8);
    expect(count(codes, 'TOO_MANY_REQUESTS')).toBe(192);
  });

  it('lets one address try at most 30 accounts in a concurrent spray, and gives a successful sign-in its point back', async () => {
    const from = '127.0.200.1';
    expect(await attempt(from, 'admin@demo.local', DEMO_PASSWORD)).toBe('OK');
    const codes = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(from, `sprayed-${i}@demo.local`, 'Sommer2026!')));
    expect(count(codes, 'BAD_REQUEST')).toBe(30);
    expect(count(codes, 'TOO_MANY_REQUESTS')).toBe(70);
  });
});
