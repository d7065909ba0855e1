import type { Db } from '@/db/client';
import { findChannel, listChannelsOfKind } from '@/db/queries/inbound';
import { insertChannel, updateChannel } from '@/db/queries/channels';
import { listTeams } from '@/db/queries/agents';
import { DomainError } from '@/server/errors/domain-error';
import { sealSecret } from '../channel-secrets';
import { emailSettingsSchema, type EmailSettings } from './email-settings';
import { sendEmail, verifySmtp } from './send-email';
import { renderBody } from './compose-email';
import { imapStatus } from './imap-status';
import { DEFAULT_ACKNOWLEDGEMENT, EMAIL_DEFAULTS, type EmailInboxInput } from '@/lib/channel-settings/email';

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
      defaultLocale: s?.defaultLocale ?? EMAIL_DEFAULTS.defaultLocale!,
      smtp: s?.smtp ? { host: s.smtp.host, port: s.smtp.port, secure: s.smtp.secure, user: s.smtp.user, hasPassword: Boolean(s.smtp.pass) } : null,
      imap: s?.imap ? { ...s.imap, pass: undefined, hasPassword: Boolean(s.imap.pass), status: imapStatus(c.id) } : null,
    };
  });
}

// A typed password is stored sealed; a stored one is kept only for the same host: never send it to a host it was not meant for.
const keptPassword = (input: { host: string; pass?: string } | null, previous: { host: string; pass?: string } | undefined) =>
  input?.pass ? sealSecret(input.pass) : input && previous?.host === input.host ? previous.pass : undefined;

function toSettings(input: EmailInboxInput, previous: EmailSettings | null): EmailSettings {
  const pass = keptPassword(input.smtp, previous?.smtp);
  return emailSettingsSchema.parse({
    address: input.address,
    displayName: input.displayName,
    signature: input.signature,
    acknowledgement: input.acknowledgement,
    defaultLocale: input.defaultLocale,
    smtp: input.smtp ? { ...input.smtp, pass } : undefined,
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
