import type { Tx } from '@/db/client';
import { insertEvents, insertMessage, type TicketRow } from '@/db/queries/tickets';
import { queueEmail } from './queue-email';
import type { EmailSettings } from './email-settings';
import { ticketEvent } from '@/lib/ticket-events';

/**
 * The automatic confirmation of a new ticket (complaint handling demands one), as a system message on the
 * thread and an email in the outbox, inside the transaction that opened the ticket. It is no response:
 * first-response time ignores it. `inbox`: the email inbox it leaves by (a web-form ticket's is the form's).
 */
export function queueAcknowledgement(tx: Tx, inbox: { id: number; name: string; settings: EmailSettings }, ticket: TicketRow, now: number) {
  const ack = inbox.settings.acknowledgement;
  if (!ack.enabled) return;
  const fill = (s: string) => s.replaceAll('{{number}}', String(ticket.number)).replaceAll('{{subject}}', ticket.subject);
  const m = insertMessage(tx, { ticketId: ticket.id, authorKind: 'system', bodyText: fill(ack.body), createdAt: now });
  insertEvents(tx, [ticketEvent(ticket.id, 'acknowledgement_sent', { messageId: m.id }, { kind: 'system' }, now)]);
  queueEmail(tx, ticket, inbox, m.id, { text: fill(ack.body), subject: fill(ack.subject), autoSubmitted: true }, now);
}
