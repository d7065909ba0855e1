import { describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { startTestServer, httpClient } from '@/server/testing/test-server';
import { getDb } from '@/db/client';
import { DEMO_PASSWORD } from '@/db/seed/generate';

describe('graceful shutdown', () => {
  it('disconnects sockets, stops accepting requests and closes the database', async () => {
    const server = await startTestServer();
    const c = httpClient(server.url);
    await c.mutate('auth.login', { email: 'jana@demo.local', password: DEMO_PASSWORD });
    const socket = connect(`${server.url}/agent`, { extraHeaders: { cookie: c.cookie }, transports: ['websocket'], reconnection: false });
    await new Promise((resolve) => socket.on('connect', () => resolve(null)));
    const disconnected = new Promise((resolve) => socket.on('disconnect', resolve));

    await Promise.all([server.close(), server.close()]); // a second signal must not close twice
    await disconnected;
    expect(() => getDb()).toThrow(/not opened/);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
