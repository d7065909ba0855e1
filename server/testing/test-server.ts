import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@/server/config';
import { startServer, type RunningServer } from '@/server/start-server';

/** A real server (HTTP, tRPC, socket.io, SQLite file in a temp dir) without Next, on a free port. */
export async function startTestServer(env: Record<string, string> = {}): Promise<RunningServer & { dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-test-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO_TICKETS: '60',
    SMTP_PORT: '0',
    OUTBOX_INTERVAL_MS: '100',
    // Replies go at once unless a test is about taking one back.
    UNDO_SEND_SECONDS: '0',
    NODE_ENV: 'test',
    MAIL_AUTH: 'false',
    ...env,
  });
  const server = await startServer({ config, next: false, log: () => {} });
  return {
    ...server,
    dataDir,
    close: async () => {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type TrpcResult<T> = { ok: true; data: T } | { ok: false; status: number; code: string; message: string; details?: unknown };

/** Minimal tRPC-over-HTTP client that keeps a cookie jar, as a browser would. */
export function httpClient(baseUrl: string, headers: Record<string, string> = {}) {
  let cookie = '';
  const call = async <T>(method: 'GET' | 'POST', proc: string, input?: unknown): Promise<TrpcResult<T>> => {
    const url = new URL(`/api/trpc/${proc}`, baseUrl);
    if (method === 'GET' && input !== undefined) url.searchParams.set('input', JSON.stringify(input));
    const res = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers },
      body: method === 'POST' ? JSON.stringify(input ?? null) : undefined,
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0]!;
    const json = (await res.json()) as { result?: { data: T }; error?: { message: string; data: { code: string; details?: unknown } } };
    if (json.error) return { ok: false, status: res.status, code: json.error.data.code, message: json.error.message, details: json.error.data.details };
    return { ok: true, data: json.result!.data };
  };
  return {
    query: <T = any>(proc: string, input?: unknown) => call<T>('GET', proc, input), // eslint-disable-line @typescript-eslint/no-explicit-any
    mutate: <T = any>(proc: string, input?: unknown) => call<T>('POST', proc, input), // eslint-disable-line @typescript-eslint/no-explicit-any
    get cookie() {
      return cookie;
    },
  };
}

/** Uploads a file as the composer does (POST /attachments) and returns its receipt for a reply's `attachments`. */
export async function uploadAttachment(baseUrl: string, cookie: string, filename: string, contentType: string, bytes: Buffer): Promise<string> {
  const res = await fetch(`${baseUrl}/attachments`, {
    method: 'POST',
    headers: { cookie, 'content-type': contentType, 'x-filename': encodeURIComponent(filename) },
    body: new Uint8Array(bytes),
  });
  if (res.status !== 201) throw new Error(`Upload refused: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** Removes the demo's survey policies, so a test's own policy is the one that applies. */
export async function clearSurveyPolicies(admin: ReturnType<typeof httpClient>) {
  const list = await admin.query<{ id: number }[]>('surveyPolicies.list');
  if (!list.ok) throw new Error(list.message);
  for (const p of list.data) await admin.mutate('surveyPolicies.delete', { id: p.id });
}

export { sendDemoInboxTo } from './demo-inbox';
