import { z } from 'zod';
import { router, agentProcedure } from '../trpc';
import { getCustomerProfile } from '@/server/customers/get-customer-profile';

export const customersRouter = router({
  profile: agentProcedure.input(z.object({ id: z.number().int().positive() })).query(({ ctx, input }) => getCustomerProfile(ctx.db, input.id)),
});
