import { z } from 'zod';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { router, adminProcedure, publicProcedure } from '../trpc';
import { answerValue } from '@/lib/forms/form-definition';
import { findFormBySlug, findFormVersion, listForms } from '@/db/queries/forms';
import { saveForm } from '@/server/forms/save-form';
import { submitForm } from '@/server/forms/submit-form';
import { issueFormToken } from '@/server/forms/form-token';
import { getConfig } from '@/server/runtime-config';
import { DomainError } from '@/server/errors/domain-error';

const slug = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'lower-case letters, digits and dashes');
// Public submissions per client address: enough for an office behind one address, not for a flood.
const submitLimit = new RateLimiterMemory({ points: 20, duration: 10 * 60 });

export const formsRouter = router({
  list: adminProcedure.query(({ ctx }) => listForms(ctx.db)),

  save: adminProcedure
    .input(z.object({ id: z.number().int().positive().nullable(), slug, name: z.string().trim().min(1).max(100), channelId: z.number().int().positive(), definition: z.unknown() }))
    .mutation(({ ctx, input }) => saveForm(ctx.db, input)),

  /** What a public form page needs: the current fields and rules (routing stays internal) and a fill token. */
  getPublic: publicProcedure.input(z.object({ slug })).query(({ ctx, input }) => {
    const form = findFormBySlug(ctx.db, input.slug);
    if (!form) throw new DomainError('NOT_FOUND', 'This form does not exist');
    const { routing: _routing, ...definition } = findFormVersion(ctx.db, form.id, form.currentVersion)!.definition;
    return { name: form.name, slug: form.slug, definition, token: issueFormToken(getConfig().sessionSecret, Date.now()) };
  }),

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
      try {
        await submitLimit.consume(ctx.ip);
      } catch {
        throw new DomainError('TOO_MANY_REQUESTS', 'Too many submissions from your address. Please try again later.');
      }
      return submitForm(ctx.db, { slug: input.slug, version: input.version, answers: input.answers, token: input.token, honeypot: input.website }, getConfig().sessionSecret);
    }),
});
