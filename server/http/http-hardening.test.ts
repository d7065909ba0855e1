import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { startTestServer, httpClient } from '@/server/testing/test-server';
import { DEMO_PASSWORD } from '@/db/seed/generate';
import { API_BODY_LIMIT_BYTES } from './body-limit';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/**
 * Streams up to `totalBytes` of body to a public procedure, in 1 MB chunks, until the server answers;
 * resolves with the status (or 'reset' when the server closed the connection instead).
 */
function postLarge(totalBytes: number, declareLength: boolean): Promise<number | 'reset'> {
  return new Promise((resolve) => {
    const req = http.request(`${server.url}/api/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(declareLength ? { 'content-length': totalBytes } : { 'transfer-encoding': 'chunked' }) },
    });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      res.resume();
      resolve(res.statusCode!);
    });
    req.on('error', () => !answered && resolve('reset'));
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (!answered && sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('HTTP limits and headers', () => {
  it('refuses an oversized API body with 413 before reading it, whether its length is declared or not', async () => {
    const before = process.memoryUsage().rss;
    expect(await postLarge(300 * 1024 * 1024, true)).toBe(413);
    expect(await postLarge(40 * 1024 * 1024, false)).toBe(413);
    // The server shares this process: had it buffered either body, RSS would have grown by far more.
    expect(process.memoryUsage().rss - before).toBeLessThan(30 * 1024 * 1024);
    // A body just under the limit is read and answered on its merits.
    const ok = await fetch(`${server.url}/api/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'x@demo.local', password: 'x'.repeat(API_BODY_LIMIT_BYTES - 100) }),
    });
    expect(ok.status).toBe(400);
  });

  it('sends API answers uncached and unsniffable, and answers OPTIONS * without an error', async () => {
    const res = await fetch(`${server.url}/api/trpc/auth.me`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const status = await new Promise<string>((resolve) => {
      const socket = net.connect(server.port, '127.0.0.1', () => socket.write('OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'));
      let text = '';
      socket.on('data', (d) => (text += d));
      socket.on('end', () => resolve(text.split('\r\n')[0]!));
    });
    expect(status).toBe('HTTP/1.1 204 No Content');
  });

  it('sends security headers with the widget demo page', async () => {
    const res = await fetch(`${server.url}/widget/demo`);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self';.*frame-ancestors 'none'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses agent sockets from any other origin of the same site, and from another scheme', async () => {
    const agent = httpClient(server.url);
    await agent.mutate('auth.login', { email: 'jana@demo.local', password: DEMO_PASSWORD });
    const handshake = (origin: string) =>
      new Promise<string>((resolve) => {
        const s = connect(`${server.url}/agent`, {
          extraHeaders: { cookie: agent.cookie, origin },
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
        });
        s.on('connect', () => (s.close(), resolve('connected')));
        s.on('connect_error', (err) => (s.close(), resolve(err.message)));
      });
    const own = new URL(server.url);
    expect(await handshake(own.origin)).toBe('connected');
    expect(await handshake(`http://evil.${own.hostname}.nip.test:${own.port}`)).toBe('forbidden_origin');
    expect(await handshake(`http://sibling.localhost:${own.port}`)).toBe('forbidden_origin');
    expect(await handshake(`https://${own.host}`)).toBe('forbidden_origin');
    expect(await handshake('null')).toBe('forbidden_origin');
  });
});
