import { PermanentDeliveryError, type ChannelAdapter } from '../channel-adapter';
import { findChannel } from '@/db/queries/inbound';
import { listAttachmentsOfMessages } from '@/db/queries/attachments';
import { blobPath } from '@/server/content/attachment-store';
import { getConfig } from '@/server/runtime-config';
import type { EmailPayload } from './compose-email';
import { emailSettingsSchema } from './email-settings';
import { queueEmail } from './queue-email';
import { sendEmail } from './send-email';

/** Email inboxes: replies go out on the customer's thread through the inbox's SMTP relay. */
export const emailAdapter: ChannelAdapter = {
  kind: 'email',
  settings: emailSettingsSchema,
  queueReply: (tx, ticket, channel, messageId, body, now) => queueEmail(tx, ticket, findChannel(tx, channel.id)!, messageId, body, now),
  async deliver(db, row) {
    const channel = findChannel(db, row.channelId);
    const settings = emailSettingsSchema.safeParse(channel?.settings);
    if (!channel || !settings.success) throw new PermanentDeliveryError(`Inbox "${channel?.name ?? row.channelId}" has no valid email settings`);
    // The files travel from the store at send time; the outbox row keeps only the message they belong to.
    const files = (row.messageId === null ? [] : listAttachmentsOfMessages(db, [row.messageId])).flatMap((a) =>
      a.sha256 ? [{ filename: a.filename, contentType: a.contentType, path: blobPath(getConfig().DATA_DIR, a.sha256) }] : [],
    );
    await sendEmail(settings.data, row.payload as unknown as EmailPayload, files);
  },
};
