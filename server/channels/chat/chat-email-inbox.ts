import type { Queryable } from '@/db/client';
import { findChannel, listChannelsOfKind } from '@/db/queries/inbound';
import { chatSettingsSchema } from './chat-settings';

/** The email inbox a chat widget writes email from: the one configured, else the first there is. */
export function chatEmailInbox(db: Queryable, chatChannelId: number) {
  const settings = chatSettingsSchema.safeParse(findChannel(db, chatChannelId)?.settings);
  const configured = settings.success && settings.data.emailChannelId ? findChannel(db, settings.data.emailChannelId) : undefined;
  return configured?.kind === 'email' ? configured : listChannelsOfKind(db, 'email')[0];
}
