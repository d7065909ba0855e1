import type { Db } from '@/db/client';
import { updateCustomerContact } from '@/db/queries/chat';
import { findCustomer } from '@/db/queries/customers';
import { DomainError } from '@/server/errors/domain-error';
import { findVisitorCustomerId, type Visitor } from './widget-visitor';

/** The address an agent's reply goes to should the visitor have left the chat by then. */
export function contactEmailOf(db: Db, visitor: Visitor): string | null {
  if (visitor.identified) return visitor.identified.email;
  const customerId = findVisitorCustomerId(db, visitor);
  return (customerId !== null && findCustomer(db, customerId)?.email) || null;
}

/**
 * A visitor nobody can answer live leaves (or corrects) their address. It is stored as a claim
 * (unverified) on the visitor's own customer and only ever used to send this visitor's replies. An
 * identified visitor's address is the one their site vouched for and stays.
 */
export function leaveContactEmail(db: Db, visitor: Visitor, email: string): { email: string } {
  if (visitor.identified) return { email: visitor.identified.email };
  const customerId = findVisitorCustomerId(db, visitor);
  if (customerId === null) throw new DomainError('BAD_REQUEST', 'contact_before_message');
  const normalized = email.trim().toLowerCase();
  updateCustomerContact(db, customerId, { email: normalized, emailVerified: false });
  return { email: normalized };
}
