import type { Db } from '@/db/client';
import { findTicketWithChannel } from '@/db/queries/tickets';
import { markAgentRead } from '@/db/queries/chat';
import { commitGrouped } from '@/db/group-commit';
import { getBus } from '@/server/realtime/bus';

/**
 * An agent opened a chat (or has it open while the visitor writes): the visitor's messages so far count
 * as seen, and the widget shows the receipt. The write waits up to 50 ms to share a commit with other
 * writes (the next message usually comes with one) rather than costing a commit of its own.
 */
export async function markChatSeen(db: Db, ticketId: number) {
  const row = findTicketWithChannel(db, ticketId);
  if (row?.channel.kind !== 'chat') return;
  const upTo = await commitGrouped(db, () => markAgentRead(db, ticketId), 50);
  if (upTo !== null && upTo !== row.ticket.agentReadMessageId) getBus().emit('chat.read', { ticketId, by: 'agent', upTo });
}
