import { z } from 'zod';
import { router, agentProcedure } from '../trpc';
import { savedViewInputSchema } from '@/lib/saved-views';
import { createSavedView, deleteSavedView, updateSavedView, viewsFor } from '@/server/views/saved-view-admin';
import { viewCounts } from '@/server/views/view-counts';

const id = z.number().int().positive();

/** Saved inbox views (personal, a team's, everyone's) and every sidebar view's count; the rules live in server/views. */
export const viewsRouter = router({
  list: agentProcedure.query(({ ctx }) => viewsFor(ctx.db, ctx.viewer)),
  counts: agentProcedure.query(({ ctx }) => viewCounts(ctx.db, ctx.viewer)),
  create: agentProcedure.input(savedViewInputSchema).mutation(({ ctx, input }) => createSavedView(ctx.db, ctx.viewer, input)),
  update: agentProcedure
    .input(z.object({ id, view: savedViewInputSchema }))
    .mutation(({ ctx, input }) => updateSavedView(ctx.db, ctx.viewer, input.id, input.view)),
  delete: agentProcedure.input(z.object({ id })).mutation(({ ctx, input }) => {
    deleteSavedView(ctx.db, ctx.viewer, input.id);
    return { ok: true };
  }),
});
