import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultsOf } from './defaults-of';
import { EMAIL_DEFAULTS, emailInboxInput, emailSettingsSchema } from './email';
import { CHAT_WIDGET_DEFAULTS, chatSettingsSchema, chatWidgetInput } from './chat';

describe('channel settings: one schema for storage, the admin API and the settings page', () => {
  it('reads the defaults a schema declares and leaves required fields out', () => {
    const schema = z.object({ host: z.string().min(1), port: z.number().default(587), tags: z.array(z.string()).default([]), note: z.string().optional() });
    expect(defaultsOf(schema)).toEqual({ port: 587, tags: [] });
  });

  it('starts a new email inbox with the same defaults the stored settings fall back to', () => {
    expect(EMAIL_DEFAULTS.smtp).toEqual({ host: '', user: '', pass: '', port: 587, secure: false });
    expect(EMAIL_DEFAULTS.imap).toMatchObject({ port: 993, secure: true, folder: 'INBOX', intervalSeconds: 60, afterImport: 'mark_seen' });
    const stored = emailSettingsSchema.parse({ address: 'Support@Example.com', smtp: { host: 'relay' } });
    expect(stored).toMatchObject({
      address: 'support@example.com',
      displayName: EMAIL_DEFAULTS.displayName,
      smtp: { port: EMAIL_DEFAULTS.smtp.port, user: '' },
    });
  });

  it('refuses what the page must not save, field by field', () => {
    const result = emailInboxInput.safeParse({ name: ' ', defaultTeamId: null, address: 'nope', smtp: { host: 'relay', port: 0 }, imap: null });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['address', 'name', 'smtp.port']);
  });

  it('stores exactly what an admin saved for a chat widget, origins reduced to their origin', () => {
    const input = chatWidgetInput.parse({ name: 'Site', defaultTeamId: null, allowedOrigins: ['https://shop.example.de/path?q=1'] });
    expect(input).toMatchObject({ ...CHAT_WIDGET_DEFAULTS, allowedOrigins: ['https://shop.example.de'] });
    const { name: _n, defaultTeamId: _t, ...settings } = input;
    expect(chatSettingsSchema.parse({ ...settings, publicToken: 'p'.repeat(24), identitySecret: 's'.repeat(64) })).toMatchObject(settings);
  });
});
