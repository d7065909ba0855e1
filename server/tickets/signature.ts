import type { Queryable } from '@/db/client';
import { findAgentById } from '@/db/queries/agents';
import { findCustomer } from '@/db/queries/customers';
import type { ChannelKind, Locale } from '@/lib/domain';
import { fillPlaceholders, placeholderValues, unknownPlaceholders } from '@/lib/placeholders';
import { DomainError } from '@/server/errors/domain-error';
import { customerLanguage, pickText } from './customer-language';

export const MAX_SIGNATURE = 2000;
/** Signatures belong under mail; a chat or messenger line with a sign-off under each reply reads oddly. */
const SIGNED_CHANNELS: readonly ChannelKind[] = ['email', 'web_form'];

export type Signature = { en: string; de: string };

/** Checks a signature before it is kept: a typo in a placeholder would otherwise reach every customer. */
export function checkSignature(s: Signature): Signature {
  const [unknown] = unknownPlaceholders(`${s.en}\n${s.de}`);
  if (unknown) throw new DomainError('BAD_REQUEST', 'macro_unknown_placeholder', { name: `{{${unknown}}}` });
  return { en: s.en.trim(), de: s.de.trim() };
}

/**
 * The reply as it goes out and is kept: the agent's signature under it, in the customer's language with
 * its placeholders filled, on mail channels only. The stored message is what the customer received.
 */
export function signedBody(
  db: Queryable,
  agent: { id: number; locale: Locale | null },
  ticket: { id: number; number: number; subject: string; customerId: number },
  channel: ChannelKind,
  body: string,
): string {
  if (!SIGNED_CHANNELS.includes(channel)) return body;
  const row = findAgentById(db, agent.id);
  if (!row) return body;
  const texts = { en: row.signatureEn, de: row.signatureDe };
  if (!texts.en && !texts.de) return body;
  const raw = texts[pickText(texts, customerLanguage(db, ticket), agent.locale)];
  if (!raw) return body;
  const customer = findCustomer(db, ticket.customerId);
  const filled = fillPlaceholders(
    raw,
    placeholderValues({ customerName: customer?.name ?? '', ticketNumber: ticket.number, ticketSubject: ticket.subject, agentName: row.name }),
  );
  return body ? `${body}\n\n${filled}` : filled;
}
