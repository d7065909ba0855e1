import type { Db } from '@/db/client';
import { findChannel, listChannelsOfKind } from '@/db/queries/inbound';
import { insertChannel, updateChannel } from '@/db/queries/channels';
import { listTeams } from '@/db/queries/agents';
import { DomainError } from '@/server/errors/domain-error';
import { emailSettingsSchema, type EmailSettings } from './email-settings';
import { sendEmail, verifySmtp } from './send-email';
import { renderBody } from './compose-email';
import { imapStatus } from './imap-status';
import { z } from 'zod';
import { DEFAULT_ACKNOWLEDGEMENT } from '@/lib/email-defaults';

/** What the settings page may see: everything but the SMTP password, of which only its presence shows. */
export function listEmailInboxes(db: Db) {
  return listChannelsOfKind(db, 'email').map((c) => {
    const parsed = emailSettingsSchema.safeParse(c.settings);
    const s = parsed.success ? parsed.data : null;
    return {
      id: c.id,
      name: c.name,
      defaultTeamId: c.defaultTeamId,
      address: s?.address ?? '',
      displayName: s?.displayName ?? '',
      signature: s?.signature ?? '',
      acknowledgement: s?.acknowledgement ?? DEFAULT_ACKNOWLEDGEMENT,
      smtp: s?.smtp ? { host: s.smtp.host, port: s.smtp.port, secure: s.smtp.secure, user: s.smtp.user ?? '', hasPassword: Boolean(s.smtp.pass) } : null,
      imap: s?.imap ? { ...s.imap, pass: undefined, hasPassword: Boolean(s.imap.pass), status: imapStatus(c.id) } : null,
    };
  });
}

export const emailInboxInput = z.object({
  name: z.string().trim().min(1).max(100),
  defaultTeamId: z.number().int().positive().nullable(),
  address: z.string().trim().toLowerCase().email(),
  displayName: z.string().trim().max(100),
  signature: z.string().max(5000),
  acknowledgement: z.object({ enabled: z.boolean(), subject: z.string().trim().min(1).max(300), body: z.string().trim().min(1).max(5000) }),
  smtp: z
    .object({
      host: z.string().trim().min(1).max(255),
      port: z.number().int().min(1).max(65535),
      secure: z.boolean(),
      user: z.string().max(255),
      /** Empty or absent keeps the stored password. */
      pass: z.string().max(500).optional(),
    })
    .nullable(),
  imap: z
    .object({
      host: z.string().trim().min(1).max(255),
      port: z.number().int().min(1).max(65535),
      secure: z.boolean(),
      user: z.string().trim().min(1).max(255),
      /** Empty or absent keeps the stored password. */
      pass: z.string().max(500).optional(),
      folder: z.string().trim().min(1).max(200),
      intervalSeconds: z.number().int().min(10).max(3600),
      afterImport: z.enum(['mark_seen', 'move']),
      moveTo: z.string().trim().min(1).max(200),
    })
    .nullable(),
});
export type EmailInboxInput = z.infer<typeof emailInboxInput>;

// A stored password is kept only for the same host: never send it to a host it was not meant for.
const keptPassword = (input: { host: string; pass?: string } | null, previous: { host: string; pass?: string } | undefined) =>
  input?.pass || (input && previous?.host === input.host ? previous.pass : undefined);

function toSettings(input: EmailInboxInput, previous: EmailSettings | null): EmailSettings {
  const pass = keptPassword(input.smtp, previous?.smtp);
  return emailSettingsSchema.parse({
    address: input.address,
    displayName: input.displayName,
    signature: input.signature,
    acknowledgement: input.acknowledgement,
    smtp: input.smtp ? { host: input.smtp.host, port: input.smtp.port, secure: input.smtp.secure, user: input.smtp.user || undefined, pass } : undefined,
    imap: input.imap ? { ...input.imap, pass: keptPassword(input.imap, previous?.imap) } : undefined,
  });
}

function assertAddressFree(db: Db, address: string, exceptId?: number) {
  const taken = listChannelsOfKind(db, 'email').some((c) => c.id !== exceptId && emailSettingsSchema.safeParse(c.settings).data?.address === address);
  if (taken) throw new DomainError('CONFLICT', 'inbox_address_taken', { address });
}

export function saveEmailInbox(db: Db, id: number | null, input: EmailInboxInput) {
  assertAddressFree(db, input.address, id ?? undefined);
  if (input.defaultTeamId !== null && !listTeams(db).some((t) => t.id === input.defaultTeamId)) {
    throw new DomainError('BAD_REQUEST', 'team_not_found', { id: String(input.defaultTeamId) });
  }
  if (id === null) return insertChannel(db, { kind: 'email', name: input.name, defaultTeamId: input.defaultTeamId, settings: toSettings(input, null) });
  const channel = findChannel(db, id);
  if (channel?.kind !== 'email') throw new DomainError('NOT_FOUND', 'inbox_not_found', { id });
  const previous = emailSettingsSchema.safeParse(channel.settings);
  updateChannel(db, id, { name: input.name, defaultTeamId: input.defaultTeamId, settings: toSettings(input, previous.success ? previous.data : null) });
  return { id };
}

/**
 * "Send test": connect to the inbox's relay and send a short mail, returning the server's own answer
 * (or its error) so the admin sees exactly what the relay said.
 */
export async function sendTestEmail(db: Db, id: number, to: string): Promise<{ ok: boolean; response: string }> {
  const channel = findChannel(db, id);
  const settings = channel?.kind === 'email' ? emailSettingsSchema.safeParse(channel.settings) : null;
  if (!settings?.success) throw new DomainError('NOT_FOUND', 'inbox_not_configured', { id });
  if (!settings.data.smtp) return { ok: false, response: 'No outgoing SMTP server is configured' };
  try {
    await verifySmtp(settings.data.smtp);
    const body = renderBody('This is a test message from your helpdesk. Outgoing mail works.', '');
    const domain = settings.data.address.split('@')[1];
    const response = await sendEmail(settings.data, {
      from: { address: settings.data.address, name: settings.data.displayName },
      replyTo: settings.data.address,
      to: [{ address: to }],
      cc: [],
      subject: 'Helpdesk test message',
      messageId: `<test.${Date.now()}@${domain}>`,
      inReplyTo: null,
      references: [],
      ...body,
      autoSubmitted: true,
    });
    return { ok: true, response };
  } catch (err) {
    return { ok: false, response: err instanceof Error ? err.message : String(err) };
  }
}
