import { z } from 'zod';
import { router, agentProcedure } from '../trpc';
import { macroInputSchema } from '@/lib/macros';
import { listMacrosFor } from '@/db/queries/macros';
import { createMacro, deleteMacro, updateMacro } from '@/server/macros/macro-admin';
import { applyMacro } from '@/server/macros/apply-macro';

const id = z.number().int().positive();
const view = (m: ReturnType<typeof listMacrosFor>[number]) => ({
  id: m.id,
  name: m.name,
  shared: m.ownerAgentId === null,
  text: { en: m.textEn, de: m.textDe },
  actions: m.actions,
  updatedAt: m.updatedAt,
});

/** Canned replies and macros: every agent picks from the shared ones and their own; keeping shared ones is for leads. */
export const macrosRouter = router({
  list: agentProcedure.query(({ ctx }) => listMacrosFor(ctx.db, ctx.viewer.id).map(view)),
  create: agentProcedure.input(macroInputSchema).mutation(({ ctx, input }) => view(createMacro(ctx.db, ctx.viewer, input))),
  update: agentProcedure
    .input(z.object({ id, macro: macroInputSchema }))
    .mutation(({ ctx, input }) => view(updateMacro(ctx.db, ctx.viewer, input.id, input.macro))),
  delete: agentProcedure.input(z.object({ id })).mutation(({ ctx, input }) => {
    deleteMacro(ctx.db, ctx.viewer, input.id);
    return { ok: true };
  }),
  /** Its actions now, in one step; its text (customer's language, placeholders filled) back for the composer. */
  applyToTicket: agentProcedure.input(z.object({ macroId: id, ticketId: id })).mutation(({ ctx, input }) => applyMacro(ctx.db, ctx.viewer, input)),
});
