import { z } from 'zod';
import { router, agentProcedure, leadProcedure } from '../trpc';
import type { Db } from '@/db/client';
import type { Viewer } from '@/server/auth/sessions';
import { dashboardFiltersSchema, type DashboardFilters } from '@/lib/dashboard/dashboard-filters';
import { TICKET_FIGURES } from '@/db/queries/metrics-figures';
import { DIMENSIONS } from '@/db/queries/metrics-breakdowns';
import { SURVEY_TYPES } from '@/lib/surveys/survey-policy';
import { dashboardScope } from '@/server/dashboard/dashboard-scope';
import { headlineFigures } from '@/server/dashboard/dashboard-headline';
import { trend } from '@/server/dashboard/dashboard-trend';
import { staffing } from '@/server/dashboard/dashboard-staffing';
import { namedBreakdown } from '@/server/dashboard/dashboard-breakdowns';
import { liveStrip } from '@/server/dashboard/dashboard-live';
import { DRILL_PAGE_MAX, drilldown } from '@/server/dashboard/dashboard-drilldown';
import { consumeDashboardRead } from '@/server/dashboard/dashboard-limits';
import { setWeeklyDigest } from '@/server/dashboard/weekly-digest';
import { findAgentById } from '@/db/queries/agents';
import { LOCALES } from '@/lib/domain';
import { apiTokensOf, createApiToken, revokeOwnApiToken } from '@/server/metrics-api/api-tokens';

const drillSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tickets'), figure: z.enum(TICKET_FIGURES) }),
  z.object({ kind: z.literal('surveys'), type: z.enum(SURVEY_TYPES) }),
  z.object({ kind: z.literal('sla') }),
]);

/**
 * The dashboard, one procedure per panel (each loads on its own). Every agent may call them: the scope
 * (server/dashboard/dashboard-scope.ts) limits an agent to their own work and checks every filter.
 */
const reading = agentProcedure.use(async ({ ctx, next }) => {
  await consumeDashboardRead(ctx.viewer.id);
  return next();
});
const panel = reading.input(z.object({ filters: dashboardFiltersSchema }));
const scoped = (ctx: { db: Db; viewer: Viewer }, input: { filters: DashboardFilters }) => {
  const now = Date.now();
  return { now, scope: dashboardScope(ctx.db, ctx.viewer, input.filters, now) };
};

export const dashboardRouter = router({
  headline: panel.query(({ ctx, input }) => {
    const { now, scope } = scoped(ctx, input);
    return { window: scope.window, previous: scope.previous, zone: scope.zone, figures: headlineFigures(ctx.db, scope, now) };
  }),
  trend: panel.query(({ ctx, input }) => trend(ctx.db, scoped(ctx, input).scope)),
  staffing: panel.query(({ ctx, input }) => staffing(ctx.db, scoped(ctx, input).scope)),
  breakdown: reading
    .input(z.object({ filters: dashboardFiltersSchema, dimension: z.enum(DIMENSIONS), compare: z.boolean().default(false) }))
    .query(({ ctx, input }) => namedBreakdown(ctx.db, scoped(ctx, input).scope, input.dimension, input.compare)),
  live: panel.query(({ ctx, input }) => {
    const { now, scope } = scoped(ctx, input);
    return liveStrip(ctx.db, scope, now);
  }),
  drilldown: reading
    .input(
      z.object({
        filters: dashboardFiltersSchema,
        drill: drillSchema,
        period: z.enum(['current', 'previous']).default('current'),
        /** Where the page starts: tickets after a (time, id) cursor, answers and targets at an offset. */
        cursor: z
          .object({ offset: z.number().int().min(0).max(10_000_000), after: z.object({ at: z.number().int(), id: z.number().int().positive() }).nullable() })
          .nullish(),
        limit: z.number().int().min(1).max(DRILL_PAGE_MAX).default(100),
      }),
    )
    .query(({ ctx, input }) => {
      const { now, scope } = scoped(ctx, input);
      return drilldown(ctx.db, scope, input.drill, {
        period: input.period,
        offset: input.cursor?.offset ?? 0,
        after: input.cursor?.after ?? null,
        limit: input.limit,
        now,
      });
    }),
  /** The lead's own metrics API tokens: listed without secrets, created (the token shown once), revoked. */
  apiTokens: leadProcedure.query(({ ctx }) => apiTokensOf(ctx.db, ctx.viewer)),
  createApiToken: leadProcedure
    .input(z.object({ name: z.string().trim().min(1).max(80) }))
    .mutation(({ ctx, input }) => createApiToken(ctx.db, ctx.viewer, input.name, Date.now())),
  /** The lead's weekly summary email: on (in the language the screen shows) or off. */
  digest: leadProcedure.query(({ ctx }) => ({ enabled: findAgentById(ctx.db, ctx.viewer.id)?.weeklyDigest != null })),
  setDigest: leadProcedure.input(z.object({ enabled: z.boolean(), locale: z.enum(LOCALES) })).mutation(({ ctx, input }) => {
    setWeeklyDigest(ctx.db, ctx.viewer.id, input.enabled ? input.locale : null, Date.now());
    return { ok: true };
  }),
  revokeApiToken: leadProcedure.input(z.object({ id: z.number().int().positive() })).mutation(({ ctx, input }) => {
    revokeOwnApiToken(ctx.db, ctx.viewer, input.id, Date.now());
    return { ok: true };
  }),
});
