import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { agents, agentTeams, channels, tickets } from '../schema';

/**
 * The agents of a team who may take a chat now (active, status online, among `connected`), each with how
 * many unsolved chats are assigned to them, their limit and when they last got one.
 */
export function listChatCandidates(db: Queryable, teamId: number, connected: readonly number[]) {
  if (connected.length === 0) return [];
  const openChats = sql<number>`(select count(*) from ${tickets} t join ${channels} c on c.id = t.channel_id
    where t.assignee_id = ${agents.id} and c.kind = 'chat' and t.status in ('new', 'open'))`;
  return db
    .select({ id: agents.id, openChats: openChats, chatLimit: agents.chatLimit, lastChatRoutedAt: agents.lastChatRoutedAt })
    .from(agents)
    .innerJoin(agentTeams, eq(agentTeams.agentId, agents.id))
    .where(and(eq(agentTeams.teamId, teamId), eq(agents.active, true), eq(agents.status, 'online'), inArray(agents.id, [...connected])))
    .all();
}

export function markChatRouted(db: Queryable, agentId: number, now: number) {
  db.update(agents).set({ lastChatRoutedAt: now }).where(eq(agents.id, agentId)).run();
}

export function setAgentStatus(db: Queryable, agentId: number, status: 'online' | 'away' | 'offline') {
  db.update(agents).set({ status }).where(eq(agents.id, agentId)).run();
}
