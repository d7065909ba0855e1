import { z } from 'zod';
import { router, adminProcedure, leadProcedure } from '../trpc';
import { ROLES } from '@/lib/domain';
import { MAX_CHAT_LIMIT } from '@/lib/agent-status';
import { listAgentsWithTeams } from '@/db/queries/agents';
import { changeAgent, createAgent, resetAgentPassword } from '@/server/admin/agent-admin';
import { createTeam, deleteUnusedTeam, renameTeamChecked, setMembersOfTeam, teamsWithMembers } from '@/server/admin/team-admin';
import { setTeamBusinessHours } from '@/server/teams/team-business-hours';
import { saveTeamCustomerUpdates, teamCustomerUpdates } from '@/server/teams/team-customer-updates';

const teamIds = z.array(z.number().int().positive()).max(50);
const agentId = z.number().int().positive();
const password = z.string().min(10, 'at least 10 characters').max(200);
const teamName = z.string().trim().min(1).max(80);

/** Agents and teams; the rules and their refusals live in server/admin. */
export const adminRouter = router({
  agents: adminProcedure.query(({ ctx }) => listAgentsWithTeams(ctx.db)),

  createAgent: adminProcedure
    .input(
      z.object({
        email: z.string().trim().email().max(200),
        name: z.string().trim().min(1).max(100),
        password,
        role: z.enum(ROLES),
        teamIds: teamIds.default([]),
      }),
    )
    .mutation(({ ctx, input }) => createAgent(ctx.db, input)),

  updateAgent: adminProcedure
    .input(
      z.object({
        id: agentId,
        name: z.string().trim().min(1).max(100).optional(),
        role: z.enum(ROLES).optional(),
        active: z.boolean().optional(),
        chatLimit: z.number().int().min(0).max(MAX_CHAT_LIMIT).optional(),
        teamIds: teamIds.optional(),
      }),
    )
    .mutation(({ ctx, input }) => {
      const { id, ...patch } = input;
      return changeAgent(ctx.db, ctx.viewer, id, patch);
    }),

  resetPassword: adminProcedure.input(z.object({ id: agentId, password })).mutation(({ ctx, input }) => resetAgentPassword(ctx.db, input.id, input.password)),

  /** Admins see every team; a lead the teams they are in, whose members they manage. */
  teams: leadProcedure.query(({ ctx }) => teamsWithMembers(ctx.db, ctx.viewer)),

  createTeam: adminProcedure
    .input(z.object({ name: teamName, timeZone: z.string().refine(isTimeZone, 'unknown IANA time zone').default('Europe/Berlin') }))
    .mutation(({ ctx, input }) => createTeam(ctx.db, input)),

  renameTeam: adminProcedure
    .input(z.object({ id: z.number().int().positive(), name: teamName }))
    .mutation(({ ctx, input }) => renameTeamChecked(ctx.db, input.id, input.name)),

  deleteTeam: adminProcedure.input(z.object({ id: z.number().int().positive() })).mutation(({ ctx, input }) => deleteUnusedTeam(ctx.db, input.id)),

  /** Leads manage the members of their own teams; admins of any. */
  setTeamMembers: leadProcedure
    .input(z.object({ id: z.number().int().positive(), agentIds: z.array(agentId).max(500) }))
    .mutation(({ ctx, input }) => setMembersOfTeam(ctx.db, ctx.viewer, input.id, input.agentIds)),

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
