import { z } from 'zod';
import { router, adminProcedure } from '../trpc';
import { deleteSurveyPolicy, listSurveyPolicies, reorderSurveyPolicies, saveSurveyPolicy } from '@/server/surveys/survey-policies';

const id = z.number().int().positive();

/** Survey policies: admins only. The policy itself is checked by the domain (lib/surveys/survey-policy.ts). */
export const surveyPoliciesRouter = router({
  list: adminProcedure.query(({ ctx }) => listSurveyPolicies(ctx.db)),
  save: adminProcedure
    .input(z.object({ id: id.nullable(), policy: z.unknown() }))
    .mutation(({ ctx, input }) => saveSurveyPolicy(ctx.db, input.id, input.policy)),
  reorder: adminProcedure.input(z.object({ ids: z.array(id).max(200) })).mutation(({ ctx, input }) => {
    reorderSurveyPolicies(ctx.db, input.ids);
    return { ok: true };
  }),
  delete: adminProcedure.input(z.object({ id })).mutation(({ ctx, input }) => {
    deleteSurveyPolicy(ctx.db, input.id);
    return { ok: true };
  }),
});
