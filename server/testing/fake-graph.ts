import crypto from 'node:crypto';
import http from 'node:http';

export type GraphRequest = { method: string; path: string; authorization: string | undefined; body: Record<string, unknown> | null };
type Answer = { status: number; body: unknown; headers?: Record<string, string> };

/**
 * A local stand-in for Meta's Graph API as the WhatsApp Cloud API documents it, for tests: `POST
 * /<phone-number-id>/messages` answers `{ messaging_product, contacts, messages: [{ id }] }` (or the
 * error queued with `failNext`, in Graph's `{ error: { message, type, code, error_data, fbtrace_id } }`
 * shape); `GET /<media-id>` answers the media's download URL on this server, which serves the bytes only
 * with the same bearer token; `GET /<phone-number-id>?fields=…` describes the number.
 */
export async function startFakeGraph(o: { token: string; phoneNumberId?: string; pageId?: string }) {
  const requests: GraphRequest[] = [];
  const media = new Map<string, { bytes: Buffer; mimeType: string; delayMs?: number }>();
  const failures: Answer[] = [];
  /** Messenger: people's public profiles, and files on the platform's CDN (fetched without a token). */
  const profiles = new Map<string, { first_name: string; last_name?: string }>();
  const cdn = new Map<string, Buffer>();
  const waiters: { match: (r: GraphRequest) => boolean; resolve: (r: GraphRequest) => void }[] = [];
  let sent = 0;
  let port = 0;
  /** The wamid of each message accepted, in order: what a test names in the statuses it sends back. */
  const sentIds: string[] = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://local');
      const bytes = Buffer.concat(chunks);
      const type = req.headers['content-type'] ?? '';
      // Multipart uploads (media, attachments) are recorded as their fields, a file as its name, type and size.
      let body: Record<string, unknown> | null = null;
      if (type.startsWith('multipart/form-data')) {
        body = {};
        for (const [k, v] of (await new Response(bytes, { headers: { 'content-type': type } }).formData()).entries()) {
          body[k] = typeof v === 'string' ? v : { filename: v.name, type: v.type, size: v.size };
        }
      } else if (bytes.length) body = JSON.parse(bytes.toString('utf8'));
      const request: GraphRequest = { method: req.method ?? 'GET', path: url.pathname, authorization: req.headers.authorization, body };
      requests.push(request);
      for (const w of waiters.filter((w) => w.match(request))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(request);
      }
      const answer = (a: Answer) => void res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers }).end(JSON.stringify(a.body));
      const public_ = url.pathname.startsWith('/cdn/') ? cdn.get(url.pathname.slice('/cdn/'.length)) : undefined;
      if (public_) return void res.writeHead(200, { 'content-length': public_.length }).end(public_);
      if (req.headers.authorization !== `Bearer ${o.token}`) {
        return answer({ status: 401, body: graphError(190, 'Error validating access token: Session has expired', 'OAuthException') });
      }
      const file = url.pathname.startsWith('/download/') ? media.get(url.pathname.slice('/download/'.length)) : undefined;
      if (file) {
        const send = () => void res.writeHead(200, { 'content-type': file.mimeType, 'content-length': file.bytes.length }).end(file.bytes);
        return file.delayMs ? void setTimeout(send, file.delayMs) : send();
      }
      if (req.method === 'POST' && url.pathname === `/${o.phoneNumberId}/messages`) {
        const failure = failures.shift();
        if (failure) return answer(failure);
        const to = String(request.body?.to ?? '');
        const id = `wamid.SENT${++sent}.${port}`;
        sentIds.push(id);
        return answer({ status: 200, body: { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id }] } });
      }
      if (req.method === 'POST' && url.pathname === `/${o.phoneNumberId}/media`) return answer({ status: 200, body: { id: `media.UP${++sent}` } });
      if (req.method === 'POST' && url.pathname === '/me/messages') {
        const failure = failures.shift();
        if (failure) return answer(failure);
        const id = `m_SENT${++sent}.${port}`;
        sentIds.push(id);
        const recipient = typeof request.body?.recipient === 'string' ? JSON.parse(request.body.recipient) : request.body?.recipient;
        return answer({ status: 200, body: { recipient_id: (recipient as { id?: string } | undefined)?.id, message_id: id } });
      }
      if (req.method === 'GET' && url.pathname === '/me') return answer({ status: 200, body: { id: o.pageId, name: 'Demo Shop' } });
      const profile = profiles.get(url.pathname.slice(1));
      if (req.method === 'GET' && profile) return answer({ status: 200, body: { ...profile, id: url.pathname.slice(1) } });
      if (req.method === 'GET' && url.pathname === `/${o.phoneNumberId}`) {
        return answer({
          status: 200,
          body: { display_phone_number: '+49 30 123456', verified_name: 'Demo Shop', quality_rating: 'GREEN', id: o.phoneNumberId },
        });
      }
      const mediaId = url.pathname.slice(1);
      const stored = media.get(mediaId);
      if (req.method === 'GET' && stored) {
        const address = server.address() as { port: number };
        return answer({
          status: 200,
          body: {
            messaging_product: 'whatsapp',
            url: `http://127.0.0.1:${address.port}/download/${mediaId}`,
            mime_type: stored.mimeType,
            sha256: crypto.createHash('sha256').update(stored.bytes).digest('base64'),
            file_size: stored.bytes.length,
            id: mediaId,
          },
        });
      }
      answer({ status: 400, body: graphError(100, `Unsupported get request. Object with ID '${mediaId}' does not exist`, 'GraphMethodException') });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    sentIds,
    addMedia: (id: string, bytes: Buffer, mimeType: string, delayMs?: number) => void media.set(id, { bytes, mimeType, delayMs }),
    addProfile: (psid: string, profile: { first_name: string; last_name?: string }) => void profiles.set(psid, profile),
    /** A file at `<url>/cdn/<name>`, as Messenger hands attachment URLs out. */
    addCdnFile: (name: string, bytes: Buffer) => void cdn.set(name, bytes),
    /** The next send answers this Graph error (HTTP status, code, title, details), e.g. 400 / 131047 for a closed window. */
    failNext(status: number, code: number, message: string, details?: string, headers?: Record<string, string>) {
      failures.push({ status, body: graphError(code, message, 'OAuthException', details), headers });
    },
    sends: () => requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages')),
    waitFor(match: (r: GraphRequest) => boolean, ms = 10_000): Promise<GraphRequest> {
      const seen = requests.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('The fake Graph API received no matching request')), ms);
        waiters.push({ match, resolve: (r) => (clearTimeout(timer), resolve(r)) });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function graphError(code: number, message: string, type: string, details?: string) {
  return {
    error: {
      message: `(#${code}) ${message}`,
      type,
      code,
      ...(details ? { error_data: { messaging_product: 'whatsapp', details } } : {}),
      fbtrace_id: 'AbCdEfGhIjK',
    },
  };
}

/** Signs a webhook body as Meta does: `sha256=` and the HMAC-SHA256 of the raw bytes with the app secret. */
export function metaSignature(body: string, appSecret: string) {
  return `sha256=${crypto.createHmac('sha256', appSecret).update(body).digest('hex')}`;
}
