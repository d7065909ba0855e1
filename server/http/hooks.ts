import type { IncomingMessage, ServerResponse } from 'node:http';
import { allAdapters } from '@/server/channels/registry';

const json = (res: ServerResponse, status: number, body: unknown) =>
  void res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));

/**
 * `/hooks/<kind>/<channel id>`: the webhooks channel adapters declare (messenger platforms calling us),
 * mounted here in one place. Each route finds its channel and checks its own signature; unknown routes get 404.
 */
export function handleHookRequest(req: IncomingMessage, res: ServerResponse) {
  const { pathname } = new URL(req.url ?? '/', 'http://local');
  const match = pathname.match(/^\/hooks\/([a-z_]+)\/(\d{1,9})$/);
  const adapter = match ? allAdapters().find((a) => a.kind === match[1]) : undefined;
  const route = adapter?.hooks?.find((r) => r.method === req.method);
  if (!route) return json(res, 404, { error: 'No such webhook' });
  Promise.resolve(route.handle(req, res, Number(match![2]))).catch((err: unknown) => {
    console.error(`Webhook ${pathname} failed:`, err);
    if (!res.headersSent) json(res, 500, { error: 'The event could not be processed; it will be retried by the sender' });
  });
}
