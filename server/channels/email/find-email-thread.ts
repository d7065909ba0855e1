import type { Tx } from '@/db/client';
import * as inbound from '@/db/queries/inbound';
import { findTicket } from '@/db/queries/tickets';
import type { ThreadDecision } from '../inbound-message';
import { splitPlusAddress } from './email-settings';
import type { ParsedEmail } from './parse-mail';

const SUBJECT_TOKEN = /\[#(\d{1,12})\]/;

/**
 * Email threading, strongest signal first: our reply-address token, then In-Reply-To / References
 * against every stored Message-ID, then the `[#123]` subject token, else a new ticket.
 * Token and headers prove the sender saw the thread, so the ticket's customer and anyone who was on the
 * thread (a CC'd colleague) join it. The subject token can be typed by anyone, so it joins only the
 * ticket's own customer (and only when the From passed DMARC, if it was checked). Everyone else gets a new ticket linked to the thread, never someone else's ticket.
 */
export function findEmailThread(
  tx: Tx,
  mail: ParsedEmail,
  recipients: string[],
  ourAddresses: Set<string>,
  customerId: number,
  opts = { subjectToken: true },
): ThreadDecision {
  const byToken = recipients
    .map((r) => splitPlusAddress(r))
    .filter((r) => r.tag && ourAddresses.has(r.base))
    .map((r) => inbound.findTicketByReplyToken(tx, r.tag!))
    .find(Boolean);
  const byHeaders = byToken
    ? undefined
    : inbound.findMessageByAnyChannelMessageId(
        tx,
        [mail.inReplyTo, ...[...mail.references].reverse()].filter((x): x is string => !!x),
      );
  const strongTicketId = byToken?.id ?? byHeaders?.ticketId;

  if (strongTicketId) {
    const ticket = byToken ?? findTicket(tx, strongTicketId);
    if (ticket && (ticket.customerId === customerId || isParticipant(tx, ticket.id, mail.from?.address, ourAddresses))) return { kind: 'join', ticket };
    return { kind: 'new_linked', linkedTicketId: strongTicketId };
  }

  // Mail failing DMARC may carry anyone's From: the subject token alone never puts it on a customer's ticket.
  const number = opts.subjectToken ? mail.subject.match(SUBJECT_TOKEN)?.[1] : undefined;
  const bySubject = number ? inbound.findTicketByNumber(tx, Number(number)) : undefined;
  if (bySubject) return bySubject.customerId === customerId ? { kind: 'join', ticket: bySubject } : { kind: 'new_linked', linkedTicketId: bySubject.id };
  return { kind: 'new' };
}

/** Was this address a sender or recipient of any message on the ticket (our own addresses aside)? */
function isParticipant(tx: Tx, ticketId: number, address: string | undefined, ourAddresses: Set<string>): boolean {
  if (!address) return false;
  const wanted = address.toLowerCase();
  return inbound
    .listMessageEnvelopes(tx, ticketId)
    .some(({ meta }) =>
      [meta?.email?.from, ...(meta?.email?.to ?? []), ...(meta?.email?.cc ?? [])].some(
        (a) => a && a.address.toLowerCase() === wanted && !ourAddresses.has(splitPlusAddress(a.address).base),
      ),
    );
}
