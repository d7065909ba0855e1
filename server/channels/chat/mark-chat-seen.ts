import type { Db } from '@/db/client';
import { findTicketWithChannel } from '@/db/queries/tickets';
import { markAgentRead } from '@/db/queries/chat';
import { getBus } from '@/server/realtime/bus';

/** An agent opened a chat: the visitor's messages so far count as seen (the widget shows the receipt). */
export function markChatSeen(db: Db, ticketId: number) {
  const row = findTicketWithChannel(db, ticketId);
  if (row?.channel.kind !== 'chat') return;
  const upTo = markAgentRead(db, ticketId);
  if (upTo !== null && upTo !== row.ticket.agentReadMessageId) getBus().emit('chat.read', { ticketId, by: 'agent', upTo });
}
