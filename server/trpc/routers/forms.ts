import { z } from 'zod';
import { router, adminProcedure, publicProcedure } from '../trpc';
import { answerValue } from '@/lib/forms/form-definition';
import { listForms } from '@/db/queries/forms';
import { saveForm } from '@/server/forms/save-form';
import { duplicateForm, getFormForEditing } from '@/server/forms/admin-forms';
import { submitForm } from '@/server/forms/submit-form';
import { getPublicForm } from '@/server/forms/public-form';
import { getConfig } from '@/server/runtime-config';
import { consumePublicSubmission } from '@/server/forms/submission-limit';

const slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'lower-case letters, digits and dashes');

export const formsRouter = router({
  list: adminProcedure.query(({ ctx }) => listForms(ctx.db)),

  get: adminProcedure.input(z.object({ id: z.number().int().positive() })).query(({ ctx, input }) => getFormForEditing(ctx.db, input.id)),

  duplicate: adminProcedure.input(z.object({ id: z.number().int().positive() })).mutation(({ ctx, input }) => duplicateForm(ctx.db, input.id)),

  save: adminProcedure
    .input(
      z.object({
        id: z.number().int().positive().nullable(),
        slug,
        name: z.string().trim().min(1).max(100),
        channelId: z.number().int().positive(),
        definition: z.unknown(),
        baseVersion: z.number().int().positive().optional(),
      }),
    )
    .mutation(({ ctx, input }) => saveForm(ctx.db, input)),

  getPublic: publicProcedure.input(z.object({ slug })).query(({ ctx, input }) => getPublicForm(ctx.db, input.slug, getConfig().sessionSecret)),

  submit: publicProcedure
    .input(
      z.object({
        slug,
        version: z.number().int().positive(),
        answers: z.record(z.string().max(40), answerValue).refine((a) => Object.keys(a).length <= 100, 'too many answers'),
        token: z.string().max(100),
        /** Left empty by people; filled by robots that fill every field. */
        website: z.string().max(200).default(''),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await consumePublicSubmission(ctx.ip);
      // Files come only through the form page (multipart); a file answer sent here counts as no file.
      return submitForm(
        ctx.db,
        { slug: input.slug, version: input.version, answers: input.answers, token: input.token, honeypot: input.website },
        getConfig().sessionSecret,
      );
    }),
});
