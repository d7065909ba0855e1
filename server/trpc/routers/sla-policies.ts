import { z } from 'zod';
import { router, adminProcedure } from '../trpc';
import { deletePolicy, listPolicies, reorderPolicies, savePolicy } from '@/server/sla/sla-policies';

const id = z.number().int().positive();

/** SLA policies: admins only. The policy itself is checked by the domain (lib/sla-policy.ts), field by field. */
export const slaPoliciesRouter = router({
  list: adminProcedure.query(({ ctx }) => listPolicies(ctx.db)),
  save: adminProcedure.input(z.object({ id: id.nullable(), policy: z.unknown() })).mutation(({ ctx, input }) => savePolicy(ctx.db, input.id, input.policy)),
  reorder: adminProcedure.input(z.object({ ids: z.array(id).max(200) })).mutation(({ ctx, input }) => {
    reorderPolicies(ctx.db, input.ids);
    return { ok: true };
  }),
  delete: adminProcedure.input(z.object({ id })).mutation(({ ctx, input }) => {
    deletePolicy(ctx.db, input.id);
    return { ok: true };
  }),
});
