import { type Db, transact } from '@/db/client';
import { findLatestTicketOnChannel, updateCustomerContact } from '@/db/queries/chat';
import { findCustomer } from '@/db/queries/customers';
import { insertMessage } from '@/db/queries/tickets';
import { DomainError } from '@/server/errors/domain-error';
import { queueEmail } from '@/server/channels/email/queue-email';
import type { WidgetLocale } from '@/lib/widget-events';
import { chatEmailInbox } from './chat-email-inbox';
import { widgetMessagesOf } from './widget-messages';
import { findVisitorCustomerId, type Visitor } from './widget-visitor';
import { consumeTranscript } from './widget-limits';

const SUBJECT: Record<WidgetLocale, string> = { en: 'Your chat with us', de: 'Ihr Chat mit uns' };
const YOU: Record<WidgetLocale, string> = { en: 'You', de: 'Sie' };

/**
 * Emails the visitor their current conversation: to the address we know for them, or to the one they
 * give now if we have none (it then becomes their address). Agents see a note that it was sent; the
 * mail goes through the widget's email inbox and outbox like any reply, so a reply to it threads back.
 */
export async function emailTranscript(db: Db, visitor: Visitor, given: string | undefined, locale: WidgetLocale, now = Date.now()) {
  const customerId = findVisitorCustomerId(db, visitor);
  const ticket = customerId === null ? undefined : findLatestTicketOnChannel(db, visitor.channelId, customerId);
  if (!ticket) throw new DomainError('BAD_REQUEST', 'no_conversation_yet');
  const customer = findCustomer(db, ticket.customerId)!;
  const to = customer.email ?? given?.trim().toLowerCase();
  if (!to) throw new DomainError('BAD_REQUEST', 'email_needed');
  const inbox = chatEmailInbox(db, visitor.channelId);
  if (!inbox) throw new DomainError('BAD_REQUEST', 'transcript_no_inbox');
  await consumeTranscript(visitor.visitorId);

  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const lines = widgetMessagesOf(db, [ticket.id], 0, 1000).map(
    (m) => `${time.format(m.createdAt)} ${m.author === 'agent' ? m.agentName : YOU[locale]}:\n${m.text}\n`,
  );
  transact(db, (tx) => {
    if (!customer.email) updateCustomerContact(tx, customer.id, { email: to, emailVerified: false });
    const note = insertMessage(tx, {
      ticketId: ticket.id,
      authorKind: 'system',
      isInternal: true,
      bodyText: `Chat transcript emailed to ${to}`,
      createdAt: now,
    });
    queueEmail(tx, ticket, inbox, note.id, { text: lines.join('\n'), subject: `${SUBJECT[locale]} [#${ticket.number}]` }, now);
  });
  return { to };
}
