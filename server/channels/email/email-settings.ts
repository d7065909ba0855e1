import { z } from 'zod';
import { DEFAULT_ACKNOWLEDGEMENT } from '@/lib/email-defaults';

/** An email inbox's settings, stored in channels.settings. The SMTP password never leaves the server. */
export const emailSettingsSchema = z.object({
  /** The address customers write to; plus-addressed variants (support+token@) reach it too. */
  address: z.string().trim().toLowerCase().email(),
  displayName: z.string().trim().max(100).default('Support'),
  signature: z.string().max(5000).default(''),
  /** Outgoing relay. Without it replies stay queued and fail with a clear reason. */
  smtp: z
    .object({
      host: z.string().trim().min(1),
      port: z.number().int().min(1).max(65535).default(587),
      /** true: TLS from the first byte (465); false: STARTTLS when offered. */
      secure: z.boolean().default(false),
      user: z.string().optional(),
      pass: z.string().optional(),
    })
    .optional(),
  /** Optional polling of a mailbox, for providers that cannot forward to our SMTP listener. */
  imap: z
    .object({
      host: z.string().trim().min(1),
      port: z.number().int().min(1).max(65535).default(993),
      /** true: TLS from the first byte (993); false: STARTTLS when offered (143). */
      secure: z.boolean().default(true),
      user: z.string().min(1),
      pass: z.string().optional(),
      folder: z.string().min(1).default('INBOX'),
      intervalSeconds: z.number().int().min(10).max(3600).default(60),
      /** After the mail is safely stored: mark it seen, or move it to another folder. */
      afterImport: z.enum(['mark_seen', 'move']).default('mark_seen'),
      moveTo: z.string().min(1).default('Helpdesk'),
    })
    .optional(),
  acknowledgement: z
    .object({
      enabled: z.boolean().default(DEFAULT_ACKNOWLEDGEMENT.enabled),
      subject: z.string().max(300).default(DEFAULT_ACKNOWLEDGEMENT.subject),
      body: z.string().max(5000).default(DEFAULT_ACKNOWLEDGEMENT.body),
    })
    .default(DEFAULT_ACKNOWLEDGEMENT),
});
export type EmailSettings = z.infer<typeof emailSettingsSchema>;

export function parseEmailSettings(settings: unknown): EmailSettings {
  return emailSettingsSchema.parse(settings);
}

/** `support+abc@example.com` → `{ base: 'support@example.com', tag: 'abc' }` */
export function splitPlusAddress(address: string): { base: string; tag: string | null } {
  const [local = '', domain = ''] = address.toLowerCase().split('@');
  const plus = local.indexOf('+');
  return plus === -1 ? { base: `${local}@${domain}`, tag: null } : { base: `${local.slice(0, plus)}@${domain}`, tag: local.slice(plus + 1) || null };
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}
