import { transact, type Db } from '@/db/client';
import { insertCustomerWithIdentity, listChannelsOfKind } from '@/db/queries/inbound';
import { ensureTags, insertEvents, insertMessage, insertTicket, nextTicketNumber, replaceTicketTags, updateTicketColumns } from '@/db/queries/tickets';
import type { ChannelKind, Priority, TicketStatus } from '@/lib/domain';
import { ticketEvent } from '@/lib/ticket-events';

let serial = 0;

/**
 * A ticket built for a test, deterministically: on the first channel of a kind, from a fresh customer,
 * with one customer message, at a given time and status. Tests build what they assert on instead of
 * searching the random demo data for something that fits (which depends on the date it runs).
 */
export function createTestTicket(
  db: Db,
  o: {
    channel: ChannelKind;
    status?: TicketStatus;
    priority?: Priority;
    at?: number;
    text?: string;
    subject?: string;
    assigneeId?: number | null;
    teamId?: number | null;
    tags?: string[];
    customerId?: number;
    spam?: boolean;
  },
) {
  const channel = listChannelsOfKind(db, o.channel)[0];
  if (!channel) throw new Error(`The test database has no ${o.channel} channel`);
  const at = o.at ?? Date.UTC(2026, 10, 2, 9, 30);
  const n = ++serial;
  return transact(db, (tx) => {
    const customer = o.customerId
      ? { id: o.customerId }
      : insertCustomerWithIdentity(tx, {
          name: `Test Customer ${n}`,
          email: null,
          emailVerified: false,
          kind: o.channel,
          externalId: `fixture-${o.channel}-${n}-${at}`,
          now: at,
        });
    const ticket = insertTicket(tx, {
      number: nextTicketNumber(tx),
      subject: o.subject ?? `Fixture ${n}`,
      status: o.status ?? 'open',
      priority: o.priority ?? 'normal',
      channelId: channel.id,
      customerId: customer.id,
      teamId: o.teamId === undefined ? channel.defaultTeamId : o.teamId,
      assigneeId: o.assigneeId ?? null,
      isSpam: o.spam ?? false,
      createdAt: at,
      updatedAt: at,
      lastActivityAt: at,
    });
    if (o.tags?.length) replaceTicketTags(tx, ticket.id, ensureTags(tx, o.tags));
    updateTicketColumns(tx, ticket.id, { lastCustomerMessageAt: at });
    const message = insertMessage(tx, {
      ticketId: ticket.id,
      authorKind: 'customer',
      authorCustomerId: customer.id,
      bodyText: o.text ?? 'Hallo',
      createdAt: at,
    });
    insertEvents(tx, [
      ticketEvent(
        ticket.id,
        'created',
        { channelId: channel.id, channel: o.channel, teamId: ticket.teamId, priority: ticket.priority, assigneeId: ticket.assigneeId, formId: null },
        { kind: 'customer' },
        at,
      ),
      ticketEvent(ticket.id, 'customer_message', { messageId: message.id }, { kind: 'customer' }, at),
    ]);
    return { ticket, customer, messageId: message.id };
  });
}
