import type { ChannelAdapter } from '../channel-adapter';
import { findCustomer } from '@/db/queries/customers';
import { getConfig } from '@/server/runtime-config';
import { queueEmail } from '../email/queue-email';
import { chatSettingsSchema } from './chat-settings';
import { isWatching } from './chat-watchers';
import { chatEmailInbox } from './chat-email-inbox';

/**
 * The chat widget: replies travel over the visitor's socket (the bus delivers them live). Only a visitor
 * who has left gets the reply by email, through the widget's email inbox, and their answer by email
 * threads back onto the chat.
 */
export const chatAdapter: ChannelAdapter = {
  kind: 'chat',
  settings: chatSettingsSchema,
  queueReply(tx, ticket, channel, messageId, body, now) {
    if (isWatching('visitor', ticket.id) || !findCustomer(tx, ticket.customerId)?.email) return;
    const inbox = chatEmailInbox(tx, channel.id);
    // A visitor who only switched tabs or lost the network for a moment reads it in the chat instead.
    if (inbox) queueEmail(tx, ticket, inbox, messageId, body, now, { dueAt: now + getConfig().CHAT_EMAIL_DELAY_SECONDS * 1000 });
  },
};
