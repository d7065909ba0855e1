import { z } from 'zod';
import { TRPCError } from '@trpc/server';
import { LOCALES } from '@/lib/domain';
import { router, publicProcedure, agentProcedure } from '../trpc';
import { login } from '@/server/auth/login';
import { clearedSessionCookie, revokeSession, sessionCookie } from '@/server/auth/sessions';
import { consumeSetupToken } from '@/server/auth/bootstrap-admin';
import { hashPassword } from '@/server/auth/password';
import { findAgentById, insertAgent, setAgentLocale, setAgentSignature } from '@/db/queries/agents';
import { checkSignature, MAX_SIGNATURE } from '@/server/tickets/signature';
import { getConfig } from '@/server/runtime-config';
import { getBus } from '@/server/realtime/bus';
import { AGENT_STATUSES } from '@/lib/agent-status';
import { setAgentStatus } from '@/db/queries/chat-routing';

const credentials = z.object({ email: z.string().trim().email().max(200), password: z.string().min(1).max(200) });

export const authRouter = router({
  me: publicProcedure.query(({ ctx }) =>
    ctx.viewer ? { id: ctx.viewer.id, name: ctx.viewer.name, email: ctx.viewer.email, role: ctx.viewer.role, locale: ctx.viewer.locale } : null,
  ),

  login: publicProcedure.input(credentials).mutation(async ({ ctx, input }) => {
    const config = getConfig();
    const ttl = config.SESSION_TTL_HOURS * 3600_000;
    const { agent, token, expiresAt } = await login(ctx.db, { ...input, ip: ctx.ip }, ttl);
    ctx.res?.setHeader('Set-Cookie', sessionCookie(token, expiresAt, config.publicUrl.startsWith('https:')));
    return { id: agent.id, name: agent.name, role: agent.role };
  }),

  logout: agentProcedure.mutation(({ ctx }) => {
    revokeSession(ctx.db, ctx.viewer.sessionId);
    getBus().emit('session.revoked', { sessionIds: [ctx.viewer.sessionId] });
    ctx.res?.setHeader('Set-Cookie', clearedSessionCookie());
    return { ok: true };
  }),

  /** Online, away or offline: what colleagues see, and whether chats are routed to me. */
  setStatus: agentProcedure.input(z.object({ status: z.enum(AGENT_STATUSES) })).mutation(({ ctx, input }) => {
    setAgentStatus(ctx.db, ctx.viewer.id, input.status);
    getBus().emit('agent.status');
    return { ok: true };
  }),

  /** My signature under public email replies, in English and German (the customer's language is picked when sending). */
  signature: agentProcedure.query(({ ctx }) => {
    const agent = findAgentById(ctx.db, ctx.viewer.id)!;
    return { en: agent.signatureEn, de: agent.signatureDe };
  }),
  setSignature: agentProcedure.input(z.object({ en: z.string().max(MAX_SIGNATURE), de: z.string().max(MAX_SIGNATURE) })).mutation(({ ctx, input }) => {
    const signature = checkSignature(input);
    setAgentSignature(ctx.db, ctx.viewer.id, signature);
    return signature;
  }),

  setLocale: agentProcedure.input(z.object({ locale: z.enum(LOCALES).nullable() })).mutation(({ ctx, input }) => {
    setAgentLocale(ctx.db, ctx.viewer.id, input.locale);
    return { ok: true };
  }),

  /** Creates the first admin with the one-time token printed at start. */
  setup: publicProcedure
    .input(credentials.extend({ token: z.string().min(1).max(100), name: z.string().trim().min(1).max(100), password: z.string().min(10).max(200) }))
    .mutation(async ({ ctx, input }) => {
      if (!consumeSetupToken(ctx.db, input.token)) throw new TRPCError({ code: 'FORBIDDEN', message: 'This setup link is invalid or was already used' });
      const agent = insertAgent(ctx.db, { email: input.email, name: input.name, passwordHash: await hashPassword(input.password), role: 'admin' });
      return { id: agent.id };
    }),
});
