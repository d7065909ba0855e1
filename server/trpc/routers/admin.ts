import { z } from 'zod';
import { TRPCError } from '@trpc/server';
import { router, adminProcedure } from '../trpc';
import { ROLES } from '@/lib/domain';
import { findAgentByEmail, insertAgent, insertTeam, listAgentsWithTeams, listTeams, updateAgent } from '@/db/queries/agents';
import { deleteSessionsOfAgent } from '@/db/queries/sessions';
import { hashPassword } from '@/server/auth/password';
import { getBus } from '@/server/realtime/bus';
import { setTeamBusinessHours } from '@/server/teams/team-business-hours';
import { saveTeamCustomerUpdates, teamCustomerUpdates } from '@/server/teams/team-customer-updates';

const teamIds = z.array(z.number().int().positive()).max(50);

function assertTeamsExist(ids: number[] | undefined, existing: { id: number }[]) {
  const missing = (ids ?? []).filter((id) => !existing.some((t) => t.id === id));
  if (missing.length) throw new TRPCError({ code: 'BAD_REQUEST', message: `Unknown team ids: ${missing.join(', ')}` });
}

export const adminRouter = router({
  agents: adminProcedure.query(({ ctx }) => listAgentsWithTeams(ctx.db)),

  createAgent: adminProcedure
    .input(
      z.object({
        email: z.string().trim().email().max(200),
        name: z.string().trim().min(1).max(100),
        password: z.string().min(10, 'at least 10 characters').max(200),
        role: z.enum(ROLES),
        teamIds: teamIds.default([]),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if (findAgentByEmail(ctx.db, input.email)) throw new TRPCError({ code: 'CONFLICT', message: `An agent with ${input.email} already exists` });
      assertTeamsExist(input.teamIds, listTeams(ctx.db));
      return insertAgent(ctx.db, { ...input, passwordHash: await hashPassword(input.password) });
    }),

  updateAgent: adminProcedure
    .input(z.object({ id: z.number().int().positive(), role: z.enum(ROLES).optional(), active: z.boolean().optional(), teamIds: teamIds.optional() }))
    .mutation(({ ctx, input }) => {
      const { id, ...patch } = input;
      if (id === ctx.viewer.id && (patch.active === false || (patch.role && patch.role !== 'admin'))) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'You cannot demote or deactivate yourself' });
      }
      assertTeamsExist(patch.teamIds, listTeams(ctx.db));
      const agent = updateAgent(ctx.db, id, patch);
      if (!agent) throw new TRPCError({ code: 'NOT_FOUND', message: `Agent ${id} does not exist` });
      // A deactivated agent is signed out everywhere at once, sockets included.
      if (patch.active === false) {
        const revoked = deleteSessionsOfAgent(ctx.db, id);
        getBus().emit('session.revoked', { sessionIds: revoked.map((s) => s.id) });
      }
      return agent;
    }),

  teams: adminProcedure.query(({ ctx }) => listTeams(ctx.db)),

  createTeam: adminProcedure
    .input(z.object({ name: z.string().trim().min(1).max(80), timeZone: z.string().refine(isTimeZone, 'unknown IANA time zone').default('Europe/Berlin') }))
    .mutation(({ ctx, input }) => {
      if (listTeams(ctx.db).some((t) => t.name.toLowerCase() === input.name.toLowerCase())) {
        throw new TRPCError({ code: 'CONFLICT', message: `A team named ${input.name} already exists` });
      }
      return insertTeam(ctx.db, input);
    }),

  teamCustomerUpdates: adminProcedure.input(z.object({ id: z.number().int().positive() })).query(({ ctx, input }) => teamCustomerUpdates(ctx.db, input.id)),

  /** The team's progress messages to customers; checked by the domain (lib/customer-updates.ts). */
  setTeamCustomerUpdates: adminProcedure
    .input(z.object({ id: z.number().int().positive(), updates: z.unknown() }))
    .mutation(({ ctx, input }) => saveTeamCustomerUpdates(ctx.db, input.id, input.updates)),

  setTeamBusinessHours: adminProcedure
    .input(z.object({ id: z.number().int().positive(), calendarId: z.number().int().positive().nullable() }))
    .mutation(({ ctx, input }) => setTeamBusinessHours(ctx.db, input.id, input.calendarId)),
});

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
