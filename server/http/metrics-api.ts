import type { IncomingMessage, ServerResponse } from 'node:http';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { getDb } from '@/db/client';
import { dashboardFiltersSchema } from '@/lib/dashboard/dashboard-filters';
import { DIMENSIONS, parseDrill, type Dimension } from '@/lib/dashboard/figure-kinds';
import { DomainError } from '@/server/errors/domain-error';
import { viewerOfApiToken } from '@/server/metrics-api/api-tokens';
import { dashboardScope } from '@/server/dashboard/dashboard-scope';
import { headlineFigures } from '@/server/dashboard/dashboard-headline';
import { trend } from '@/server/dashboard/dashboard-trend';
import { staffing } from '@/server/dashboard/dashboard-staffing';
import { namedBreakdown } from '@/server/dashboard/dashboard-breakdowns';
import { liveStrip } from '@/server/dashboard/dashboard-live';
import { drilldown } from '@/server/dashboard/dashboard-drilldown';

const PANELS = ['headline', 'trend', 'staffing', 'breakdown', 'live', 'rows'] as const;
type Panel = (typeof PANELS)[number];
const PATH = /^\/api\/metrics\/v1\/([a-z]+)(?:\?|$)/;

export const isMetricsApi = (req: IncomingMessage) => !!req.url?.match(/^\/api\/metrics\//);

// Per token: a BI tool refreshing a few dashboards is far below this; a runaway script is stopped.
const perToken = new RateLimiterMemory({ points: 120, duration: 60 });

/**
 * GET /api/metrics/v1/<panel>?<the dashboard's filters>, `Authorization: Bearer <token>`: the dashboard's
 * figures as JSON for BI tools, read-only, with the same scope checks as the page (the token acts as its
 * lead). Panels: headline, trend, staffing, breakdown (&dimension=), live, rows (&d=<figure>, &offset=).
 */
export async function handleMetricsApi(req: IncomingMessage, res: ServerResponse) {
  const send = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    void res
      .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers })
      .end(JSON.stringify(body));
  const refuse = (status: number, key: string, message: string, headers?: Record<string, string>) => send(status, { error: { key, message } }, headers);
  if (req.method !== 'GET') return refuse(405, 'method_not_allowed', 'The metrics API is read-only: use GET', { allow: 'GET' });
  const panel = req.url!.match(PATH)?.[1] as Panel | undefined;
  if (!panel || !PANELS.includes(panel)) return refuse(404, 'not_found', `Unknown panel; one of: ${PANELS.join(', ')}`);
  const db = getDb();
  const now = Date.now();
  const bearer = req.headers.authorization?.match(/^Bearer (\S+)$/)?.[1];
  const viewer = viewerOfApiToken(db, bearer, now);
  if (!viewer) return refuse(401, 'api_token_invalid', 'A valid metrics API token is needed (Authorization: Bearer hdm_…)', { 'www-authenticate': 'Bearer' });
  try {
    await perToken.consume(viewer.sessionId);
  } catch {
    return refuse(429, 'rate_limited', 'Too many requests for this token; try again in a minute', { 'retry-after': '60' });
  }
  const params = new URL(req.url!, 'http://x').searchParams;
  const own = new Set(['dimension', 'd', 'offset']);
  const parsed = dashboardFiltersSchema.safeParse(Object.fromEntries([...params.entries()].filter(([k]) => !own.has(k))));
  if (!parsed.success) return refuse(400, 'filters_invalid', `Unknown filter values: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  try {
    const scope = dashboardScope(db, viewer, parsed.data, now);
    const meta = { window: scope.window, previous: scope.previous, zone: scope.zone, cohort: scope.filters.cohort, clock: scope.filters.clock };
    if (panel === 'headline') return send(200, { ...meta, figures: headlineFigures(db, scope, now) });
    if (panel === 'trend') return send(200, { ...meta, interval: scope.filters.interval, buckets: trend(db, scope) });
    if (panel === 'staffing') return send(200, { ...meta, ...staffing(db, scope) });
    if (panel === 'live') return send(200, liveStrip(db, scope, now));
    if (panel === 'breakdown') {
      const dimension = params.get('dimension') ?? 'team';
      if (!(DIMENSIONS as readonly string[]).includes(dimension)) return refuse(400, 'dimension_invalid', `dimension: one of ${DIMENSIONS.join(', ')}`);
      return send(200, { ...meta, dimension, rows: namedBreakdown(db, scope, dimension as Dimension) });
    }
    const drill = parseDrill(params.get('d'));
    const offset = Number(params.get('offset') ?? 0);
    if (!drill) return refuse(400, 'figure_invalid', 'd: a figure such as tickets.fcr, surveys.csat or sla');
    if (!Number.isSafeInteger(offset) || offset < 0) return refuse(400, 'offset_invalid', 'offset: a whole number ≥ 0');
    // Rows by offset here (a BI tool pages plainly); the CSV export streams them all.
    return send(200, { ...meta, ...drilldown(db, scope, drill, { period: 'current', offset, after: null, limit: 200, now }) });
  } catch (err) {
    if (err instanceof DomainError) return refuse(err.code === 'FORBIDDEN' ? 403 : err.code === 'NOT_FOUND' ? 404 : 400, err.key, err.message);
    throw err;
  }
}
