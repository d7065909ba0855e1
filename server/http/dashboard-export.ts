import type { IncomingMessage, ServerResponse } from 'node:http';
import { once } from 'node:events';
import { getDb } from '@/db/client';
import { readSessionToken, validateSession } from '@/server/auth/sessions';
import { getConfig } from '@/server/runtime-config';
import { dashboardFiltersSchema } from '@/lib/dashboard/dashboard-filters';
import { DomainError } from '@/server/errors/domain-error';
import { dashboardScope } from '@/server/dashboard/dashboard-scope';
import { exportRows } from '@/server/dashboard/dashboard-export';
import { consumeDashboardExport } from '@/server/dashboard/dashboard-limits';
import { parseDrill } from '@/lib/dashboard/figure-kinds';

export const isDashboardExport = (req: IncomingMessage) => req.method === 'GET' && !!req.url?.match(/^\/dashboard\/export\.csv(?:\?|$)/);

/**
 * GET /dashboard/export.csv?<the dashboard's filters>[&d=<drill>]: the rows behind the current view (or
 * one figure) as CSV, streamed page by page (waiting when the client reads slowly), no row cap. The
 * same session and scope checks as the dashboard's procedures.
 */
export async function handleDashboardExport(req: IncomingMessage, res: ServerResponse) {
  const config = getConfig();
  const db = getDb();
  const viewer = validateSession(db, readSessionToken(req.headers.cookie), config.SESSION_TTL_HOURS * 3600_000);
  const refuse = (status: number, message: string) =>
    void res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(message);
  if (!viewer) return refuse(401, 'Sign in first');
  const params = new URL(req.url!, 'http://x').searchParams;
  const parsed = dashboardFiltersSchema.safeParse(Object.fromEntries([...params.entries()].filter(([k]) => k !== 'd')));
  if (!parsed.success) return refuse(400, `Unknown filter values: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  const drill = params.has('d') ? parseDrill(params.get('d')) : null;
  if (params.has('d') && !drill) return refuse(400, 'Unknown figure');
  const now = Date.now();
  let scope;
  try {
    await consumeDashboardExport(viewer.id);
    scope = dashboardScope(db, viewer, parsed.data, now);
  } catch (err) {
    if (err instanceof DomainError) return refuse(err.code === 'FORBIDDEN' ? 403 : err.code === 'TOO_MANY_REQUESTS' ? 429 : 400, err.message);
    throw err;
  }
  const name = `helpdesk-${drill ? (drill.kind === 'tickets' ? drill.figure : drill.kind === 'surveys' ? drill.type : 'sla') : 'tickets'}-${scope.window.fromDay}-${scope.window.toDay}.csv`;
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  for (const chunk of exportRows(db, scope, drill, now)) {
    if (res.destroyed) return;
    // Each page is read at once (no statement held open across the wait); a slow reader pauses the export.
    if (!res.write(chunk)) await once(res, 'drain');
  }
  res.end();
}
