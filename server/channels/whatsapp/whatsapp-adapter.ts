import { findChannel, setMessageDelivery } from '@/db/queries/inbound';
import { findIdentityOfKind } from '@/db/queries/customers';
import { insertOutbox } from '@/db/queries/outbox';
import { WHATSAPP_DEFAULTS, whatsappSettingsSchema } from '@/lib/channel-settings/whatsapp';
import { replyWindowOf } from '@/lib/reply-window';
import { DomainError } from '@/server/errors/domain-error';
import { PermanentDeliveryError, type ChannelAdapter, type OutboundBody } from '../channel-adapter';
import { openSecret } from '../channel-secrets';
import { metaHookRoutes, openMetaSecrets } from '../messaging/meta-webhook';
import { sendWhatsapp, uploadMedia } from './whatsapp-api';
import { outboundFiles } from '../messaging/outbound-files';
import { whatsappEventsOf } from './whatsapp-events';
import { handleWhatsappEvent, waMessageId } from './receive-whatsapp';

// A list message holds at most 10 rows (Cloud API); NPS's eleven points plus "stop" go as a link instead.
const LIST_ROWS_MAX = 10;

/** The Cloud API message for a reply: free text inside the window, the approved template outside it, choices as a list. */
function messageOf(body: OutboundBody): Record<string, unknown> {
  if (body.choices && body.choices.options.length <= LIST_ROWS_MAX) {
    const { label, options } = body.choices;
    return {
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: body.text },
        action: { button: label, sections: [{ rows: options.map(({ id, title }) => ({ id, title })) }] },
      },
    };
  }
  if (body.choices) return { type: 'text', text: { preview_url: false, body: `${body.text}\n\n${body.choices.fallback}` } };
  if (!body.template) return { type: 'text', text: { preview_url: false, body: body.text } };
  const { name, language, parameters } = body.template;
  return {
    type: 'template',
    template: {
      name,
      language: { code: language },
      components: parameters.length ? [{ type: 'body', parameters: parameters.map((text) => ({ type: 'text', text })) }] : [],
    },
  };
}

/**
 * WhatsApp Cloud API numbers: messages arrive by Meta's signed webhook (stored, then handled in order per
 * customer), replies leave through the outbox to the Graph API with the number's token, and the platform's
 * statuses (sent, delivered, read, failed) come back onto the reply. Free text only within 24 hours of the
 * customer's last message; after that only an approved template.
 */
export const whatsappAdapter: ChannelAdapter = {
  kind: 'whatsapp',
  settings: whatsappSettingsSchema,
  hooks: metaHookRoutes({
    kind: 'whatsapp',
    secretsOf: (channel) => openMetaSecrets(whatsappSettingsSchema.safeParse(channel.settings).data),
    eventsOf: (body, channel) => whatsappEventsOf(body, whatsappSettingsSchema.parse(channel.settings).phoneNumberId),
  }),
  handleWebhookEvent: handleWhatsappEvent,
  replyOptions(stored) {
    // A channel never set up (settings that do not parse) still has the window, with the default warning.
    const s = whatsappSettingsSchema.safeParse(stored).data;
    return {
      windowWarningMs: (s?.windowWarningMinutes ?? WHATSAPP_DEFAULTS.windowWarningMinutes!) * 60_000,
      templates: (s?.templates ?? []).map(({ name, language, body, parameters }) => ({ name, language, body, parameters })),
    };
  },
  queueReply(tx, ticket, channel, messageId, body, now) {
    const window = replyWindowOf('whatsapp', ticket.lastCustomerMessageAt, now)!;
    // Meta refuses it anyway (131047); saying so now keeps the agent's text in the composer.
    if (!window.open && !body.template) throw new DomainError('CONFLICT', 'reply_window_closed');
    const to = findIdentityOfKind(tx, ticket.customerId, 'whatsapp');
    if (!to) return setMessageDelivery(tx, messageId, 'failed', '@customer_no_whatsapp');
    insertOutbox(tx, { messageId, channelId: channel.id, payload: { to, message: messageOf(body) }, now });
    setMessageDelivery(tx, messageId, 'queued', null);
  },
  async deliver(db, row) {
    const channel = findChannel(db, row.channelId);
    const settings = whatsappSettingsSchema.safeParse(channel?.settings);
    if (!settings.success) throw new PermanentDeliveryError(`Channel ${row.channelId} has no valid WhatsApp settings`);
    const token = openSecret(settings.data.accessToken);
    if (!token) throw new PermanentDeliveryError('No access token is configured for this WhatsApp number');
    const { to, message } = row.payload as { to: string; message: Record<string, unknown> };
    // The agent's files first, each uploaded and sent as a picture or a document, then the text.
    let last: string | null = null;
    for (const f of outboundFiles(db, row)) {
      const id = await uploadMedia(settings.data, token, f);
      last = await sendWhatsapp(
        settings.data,
        token,
        to,
        f.photo ? { type: 'image', image: { id } } : { type: 'document', document: { id, filename: f.filename } },
      );
    }
    const text = message.type !== 'text' || (message.text as { body?: string }).body;
    if (text || !last) last = await sendWhatsapp(settings.data, token, to, message);
    return { channelMessageId: waMessageId(last) };
  },
};
