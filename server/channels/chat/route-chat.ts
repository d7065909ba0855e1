import type { Tx } from '@/db/client';
import { listChatCandidates, markChatRouted } from '@/db/queries/chat-routing';
import * as q from '@/db/queries/tickets';
import { ticketEvent } from '@/lib/ticket-events';
import { notifyAgents } from '@/server/notifications/notify-agents';
import { onlineAgentIds } from '@/server/realtime/online-agents';

/**
 * A new chat goes to an agent of its team who is online (app open, status online) and under their chat
 * limit: the one with the fewest open chats, then whoever has waited longest since their last one
 * (round-robin). Nobody free: it stays unassigned in the team's queue, where the new-chat notice reaches
 * everyone. Returns who got it (told, for the live push), or null.
 */
export function routeChat(tx: Tx, ticketId: number, now: number): number | null {
  const ticket = q.findTicket(tx, ticketId);
  if (!ticket || ticket.teamId === null || ticket.assigneeId !== null || ticket.isSpam) return null;
  const free = listChatCandidates(tx, ticket.teamId, onlineAgentIds()).filter((a) => a.openChats < a.chatLimit);
  free.sort((a, b) => a.openChats - b.openChats || (a.lastChatRoutedAt ?? 0) - (b.lastChatRoutedAt ?? 0) || a.id - b.id);
  const chosen = free[0];
  if (!chosen) return null;
  q.updateTicketColumns(tx, ticket.id, { assigneeId: chosen.id, updatedAt: now });
  q.insertEvents(tx, [ticketEvent(ticket.id, 'assignee_changed', { from: null, to: chosen.id }, { kind: 'system' }, now)]);
  markChatRouted(tx, chosen.id, now);
  notifyAgents(tx, 'assigned', [chosen.id], { ticketId: ticket.id, createdAt: now });
  return chosen.id;
}
