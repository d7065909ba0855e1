import type { Db } from '@/db/client';
import { findTicketWithChannel } from '@/db/queries/tickets';
import { markAgentRead } from '@/db/queries/chat';
import { commitGrouped } from '@/db/group-commit';
import { getBus } from '@/server/realtime/bus';

/**
 * An agent opened a chat: the visitor's messages so far count as seen, and the widget shows the receipt
 * (messages arriving while it stays open are marked read by ingest itself). The write waits up to 50 ms
 * to share a commit with other writes rather than costing a commit of its own.
 */
export async function markChatSeen(db: Db, ticketId: number) {
  const row = findTicketWithChannel(db, ticketId);
  if (row?.channel.kind !== 'chat') return;
  const upTo = await commitGrouped(db, () => markAgentRead(db, ticketId), 50);
  if (upTo !== null && upTo !== row.ticket.agentReadMessageId) getBus().emit('chat.read', { ticketId, by: 'agent', upTo });
}
