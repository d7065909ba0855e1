import type { Db } from '@/db/client';
import { findChannel, listChannelsOfKind } from '@/db/queries/inbound';
import { insertChannel, updateChannel } from '@/db/queries/channels';
import { listTeams } from '@/db/queries/agents';
import { WHATSAPP_DEFAULTS, whatsappSettingsSchema, type WhatsappChannelInput, type WhatsappSettings } from '@/lib/channel-settings/whatsapp';
import { DomainError } from '@/server/errors/domain-error';
import { getConfig } from '@/server/runtime-config';
import { mergeSecrets, openSecret, secretsPresent } from '../channel-secrets';
import { describeNumber } from './whatsapp-api';

const SECRETS = ['accessToken', 'appSecret', 'verifyToken'] as const;

/** What the settings page may see: every field, of each secret only whether it is set, and the URL to give Meta. */
export function listWhatsappChannels(db: Db) {
  return listChannelsOfKind(db, 'whatsapp').map((c) => {
    // A channel that was never set up shows with empty fields, for the admin to fill in.
    const s = whatsappSettingsSchema.safeParse(c.settings).data ?? { ...WHATSAPP_DEFAULTS, phoneNumberId: '', templates: [] };
    const { accessToken: _a, appSecret: _s, verifyToken: _v, ...fields } = s as WhatsappSettings;
    return {
      id: c.id,
      name: c.name,
      defaultTeamId: c.defaultTeamId,
      ...fields,
      has: secretsPresent(SECRETS, s as WhatsappSettings),
      webhookUrl: `${getConfig().publicUrl}/hooks/whatsapp/${c.id}`,
    };
  });
}

/** Creates or updates a number; a secret left empty keeps the stored one, a new one is sealed before it is stored. */
export function saveWhatsappChannel(db: Db, id: number | null, input: WhatsappChannelInput) {
  const { name, defaultTeamId, ...rest } = input;
  if (defaultTeamId !== null && !listTeams(db).some((t) => t.id === defaultTeamId))
    throw new DomainError('BAD_REQUEST', 'team_not_found', { id: defaultTeamId });
  const other = listChannelsOfKind(db, 'whatsapp').find(
    (c) => c.id !== id && whatsappSettingsSchema.safeParse(c.settings).data?.phoneNumberId === input.phoneNumberId,
  );
  if (other) throw new DomainError('CONFLICT', 'whatsapp_number_taken', { id: input.phoneNumberId, name: other.name });
  const previous = id === null ? null : findChannel(db, id);
  if (id !== null && previous?.kind !== 'whatsapp') throw new DomainError('NOT_FOUND', 'whatsapp_channel_not_found', { id });
  const stored = previous ? (whatsappSettingsSchema.safeParse(previous.settings).data ?? null) : null;
  const secrets = mergeSecrets(SECRETS, rest, stored);
  if (!secrets.complete) throw new DomainError('BAD_REQUEST', 'whatsapp_secrets_missing');
  const settings: WhatsappSettings = {
    ...whatsappSettingsSchema.parse({ ...rest, accessToken: undefined, appSecret: undefined, verifyToken: undefined }),
    ...secrets.sealed,
  };
  if (id === null) return insertChannel(db, { kind: 'whatsapp', name, defaultTeamId, settings });
  updateChannel(db, id, { name, defaultTeamId, settings });
  return { id };
}

/** Asks the platform about the number with the stored token and reports its answer. */
export async function testWhatsappConnection(db: Db, id: number) {
  const channel = findChannel(db, id);
  const s = channel?.kind === 'whatsapp' ? whatsappSettingsSchema.safeParse(channel.settings) : null;
  if (!s?.success) throw new DomainError('NOT_FOUND', 'whatsapp_channel_not_found', { id });
  const token = openSecret(s.data.accessToken);
  if (!token) return { ok: false as const, answer: 'No access token is stored (or it was sealed with another CHANNEL_SECRET_KEY)' };
  return describeNumber(s.data, token);
}
