import { z } from 'zod';

/**
 * A chat widget's settings: the one schema behind what is stored in channels.settings, what the admin
 * API accepts and what the settings page starts a new widget with. The identity secret never leaves the
 * server except to an admin who asks for it.
 */

const localizedText = z.object({ en: z.string().trim().min(1).max(300), de: z.string().trim().max(300).optional() });

/** What an admin edits; the public token and the identity secret are not among it (see rotate/reveal). */
export const chatWidgetFields = z.object({
  /** What happens to an identify call without a valid signature. */
  unverifiedIdentity: z.enum(['refuse', 'anonymous']).default('anonymous'),
  /** Sites that may embed the widget (exact origins); empty means any. */
  allowedOrigins: z
    .array(
      z
        .string()
        .trim()
        .url()
        .max(200)
        .transform((u) => new URL(u).origin),
    )
    .max(50)
    .default([]),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default('#2563eb'),
  position: z.enum(['left', 'right']).default('right'),
  greeting: localizedText.default({ en: 'Hi! How can we help?', de: 'Hallo! Wie können wir helfen?' }),
  launcherText: localizedText.default({ en: 'Chat with us', de: 'Chatten Sie mit uns' }),
  defaultLocale: z.enum(['en', 'de']).default('de'),
  expectedReplyMinutes: z.number().int().min(1).max(10080).default(60),
  /** Business hours: outside them the widget says when the team is back; null: always open. */
  calendarId: z.number().int().positive().nullable().default(null),
  /** The intake form asked before a conversation; null: name, email and message only. */
  formId: z.number().int().positive().nullable().default(null),
  /** The email inbox that continues conversations by email and sends transcripts; null: the first one. */
  emailChannelId: z.number().int().positive().nullable().default(null),
});

export const chatSettingsSchema = chatWidgetFields.extend({
  /** The snippet's `data-channel`: public, identifies the widget, grants nothing by itself. */
  publicToken: z.string().min(16).max(64),
  /** Key of the HMAC-SHA256 a site's backend computes over a logged-in user's identity. */
  identitySecret: z.string().min(32).max(128),
});
export type ChatSettings = z.infer<typeof chatSettingsSchema>;

export const chatWidgetInput = chatWidgetFields.extend({
  name: z.string().trim().min(1).max(100),
  defaultTeamId: z.number().int().positive().nullable(),
});
export type ChatWidgetInput = z.infer<typeof chatWidgetInput>;

/** What the settings page starts a new widget with. */
export const CHAT_WIDGET_DEFAULTS = chatWidgetFields.parse({});
