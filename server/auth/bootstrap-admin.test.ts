import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, httpClient } from '@/server/testing/test-server';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ DEMO_DATA: 'false' });
});
afterAll(async () => {
  await server?.close();
});

describe('first start without agents', () => {
  it('prints a one-time setup link that creates the first admin once', async () => {
    const link = server.notices.find((n) => n.includes('/setup?token='));
    expect(link).toBeDefined();
    const token = new URL(link!.slice(link!.indexOf('http'))).searchParams.get('token')!;
    const c = httpClient(server.url);
    const input = { token, name: 'Erste Admin', email: 'chefin@example.de', password: 'sehr-geheim-123' };
    expect(await c.mutate('auth.setup', { ...input, token: 'guessed' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await c.mutate('auth.setup', input)).toMatchObject({ ok: true });
    expect(await c.mutate('auth.setup', { ...input, email: 'zweite@example.de' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await c.mutate('auth.login', { email: 'chefin@example.de', password: 'sehr-geheim-123' })).toMatchObject({ ok: true, data: { role: 'admin' } });
  });
});
