import { z } from 'zod';
import { defaultsOf } from './defaults-of';
import { LOCALES, type Locale } from '../domain';

/**
 * An email inbox's settings: the one schema behind what is stored in channels.settings, what the admin
 * API accepts and what the settings page starts a new inbox with. Passwords never leave the server.
 */

/** The acknowledgement's texts per language, the customer's language chosen when it goes out. */
export const DEFAULT_ACKNOWLEDGEMENT_TEXTS = {
  en: {
    subject: 'We received your request [#{{number}}]',
    body: 'Hello,\n\nthank you for your message. We have received it as ticket #{{number}} ("{{subject}}") and will answer as soon as possible.\n\nJust reply to this email to add information.',
  },
  de: {
    subject: 'Wir haben Ihre Anfrage erhalten [#{{number}}]',
    body: 'Guten Tag,\n\nvielen Dank für Ihre Nachricht. Wir haben sie als Ticket #{{number}} („{{subject}}“) erhalten und antworten so bald wie möglich.\n\nAntworten Sie einfach auf diese E-Mail, um etwas zu ergänzen.',
  },
} as const satisfies Record<Locale, { subject: string; body: string }>;
export const DEFAULT_ACKNOWLEDGEMENT = { enabled: true, texts: DEFAULT_ACKNOWLEDGEMENT_TEXTS };

/** Outgoing relay. Without it replies stay queued and fail with a clear reason. */
export const smtpSettingsSchema = z.object({
  host: z.string().trim().min(1).max(255),
  port: z.number().int().min(1).max(65535).default(587),
  /** true: TLS from the first byte (465); false: STARTTLS when offered. */
  secure: z.boolean().default(false),
  /** Empty: the relay takes mail without logging in. */
  user: z.string().trim().max(255).default(''),
  /** Left out on save: the stored one is kept (for the same host only). */
  pass: z.string().max(500).optional(),
});

/** Optional polling of a mailbox, for providers that cannot forward to our SMTP listener. */
export const imapSettingsSchema = z.object({
  host: z.string().trim().min(1).max(255),
  port: z.number().int().min(1).max(65535).default(993),
  /** true: TLS from the first byte (993); false: STARTTLS when offered (143). */
  secure: z.boolean().default(true),
  user: z.string().trim().min(1).max(255),
  pass: z.string().max(500).optional(),
  folder: z.string().trim().min(1).max(200).default('INBOX'),
  intervalSeconds: z.number().int().min(10).max(3600).default(60),
  /** After the mail is safely stored: mark it seen, or move it to another folder. */
  afterImport: z.enum(['mark_seen', 'move']).default('mark_seen'),
  moveTo: z.string().trim().min(1).max(200).default('Helpdesk'),
});

const ackText = (l: Locale) =>
  z
    .object({
      subject: z.string().trim().min(1).max(300),
      body: z.string().trim().min(1).max(5000),
    })
    .default(DEFAULT_ACKNOWLEDGEMENT_TEXTS[l]);

/**
 * Stored before there were languages, an acknowledgement had one subject and body: kept for both
 * languages (an admin's own text may be in either), the English default becoming both defaults.
 */
function upgradeSingleText(v: unknown) {
  if (!v || typeof v !== 'object' || 'texts' in v || !('subject' in v)) return v;
  const { subject, body, ...rest } = v as { subject: unknown; body: unknown };
  const isDefault = subject === DEFAULT_ACKNOWLEDGEMENT_TEXTS.en.subject && body === DEFAULT_ACKNOWLEDGEMENT_TEXTS.en.body;
  return { ...rest, texts: isDefault ? DEFAULT_ACKNOWLEDGEMENT_TEXTS : { en: { subject, body }, de: { subject, body } } };
}

export const acknowledgementSchema = z.preprocess(
  upgradeSingleText,
  z.object({
    enabled: z.boolean().default(DEFAULT_ACKNOWLEDGEMENT.enabled),
    texts: z.object({ en: ackText('en'), de: ackText('de') }).default(DEFAULT_ACKNOWLEDGEMENT_TEXTS),
  }),
);

export const emailSettingsSchema = z.object({
  /** The address customers write to; plus-addressed variants (support+token@) reach it too. */
  address: z.string().trim().toLowerCase().email(),
  displayName: z.string().trim().max(100).default('Support'),
  signature: z.string().max(5000).default(''),
  smtp: smtpSettingsSchema.optional(),
  imap: imapSettingsSchema.optional(),
  acknowledgement: acknowledgementSchema.default(DEFAULT_ACKNOWLEDGEMENT),
  /** The language of automatic mail to a customer whose own is unknown (not said by a form or widget, not recognisable in their mail). */
  defaultLocale: z.enum(LOCALES).default('de'),
});
export type EmailSettings = z.infer<typeof emailSettingsSchema>;

/** What an admin saves: the settings plus the channel's name and team; null switches SMTP or IMAP off. */
export const emailInboxInput = emailSettingsSchema.extend({
  name: z.string().trim().min(1).max(100),
  defaultTeamId: z.number().int().positive().nullable(),
  smtp: smtpSettingsSchema.nullable(),
  imap: imapSettingsSchema.nullable(),
});
export type EmailInboxInput = z.infer<typeof emailInboxInput>;

/** What the settings page starts a new inbox's fields with. */
export const EMAIL_DEFAULTS = {
  ...defaultsOf(emailSettingsSchema),
  smtp: { host: '', user: '', pass: '', ...defaultsOf(smtpSettingsSchema) } as z.output<typeof smtpSettingsSchema>,
  imap: { host: '', user: '', pass: '', ...defaultsOf(imapSettingsSchema) } as z.output<typeof imapSettingsSchema>,
};
