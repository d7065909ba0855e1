import type { Tx } from '@/db/client';
import { insertEvents, insertMessage, type TicketRow } from '@/db/queries/tickets';
import { findCustomer } from '@/db/queries/customers';
import { setCustomerLocale } from '@/db/queries/surveys';
import { detectLocale } from '@/lib/i18n/detect-locale';
import type { Locale } from '@/lib/domain';
import { queueEmail } from './queue-email';
import type { EmailSettings } from './email-settings';
import { ticketEvent } from '@/lib/ticket-events';

/**
 * The automatic confirmation of a new ticket (complaint handling demands one), as a system message on the
 * thread and an email in the outbox, inside the transaction that opened the ticket. It is no response:
 * first-response time ignores it. `inbox`: the email inbox it leaves by (a web-form ticket's is the form's).
 * `text`: what the customer wrote, whose language it answers in when theirs is not known yet.
 */
export function queueAcknowledgement(tx: Tx, inbox: { id: number; name: string; settings: EmailSettings }, ticket: TicketRow, text: string, now: number) {
  const ack = inbox.settings.acknowledgement;
  if (!ack.enabled) return;
  const { subject, body } = ack.texts[customerLocale(tx, ticket.customerId, text, inbox.settings.defaultLocale)];
  const fill = (s: string) => s.replaceAll('{{number}}', String(ticket.number)).replaceAll('{{subject}}', ticket.subject);
  const m = insertMessage(tx, { ticketId: ticket.id, authorKind: 'system', bodyText: fill(body), createdAt: now });
  insertEvents(tx, [ticketEvent(ticket.id, 'acknowledgement_sent', { messageId: m.id }, { kind: 'system' }, now)]);
  queueEmail(tx, ticket, inbox, m.id, { text: fill(body), subject: fill(subject), autoSubmitted: true }, now);
}

/**
 * The customer's language: the one a form or widget said, else the one their mail is in (kept for
 * what follows, surveys included), else the inbox's default.
 */
function customerLocale(tx: Tx, customerId: number, text: string, fallback: Locale): Locale {
  const known = findCustomer(tx, customerId)?.locale;
  if (known) return known;
  const detected = detectLocale(text);
  if (detected) setCustomerLocale(tx, customerId, detected);
  return detected ?? fallback;
}
