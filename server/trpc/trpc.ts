import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { hasRole, type Role } from '@/lib/domain';
import { DomainError } from '@/server/errors/domain-error';
import type { Context } from './context';

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause : null;
    // Unexpected failures are logged in full and shown to the browser without internals.
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      console.error(error);
      return { ...shape, message: 'Internal error', data: { ...shape.data, stack: undefined } };
    }
    const domain = error.cause instanceof DomainError ? error.cause : undefined;
    return {
      ...shape,
      // Field-level messages for forms; the top-level message stays readable on its own.
      message: zod ? zod.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ') : shape.message,
      // The key and its parameters let each client say it in its reader's language.
      data: {
        ...shape.data,
        fieldErrors: zod ? zod.flatten().fieldErrors : undefined,
        details: domain?.details,
        key: domain?.key,
        params: domain?.params,
        stack: undefined,
      },
    };
  },
});

/** Domain errors become tRPC errors with the same message; anything else stays an opaque 500. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof DomainError) throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  return result;
});

const csrf = t.middleware(({ ctx, type, next }) => {
  if (type === 'mutation' && !ctx.originOk) throw new TRPCError({ code: 'FORBIDDEN', message: 'Cross-site request refused' });
  return next();
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapErrors).use(csrf);

function withRole(required: Role) {
  return publicProcedure.use(({ ctx, next }) => {
    if (!ctx.viewer) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' });
    if (!hasRole(ctx.viewer.role, required)) throw new TRPCError({ code: 'FORBIDDEN', message: `This needs the ${required} role` });
    return next({ ctx: { ...ctx, viewer: ctx.viewer } });
  });
}

export const agentProcedure = withRole('agent');
export const leadProcedure = withRole('lead');
export const adminProcedure = withRole('admin');
