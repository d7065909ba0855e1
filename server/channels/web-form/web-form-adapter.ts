import type { ChannelAdapter } from '../channel-adapter';
import { webFormSettingsSchema } from './web-form-settings';
import { findChannel, setMessageDelivery } from '@/db/queries/inbound';
import { replyInbox } from '../email/reply-inbox';
import { NOT_CONNECTED } from '../outbound';
import { queueEmail } from '../email/queue-email';

/** Web-form tickets are answered by email, to the address the form was sent with. */
export const webFormAdapter: ChannelAdapter = {
  kind: 'web_form',
  settings: webFormSettingsSchema,
  queueReply(tx, ticket, channel, messageId, body, now) {
    const settings = webFormSettingsSchema.safeParse(findChannel(tx, channel.id)?.settings ?? {});
    const inbox = replyInbox(tx, settings.success ? settings.data.emailChannelId : null);
    if (inbox) queueEmail(tx, ticket, inbox, messageId, body, now);
    else setMessageDelivery(tx, messageId, 'failed', NOT_CONNECTED);
  },
};
