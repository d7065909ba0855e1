import type { Queryable } from '@/db/client';
import { findChannel, listChannelsOfKind } from '@/db/queries/inbound';

/** The email inbox a non-email channel answers through: the one its settings name, else the first there is. */
export function replyInbox(db: Queryable, emailChannelId: number | null) {
  const configured = emailChannelId ? findChannel(db, emailChannelId) : undefined;
  return configured?.kind === 'email' ? configured : listChannelsOfKind(db, 'email')[0];
}
