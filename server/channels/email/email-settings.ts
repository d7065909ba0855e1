import { emailSettingsSchema, type EmailSettings } from '@/lib/channel-settings/email';

// The schema itself is shared with the settings page: lib/channel-settings/email.ts.
export { emailSettingsSchema, type EmailSettings };

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
