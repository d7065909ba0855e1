import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DownloadRefused, fetchBounded } from './fetch-bounded';

// A platform's file server that misbehaves in the ways a media download must survive.
let server: http.Server;
let base = '';
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/slow') {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      res.write('first bytes…');
      return; // and never the rest
    }
    if (req.url === '/endless') {
      res.writeHead(200, { 'content-type': 'video/mp4' }); // no length: counted while it streams
      const chunk = Buffer.alloc(64 * 1024);
      const pump = (): void => void (res.write(chunk) ? setImmediate(pump) : res.once('drain', pump));
      return pump();
    }
    if (req.url === '/declared') return void res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) }).end();
    if (req.url === '/ok') return void res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4');
    if (req.url === '/untyped') return void res.end('plain bytes');
    if (req.url === '/exact') return void res.writeHead(200, { 'content-length': '1024' }).end(Buffer.alloc(1024));
    if (req.url === '/silent') return; // never even the headers
    if (req.url === '/cut') {
      res.writeHead(200);
      res.write('half a file');
      return void setTimeout(() => res.destroy(), 20);
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const get = (path: string, maxBytes = 1024 * 1024, timeoutMs = 2000) => fetchBounded(`${base}${path}`, { maxBytes, timeoutMs });

describe('bounded downloads of customers’ files', () => {
  it('returns the file and its type, up to exactly the limit', async () => {
    const file = await get('/ok');
    expect([file.body.toString(), file.contentType]).toEqual(['%PDF-1.4', 'application/pdf']);
    expect((await get('/untyped')).contentType).toBe('application/octet-stream');
    expect((await get('/exact', 1024)).body.length).toBe(1024);
  });

  it('abandons a download that stalls, refuses one that is too large by its length or while it streams, and says why', async () => {
    await expect(get('/slow', 1024 * 1024, 300)).rejects.toThrow(new DownloadRefused('took longer than 0.3 s'));
    await expect(get('/declared')).rejects.toThrow(new DownloadRefused('is larger than 1 MB'));
    await expect(get('/endless')).rejects.toThrow(new DownloadRefused('is larger than 1 MB'));
    await expect(get('/missing')).rejects.toThrow(new DownloadRefused('the platform answered 404'));
    await expect(get('/silent', 1024, 300)).rejects.toThrow(new DownloadRefused('took longer than 0.3 s'));
    await expect(get('/cut')).rejects.toThrow(/^was cut off \(/);
    await expect(fetchBounded('http://127.0.0.1:9/none', { maxBytes: 1024, timeoutMs: 2000 })).rejects.toThrow(/^could not be fetched \(/);
  });
});
