import http from 'node:http';

export type TelegramRequest = { method: string; fields: Record<string, unknown>; files: { field: string; filename: string; type: string; size: number }[] };
type Failure = { error_code: number; description: string; parameters?: { retry_after: number } };

/**
 * A local stand-in for the Telegram Bot API as documented (https://core.telegram.org/bots/api), for
 * tests: `POST /bot<token>/<method>` with JSON or multipart bodies answering `{ ok: true, result }` (or
 * the failure queued with `failNext`, in the API's `{ ok: false, error_code, description, parameters }`
 * shape); `getFile` names a path that `GET /file/bot<token>/<path>` serves. A wrong token gets 401.
 */
export async function startFakeTelegram(o: { token: string }) {
  const requests: TelegramRequest[] = [];
  const files = new Map<string, { bytes: Buffer; path: string }>();
  const failures: Failure[] = [];
  const waiters: { match: (r: TelegramRequest) => boolean; resolve: (r: TelegramRequest) => void }[] = [];
  let messageId = 9000;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://local');
      const answer = (status: number, body: unknown) => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const download = url.pathname.match(/^\/file\/bot([^/]+)\/(.+)$/);
      if (download) {
        const file = [...files.values()].find((f) => f.path === download[2]);
        if (download[1] !== o.token || !file) return answer(404, { ok: false, error_code: 404, description: 'Not Found' });
        return void res.writeHead(200, { 'content-length': file.bytes.length }).end(file.bytes);
      }
      const call = url.pathname.match(/^\/bot([^/]+)\/(\w+)$/);
      if (!call || call[1] !== o.token) return answer(401, { ok: false, error_code: 401, description: 'Unauthorized' });
      const raw = Buffer.concat(chunks);
      const type = req.headers['content-type'] ?? '';
      const request: TelegramRequest = { method: call[2]!, fields: {}, files: [] };
      if (type.startsWith('multipart/form-data')) {
        const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
        for (const [field, value] of form.entries()) {
          if (typeof value === 'string') request.fields[field] = value;
          else request.files.push({ field, filename: value.name, type: value.type, size: value.size });
        }
      } else if (raw.length) request.fields = JSON.parse(raw.toString('utf8'));
      requests.push(request);
      for (const w of waiters.filter((w) => w.match(request))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(request);
      }
      const failure = request.method.startsWith('send') ? failures.shift() : undefined;
      if (failure) return answer(failure.error_code, { ok: false, ...failure });
      switch (request.method) {
        case 'getMe':
          return answer(200, { ok: true, result: { id: 6000000001, is_bot: true, first_name: 'Demo Support', username: 'demo_support_bot' } });
        case 'setWebhook':
          return answer(200, { ok: true, result: true, description: 'Webhook was set' });
        case 'answerCallbackQuery':
          return answer(200, { ok: true, result: true });
        case 'getFile': {
          const file = files.get(String(request.fields.file_id));
          if (!file) return answer(400, { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
          return answer(200, {
            ok: true,
            result: { file_id: request.fields.file_id, file_unique_id: 'u', file_size: file.bytes.length, file_path: file.path },
          });
        }
        case 'sendMessage':
        case 'sendPhoto':
        case 'sendDocument':
          return answer(200, {
            ok: true,
            result: { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat: { id: Number(request.fields.chat_id), type: 'private' } },
          });
        default:
          return answer(404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    addFile: (fileId: string, bytes: Buffer, path: string) => void files.set(fileId, { bytes, path }),
    failNext: (error_code: number, description: string, retryAfter?: number) =>
      void failures.push({ error_code, description, ...(retryAfter ? { parameters: { retry_after: retryAfter } } : {}) }),
    waitFor(match: (r: TelegramRequest) => boolean, ms = 10_000): Promise<TelegramRequest> {
      const seen = requests.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('The fake Telegram API received no matching request')), ms);
        waiters.push({ match, resolve: (r) => (clearTimeout(timer), resolve(r)) });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
