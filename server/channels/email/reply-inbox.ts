import type { Queryable } from '@/db/client';
import { findChannel, listChannelsOfKind } from '@/db/queries/inbound';
import { webFormSettingsSchema } from '../web-form/web-form-settings';
import { emailSettingsSchema, type EmailSettings } from './email-settings';

/** The email inbox a non-email channel answers through: the one its settings name, else the first there is. */
export function replyInbox(db: Queryable, emailChannelId: number | null) {
  const configured = emailChannelId ? findChannel(db, emailChannelId) : undefined;
  return configured?.kind === 'email' ? configured : listChannelsOfKind(db, 'email')[0];
}

/**
 * The inbox mail about a ticket on `channel` goes out through, with its settings: the email inbox itself,
 * a web form's reply inbox, or (a forward from a chat or messenger ticket) the first inbox. Undefined when
 * there is none with valid settings.
 */
export function mailInboxOf(db: Queryable, channel: { id: number; kind: string }) {
  const own = channel.kind === 'email' ? findChannel(db, channel.id) : undefined;
  const formInbox = channel.kind === 'web_form' ? webFormSettingsSchema.safeParse(findChannel(db, channel.id)?.settings ?? {}) : undefined;
  const inbox = own ?? replyInbox(db, formInbox?.success ? formInbox.data.emailChannelId : null);
  const settings = emailSettingsSchema.safeParse(inbox?.settings);
  return inbox && settings.success ? { channel: inbox, settings: settings.data as EmailSettings } : undefined;
}
