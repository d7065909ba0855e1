import { z } from 'zod';
import { defaultsOf } from './defaults-of';
import { apiBaseUrl, channelIdentity, reopenDays, secretInput, windowWarningMinutes } from './messenger-common';

/**
 * A WhatsApp Cloud API number's settings: the one schema behind what is stored in channels.settings, what
 * the admin API accepts and what the settings page starts with. The access token, app secret and verify
 * token are stored sealed (server/channels/secret-box.ts) and never sent to the browser.
 */

/** What a template's `{{1}}`, `{{2}}` … are filled with when an agent sends it. */
export const TEMPLATE_SOURCES = ['customer.name', 'customer.first_name', 'ticket.number', 'ticket.subject', 'agent.name'] as const;
export type TemplateSource = (typeof TEMPLATE_SOURCES)[number];
/** The message key naming a source (`customer.name` → `customer_name`: message keys have no dots). */
export const sourceKey = (s: TemplateSource) =>
  s.replace('.', '_') as 'customer_name' | 'customer_first_name' | 'ticket_number' | 'ticket_subject' | 'agent_name';

export const whatsappTemplateSchema = z.object({
  /** As approved in WhatsApp Manager: lower case, digits and underscores. */
  name: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,512}$/, 'lower-case letters, digits and _ only'),
  /** The approved language's code, e.g. de or en_US. */
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'a language code such as de or en_US'),
  /** The approved body text with its {{1}} … placeholders: shown to the agent and stored in the thread. */
  body: z.string().trim().min(1).max(1024),
  parameters: z.array(z.enum(TEMPLATE_SOURCES)).max(10).default([]),
});
export type WhatsappTemplate = z.infer<typeof whatsappTemplateSchema>;

export const META_GRAPH_URL = 'https://graph.facebook.com/v21.0';

/** What an admin edits apart from the secrets. */
export const whatsappFields = z.object({
  phoneNumberId: z
    .string()
    .trim()
    .regex(/^\d{5,20}$/, 'the number’s id from the WhatsApp API setup page (digits)'),
  businessAccountId: z
    .string()
    .trim()
    .regex(/^(\d{5,20})?$/, 'digits')
    .default(''),
  apiBaseUrl: apiBaseUrl(META_GRAPH_URL),
  windowWarningMinutes,
  reopenDays,
  templates: z.array(whatsappTemplateSchema).max(50).default([]),
});

/** As stored: the fields plus the sealed secrets. */
export const whatsappSettingsSchema = whatsappFields.extend({
  accessToken: z.string().optional(),
  appSecret: z.string().optional(),
  verifyToken: z.string().optional(),
});
export type WhatsappSettings = z.infer<typeof whatsappSettingsSchema>;

/** What an admin saves: a secret left out (or empty) keeps the stored one. */
export const whatsappChannelInput = whatsappFields.extend({
  ...channelIdentity,
  accessToken: secretInput,
  appSecret: secretInput,
  verifyToken: secretInput,
});
export type WhatsappChannelInput = z.infer<typeof whatsappChannelInput>;

export const WHATSAPP_DEFAULTS = defaultsOf(whatsappFields);
