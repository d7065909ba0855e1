import { z } from 'zod';
import { defaultsOf } from './defaults-of';

/**
 * An email inbox's settings: the one schema behind what is stored in channels.settings, what the admin
 * API accepts and what the settings page starts a new inbox with. Passwords never leave the server.
 */

export const DEFAULT_ACKNOWLEDGEMENT = {
  enabled: true,
  subject: 'We received your request [#{{number}}]',
  body: 'Hello,\n\nthank you for your message. We have received it as ticket #{{number}} ("{{subject}}") and will answer as soon as possible.\n\nJust reply to this email to add information.',
};

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

export const acknowledgementSchema = z.object({
  enabled: z.boolean().default(DEFAULT_ACKNOWLEDGEMENT.enabled),
  subject: z.string().trim().min(1).max(300).default(DEFAULT_ACKNOWLEDGEMENT.subject),
  body: z.string().trim().min(1).max(5000).default(DEFAULT_ACKNOWLEDGEMENT.body),
});

export const emailSettingsSchema = z.object({
  /** The address customers write to; plus-addressed variants (support+token@) reach it too. */
  address: z.string().trim().toLowerCase().email(),
  displayName: z.string().trim().max(100).default('Support'),
  signature: z.string().max(5000).default(''),
  smtp: smtpSettingsSchema.optional(),
  imap: imapSettingsSchema.optional(),
  acknowledgement: acknowledgementSchema.default(DEFAULT_ACKNOWLEDGEMENT),
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
