import type { Queryable } from '@/db/client';
import { findChannel } from '@/db/queries/inbound';
import { replyInbox } from '../email/reply-inbox';
import { chatSettingsSchema } from './chat-settings';

/** The email inbox a chat widget writes email from: the one configured, else the first there is. */
export function chatEmailInbox(db: Queryable, chatChannelId: number) {
  const settings = chatSettingsSchema.safeParse(findChannel(db, chatChannelId)?.settings);
  return replyInbox(db, settings.success ? settings.data.emailChannelId : null);
}
