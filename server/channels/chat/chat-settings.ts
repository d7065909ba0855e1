import crypto from 'node:crypto';
import { z } from 'zod';
import type { WidgetAppearance } from '@/lib/widget-events';

const text = z.object({ en: z.string().max(300), de: z.string().max(300).optional() });

/** A chat widget's settings. `identitySecret` never leaves the server except to admins rotating it. */
export const chatSettingsSchema = z.object({
  /** The snippet's `data-channel`: public, identifies the widget, grants nothing by itself. */
  publicToken: z.string().min(16).max(64),
  /** Key of the HMAC-SHA256 a site's backend computes over a logged-in user's identity. */
  identitySecret: z.string().min(32).max(128),
  /** What happens to an identify call without a valid signature. */
  unverifiedIdentity: z.enum(['refuse', 'anonymous']).default('anonymous'),
  /** Sites that may embed the widget (exact origins); empty means any. */
  allowedOrigins: z.array(z.string().url().max(200)).max(50).default([]),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).default('#2563eb'),
  position: z.enum(['left', 'right']).default('right'),
  greeting: text.default({ en: 'Hi! How can we help?', de: 'Hallo! Wie können wir helfen?' }),
  launcherText: text.default({ en: 'Chat with us', de: 'Chatten Sie mit uns' }),
  defaultLocale: z.enum(['en', 'de']).default('de'),
  expectedReplyMinutes: z.number().int().min(1).max(10080).default(60),
  /** Business hours: outside them the widget says when the team is back; null: always open. */
  calendarId: z.number().int().positive().nullable().default(null),
  /** The intake form asked before a conversation; null: name, email and message only. */
  formId: z.number().int().positive().nullable().default(null),
  /** The email inbox that continues conversations by email and sends transcripts; null: the first one. */
  emailChannelId: z.number().int().positive().nullable().default(null),
});
export type ChatSettings = z.infer<typeof chatSettingsSchema>;

export function newChatSecrets() {
  return { publicToken: crypto.randomBytes(18).toString('base64url'), identitySecret: crypto.randomBytes(32).toString('hex') };
}

export function appearanceOf(s: ChatSettings, limits: { maxFileMb: number; maxMessageLength: number }): WidgetAppearance {
  return {
    color: s.color,
    position: s.position,
    greeting: s.greeting,
    launcherText: s.launcherText,
    defaultLocale: s.defaultLocale,
    expectedReplyMinutes: s.expectedReplyMinutes,
    ...limits,
  };
}
