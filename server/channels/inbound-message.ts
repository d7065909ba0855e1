import type { EmailEnvelope } from '@/db/schema';
import type { NewAttachment } from '@/db/queries/attachments';
import type { TicketRow } from '@/db/queries/tickets';

/** What every channel adapter turns a customer's message into before `ingest`. */
export type InboundMessage = {
  channelId: number;
  /** The sender as the channel knows them: an email address, a messenger id, a widget identity. */
  /**
   * `emailProven`: the channel shows the sender controls `email` (mail came from it). A typed address
   * (pre-chat form, web form) is a claim: stored for replies, never used to find or merge a customer.
   */
  from: { externalId: string; name: string; email: string | null; emailProven: boolean };
  /** The channel's own id for this message; a second delivery with the same id is dropped. */
  channelMessageId: string | null;
  subject: string | null;
  text: string;
  /** Raw HTML as received; sanitized by ingest before it is stored. */
  html: string | null;
  receivedAt: number;
  /** Automatic mail (auto-replies, lists): stored, but never answered automatically. */
  autoSubmitted: boolean;
  /** The intake form the customer answered with this message (web form, pre-chat form), if any. */
  formId?: number | null;
  /** Held back as spam or as failing its domain's DMARC policy: a ticket it opens shows only in the Spam view. */
  quarantine?: 'spam' | 'dmarc' | null;
  /** Email's own part (headers, authentication results); other channels leave it out. */
  email?: EmailEnvelope;
  /** Files already written to the attachment store; their rows are added with the message. */
  attachments?: NewAttachment[];
};

/**
 * Where a message belongs, decided by the channel's threading rules inside the ingest transaction. A join
 * carries the ticket as the rules read it, so ingest does not read it again.
 */
export type ThreadDecision =
  | { kind: 'join'; ticket: TicketRow }
  | { kind: 'new' }
  /** A new ticket for this sender, linked to the thread they wrote into (never joining someone else's). */
  | { kind: 'new_linked'; linkedTicketId: number };
