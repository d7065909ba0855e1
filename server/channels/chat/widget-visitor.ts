import { type Db, type Tx, transact } from '@/db/client';
import { findCustomerByIdentity, insertCustomerWithIdentity } from '@/db/queries/inbound';
import { addIdentity, findCustomerByEmail, findLatestChatConversation, mergeCustomerInto, updateCustomerContact } from '@/db/queries/chat';
import { findCustomer } from '@/db/queries/customers';

/** A widget visitor as the socket knows them: anonymous (browser-bound id) or identified by the site. */
export type Visitor = { channelId: number; visitorId: string; identified: { email: string; name: string; externalId?: string } | null };

/** The channel identity messages are stored under: the verified user when identified, else the browser. */
export function visitorExternalId(v: Visitor) {
  return v.identified ? `u:${v.channelId}:${v.identified.email}` : `v:${v.visitorId}`;
}

export function findVisitorCustomerId(db: Db | Tx, v: Visitor): number | null {
  return findCustomerByIdentity(db, 'chat', visitorExternalId(v))?.id ?? null;
}

/** The visitor's newest conversation on their widget (id and status), if they ever wrote. */
export function findVisitorConversation(db: Db | Tx, v: Visitor) {
  return findLatestChatConversation(db, v.channelId, visitorExternalId(v));
}

/**
 * A verified identify: the visitor becomes the customer with that email (the one their email tickets
 * belong to, so the profile sidebar shows everything), taking along whatever they wrote anonymously.
 */
export function applyVerifiedIdentity(db: Db, v: Visitor & { identified: NonNullable<Visitor['identified']> }, now = Date.now()): number {
  const { email, name } = v.identified;
  return transact(db, (tx) => {
    const anonymous = findCustomerByIdentity(tx, 'chat', `v:${v.visitorId}`)?.id ?? null;
    const known = findCustomerByIdentity(tx, 'chat', visitorExternalId(v))?.id ?? findCustomerByEmail(tx, email)?.id ?? null;
    let target = known ?? anonymous;
    if (target === null) target = insertCustomerWithIdentity(tx, { name: name || email, email, kind: 'chat', externalId: visitorExternalId(v), now }).id;
    if (anonymous !== null && anonymous !== target) mergeCustomerInto(tx, anonymous, target);
    addIdentity(tx, target, 'chat', visitorExternalId(v), now);
    addIdentity(tx, target, 'email', email, now);
    const current = findCustomer(tx, target)!;
    // A placeholder name ("Visitor 3f2a") gives way to the real one; a name the customer already has stays.
    updateCustomerContact(tx, target, { email: current.email ?? email, ...(name && (current.name.startsWith('Visitor ') || current.name === email) ? { name } : {}) });
    return target;
  });
}

export function placeholderName(visitorId: string) {
  return `Visitor ${visitorId.slice(0, 4)}`;
}
