import { z } from 'zod';
import { defaultsOf } from './defaults-of';
import { META_GRAPH_URL } from './whatsapp';
import { apiBaseUrl, channelIdentity, reopenDays, secretInput, windowWarningMinutes } from './messenger-common';

/**
 * A Facebook page's Messenger settings: the one schema behind what is stored in channels.settings, what
 * the admin API accepts and what the settings page starts with. The page access token, app secret and
 * verify token are stored sealed and never sent to the browser.
 */
export const messengerFields = z.object({
  pageId: z
    .string()
    .trim()
    .regex(/^\d{5,20}$/, 'the page’s id (digits), under the page’s About → Page transparency'),
  apiBaseUrl: apiBaseUrl(META_GRAPH_URL),
  /**
   * The page may use Meta's human-agent tag (approved for the app): agents can then answer for 7 days
   * after the customer's last message instead of 24 hours.
   */
  humanAgentTag: z.boolean().default(false),
  windowWarningMinutes,
  reopenDays,
});

export const messengerSettingsSchema = messengerFields.extend({
  pageAccessToken: z.string().optional(),
  appSecret: z.string().optional(),
  verifyToken: z.string().optional(),
});
export type MessengerSettings = z.infer<typeof messengerSettingsSchema>;

/** What an admin saves: a secret left out (or empty) keeps the stored one. */
export const messengerChannelInput = messengerFields.extend({
  ...channelIdentity,
  pageAccessToken: secretInput,
  appSecret: secretInput,
  verifyToken: secretInput,
});
export type MessengerChannelInput = z.infer<typeof messengerChannelInput>;

export const MESSENGER_DEFAULTS = defaultsOf(messengerFields);

/** The standard window, and the human-agent tag's. */
export const MESSENGER_WINDOW_MS = 24 * 3600_000;
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * 3600_000;
