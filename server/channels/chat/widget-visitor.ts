import { type Db, type Tx, transact } from '@/db/client';
import { findCustomerByIdentity, insertCustomerWithIdentity } from '@/db/queries/inbound';
import { addIdentity, deleteIdentity, findLatestChatConversation, moveConversationsInto, updateCustomerContact } from '@/db/queries/chat';
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
 * A verified identify (the site's HMAC signature): the visitor becomes the customer who holds that
 * email as an identity (mail came from it, or a site signed it before), so their email tickets show
 * beside the chat, or a new customer. An address some visitor merely typed is a claim and never decides
 * where a verified person goes. What this browser wrote anonymously moves to the verified customer, but
 * the browser's anonymous identity does not: an anonymous token (a copy of it, or the same browser
 * after the site signs the user out) never reaches the verified person's conversations.
 */
export function applyVerifiedIdentity(db: Db, v: Visitor & { identified: NonNullable<Visitor['identified']> }, now = Date.now()): number {
  const { email, name } = v.identified;
  const anonymousId = `v:${v.visitorId}`;
  return transact(db, (tx) => {
    const anonymous = findCustomerByIdentity(tx, 'chat', anonymousId)?.id ?? null;
    const target =
      findCustomerByIdentity(tx, 'chat', visitorExternalId(v))?.id ??
      findCustomerByIdentity(tx, 'email', email)?.id ??
      insertCustomerWithIdentity(tx, { name: name || email, email, emailVerified: true, kind: 'chat', externalId: visitorExternalId(v), now }).id;
    if (anonymous !== null) {
      deleteIdentity(tx, 'chat', anonymousId);
      moveConversationsInto(tx, anonymous, target);
    }
    addIdentity(tx, target, 'chat', visitorExternalId(v), now);
    addIdentity(tx, target, 'email', email, now);
    const current = findCustomer(tx, target)!;
    // A placeholder name ("Visitor 3f2a") gives way to the real one; a name the customer already has stays.
    const rename = name && (current.name.startsWith('Visitor ') || current.name === email);
    // The signed address replaces one that was only typed; a proven address the customer has stays.
    updateCustomerContact(tx, target, { ...(current.emailVerified && current.email ? {} : { email, emailVerified: true }), ...(rename ? { name } : {}) });
    return target;
  });
}

export function placeholderName(visitorId: string) {
  return `Visitor ${visitorId.slice(0, 4)}`;
}
