import { findChannel, setMessageDelivery } from '@/db/queries/inbound';
import { findIdentityOfKind } from '@/db/queries/customers';
import { insertOutbox } from '@/db/queries/outbox';
import { MESSENGER_DEFAULTS, MESSENGER_WINDOW_MS, messengerSettingsSchema } from '@/lib/channel-settings/messenger';
import { replyWindowOf } from '@/lib/reply-window';
import { DomainError } from '@/server/errors/domain-error';
import { PermanentDeliveryError, type ChannelAdapter, type OutboundBody } from '../channel-adapter';
import { openSecret } from '../channel-secrets';
import { metaHookRoutes, openMetaSecrets } from '../messaging/meta-webhook';
import { sendMessenger, sendMessengerFile } from './messenger-api';
import { outboundFiles } from '../messaging/outbound-files';
import { messengerEventsOf } from './messenger-events';
import { fbMessageId, handleMessengerEvent } from './receive-messenger';
import { windowMsOf } from './messenger-window';

/**
 * Facebook Messenger pages: messages arrive by Meta's signed webhook (stored, then handled in order per
 * person), replies leave through the outbox by the Send API with the page token, as a RESPONSE within 24
 * hours of the customer's last message or, where the page may use it, with the HUMAN_AGENT tag up to 7
 * days; delivery and read receipts come back onto the replies.
 */
// Messenger shows at most 13 quick replies, each title cut at 20 characters.
const QUICK_REPLIES_MAX = 13;

/** The Send API message: the text, with choices as quick replies (or the page's link where there are too many). */
function messageOf(body: OutboundBody): { text: string; quick_replies?: { content_type: 'text'; title: string; payload: string }[] } {
  if (!body.choices) return { text: body.text };
  if (body.choices.options.length > QUICK_REPLIES_MAX) return { text: `${body.text}\n\n${body.choices.fallback}` };
  return { text: body.text, quick_replies: body.choices.options.map((o) => ({ content_type: 'text', title: o.title, payload: o.id })) };
}

export const messengerAdapter: ChannelAdapter = {
  kind: 'messenger',
  settings: messengerSettingsSchema,
  hooks: metaHookRoutes({
    kind: 'messenger',
    secretsOf: (channel) => openMetaSecrets(messengerSettingsSchema.safeParse(channel.settings).data),
    eventsOf: (body, channel) => messengerEventsOf(body, messengerSettingsSchema.parse(channel.settings).pageId),
  }),
  handleWebhookEvent: handleMessengerEvent,
  replyOptions(stored) {
    const s = messengerSettingsSchema.safeParse(stored).data;
    return {
      windowWarningMs: (s?.windowWarningMinutes ?? MESSENGER_DEFAULTS.windowWarningMinutes!) * 60_000,
      windowMs: s ? windowMsOf(s) : undefined,
      templates: [],
    };
  },
  queueReply(tx, ticket, channel, messageId, body, now) {
    const settings = messengerSettingsSchema.safeParse(findChannel(tx, channel.id)?.settings).data;
    const windowMs = settings ? windowMsOf(settings) : MESSENGER_WINDOW_MS;
    const window = replyWindowOf('messenger', ticket.lastCustomerMessageAt, now, windowMs)!;
    if (!window.open) throw new DomainError('CONFLICT', 'messenger_window_closed');
    const psid = findIdentityOfKind(tx, ticket.customerId, 'messenger');
    if (!psid) return setMessageDelivery(tx, messageId, 'failed', '@customer_no_messenger');
    // Past the standard 24 hours only the human-agent tag may carry a reply.
    const standard = replyWindowOf('messenger', ticket.lastCustomerMessageAt, now, MESSENGER_WINDOW_MS)!.open;
    const type = standard ? { messaging_type: 'RESPONSE' } : { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' };
    insertOutbox(tx, { messageId, channelId: channel.id, payload: { recipient: { id: psid }, ...type, message: messageOf(body) }, now });
    setMessageDelivery(tx, messageId, 'queued', null);
  },
  async deliver(db, row) {
    const settings = messengerSettingsSchema.safeParse(findChannel(db, row.channelId)?.settings);
    if (!settings.success) throw new PermanentDeliveryError(`Channel ${row.channelId} has no valid Messenger settings`);
    const token = openSecret(settings.data.pageAccessToken);
    if (!token) throw new PermanentDeliveryError('No page access token is configured for this Messenger page');
    const { message, ...envelope } = row.payload as { message: { text: string } };
    // The agent's files first, each as an attachment of its own, then the text.
    let last: string | null = null;
    for (const f of outboundFiles(db, row)) last = await sendMessengerFile(settings.data, token, envelope, f);
    if (message.text || !last) last = await sendMessenger(settings.data, token, row.payload);
    return { channelMessageId: fbMessageId(last) };
  },
};
