import type { Tx } from '@/db/client';
import { insertEvents, insertMessage, type TicketRow } from '@/db/queries/tickets';
import { findChannel } from '@/db/queries/inbound';
import { queueEmail } from './queue-email';
import type { EmailSettings } from './email-settings';
import { ticketEvent } from '@/lib/ticket-events';

/**
 * The automatic confirmation of a new ticket (complaint handling demands one), as a system message on the
 * thread and an email in the outbox, inside the transaction that opened the ticket. It is no response:
 * first-response time ignores it.
 */
export function queueAcknowledgement(tx: Tx, settings: EmailSettings, ticket: TicketRow, now: number) {
  const ack = settings.acknowledgement;
  if (!ack.enabled) return;
  const fill = (s: string) => s.replaceAll('{{number}}', String(ticket.number)).replaceAll('{{subject}}', ticket.subject);
  const m = insertMessage(tx, { ticketId: ticket.id, authorKind: 'system', bodyText: fill(ack.body), createdAt: now });
  insertEvents(tx, [ticketEvent(ticket.id, 'acknowledgement_sent', { messageId: m.id }, { kind: 'system' }, now)]);
  queueEmail(tx, ticket, findChannel(tx, ticket.channelId)!, m.id, { text: fill(ack.body), subject: fill(ack.subject), autoSubmitted: true }, now);
}
