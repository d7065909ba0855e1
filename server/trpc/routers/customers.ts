import { z } from 'zod';
import { router, agentProcedure } from '../trpc';
import { getCustomerProfile } from '@/server/customers/get-customer-profile';
import { mergeCustomers } from '@/server/customers/merge-customers';
import { searchCustomers } from '@/db/queries/customer-merge';
import { toFtsQuery } from '@/server/search/fts-query';

const id = z.number().int().positive();

export const customersRouter = router({
  profile: agentProcedure.input(z.object({ id })).query(({ ctx, input }) => getCustomerProfile(ctx.db, input.id)),
  /** By name or email, for linking a messenger identity to the person it belongs to. */
  search: agentProcedure.input(z.object({ q: z.string().trim().min(2).max(100) })).query(({ ctx, input }) => {
    const fts = toFtsQuery(input.q);
    return fts ? searchCustomers(ctx.db, fts, 20) : [];
  }),
  /** `source` becomes part of `target`: identities, tickets and messages move, the source record goes. */
  link: agentProcedure.input(z.object({ sourceId: id, targetId: id })).mutation(({ ctx, input }) => mergeCustomers(ctx.db, input)),
});
