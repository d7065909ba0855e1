// Baseline for the webhook benchmark: a bare HTTP server that reads the body, checks Meta's
// X-Hub-Signature-256 (HMAC-SHA256 of the raw body, compared in constant time) and answers 200. No
// parsing, no storage, no domain code: the floor any webhook receiver stands on.
import crypto from 'node:crypto';
import http from 'node:http';

const secret = process.argv[2] ?? 'bench-app-secret';
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const expected = Buffer.from(`sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`);
    const got = Buffer.from(String(req.headers['x-hub-signature-256'] ?? ''));
    const ok = got.length === expected.length && crypto.timingSafeEqual(got, expected);
    res.writeHead(ok ? 200 : 403, { 'content-type': 'text/plain' }).end(ok ? 'EVENT_RECEIVED' : 'no');
  });
});
server.listen(0, '127.0.0.1', () => console.log(`raw webhook receiver on port ${server.address().port}`));
