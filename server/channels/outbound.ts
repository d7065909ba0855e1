import type { Tx } from '@/db/client';
import type { TicketRow } from '@/db/queries/tickets';
import { setMessageDelivery } from '@/db/queries/inbound';
import type { ChannelKind } from '@/lib/domain';
import type { OutboundBody } from './channel-adapter';
import { adapterFor } from './registry';

/**
 * Shown on a reply that no adapter can deliver, instead of the reply silently going nowhere. Delivery
 * errors we write ourselves are message keys (`@key`, translated where they are shown); a remote server's
 * answer is kept in its own words.
 */
export const NOT_CONNECTED = '@channel_not_connected';

/**
 * Queues a public message for delivery on its ticket's channel, inside the caller's transaction (the
 * message and its outbox row commit together, so a channel being down never loses a reply). The
 * channel's adapter decides how; a kind without one says so on the message.
 */
export function queueOutbound(tx: Tx, ticket: TicketRow, channel: { id: number; kind: ChannelKind }, messageId: number, body: OutboundBody, now: number) {
  const adapter = adapterFor(channel.kind);
  if (adapter?.queueReply) adapter.queueReply(tx, ticket, channel, messageId, body, now);
  else setMessageDelivery(tx, messageId, 'failed', NOT_CONNECTED);
}
