import type { Tx } from '@/db/client';
import { findIdentityOfKind } from '@/db/queries/customers';
import type { TicketRow } from '@/db/queries/tickets';
import type { ChannelKind } from '@/lib/domain';
import { replyWindowOf } from '@/lib/reply-window';

/**
 * Whether a message of our own accord (a survey, a progress update) can reach the ticket's customer on
 * its channel now: an address for email and web forms, an identity on a messenger and, where the
 * platform has one, its standard reply window still open (never Messenger's human-agent tag, which is
 * for a person's answers). Chat always: the widget shows it when they come back.
 */
export function unreachableReason(
  tx: Tx,
  ticket: TicketRow,
  kind: ChannelKind,
  email: string | null,
  now: number,
): 'no_channel' | 'reply_window_closed' | null {
  if (kind === 'email' || kind === 'web_form') return email ? null : 'no_channel';
  if (kind === 'chat') return null;
  if (!findIdentityOfKind(tx, ticket.customerId, kind)) return 'no_channel';
  const window = replyWindowOf(kind, ticket.lastCustomerMessageAt, now);
  return window && !window.open ? 'reply_window_closed' : null;
}
