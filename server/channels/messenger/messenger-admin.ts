import type { Db } from '@/db/client';
import { findChannel, listChannelsOfKind } from '@/db/queries/inbound';
import { insertChannel, updateChannel } from '@/db/queries/channels';
import { listTeams } from '@/db/queries/agents';
import { MESSENGER_DEFAULTS, messengerSettingsSchema, type MessengerChannelInput, type MessengerSettings } from '@/lib/channel-settings/messenger';
import { DomainError } from '@/server/errors/domain-error';
import { getConfig } from '@/server/runtime-config';
import { mergeSecrets, openSecret, secretsPresent } from '../channel-secrets';
import { describePage } from './messenger-api';

const SECRETS = ['pageAccessToken', 'appSecret', 'verifyToken'] as const;
const settingsOf = (raw: unknown): MessengerSettings =>
  messengerSettingsSchema.safeParse(raw).data ?? ({ ...MESSENGER_DEFAULTS, pageId: '' } as MessengerSettings);

/** What the settings page may see: every field, of each secret only whether it is set, and the URL to give Meta. */
export function listMessengerChannels(db: Db) {
  return listChannelsOfKind(db, 'messenger').map((c) => {
    const s = settingsOf(c.settings);
    const { pageAccessToken: _t, appSecret: _a, verifyToken: _v, ...fields } = s;
    return {
      id: c.id,
      name: c.name,
      defaultTeamId: c.defaultTeamId,
      ...fields,
      has: secretsPresent(SECRETS, s),
      webhookUrl: `${getConfig().publicUrl}/hooks/messenger/${c.id}`,
    };
  });
}

export function saveMessengerChannel(db: Db, id: number | null, input: MessengerChannelInput) {
  const { name, defaultTeamId, ...rest } = input;
  if (defaultTeamId !== null && !listTeams(db).some((t) => t.id === defaultTeamId))
    throw new DomainError('BAD_REQUEST', 'team_not_found', { id: defaultTeamId });
  const other = listChannelsOfKind(db, 'messenger').find((c) => c.id !== id && messengerSettingsSchema.safeParse(c.settings).data?.pageId === input.pageId);
  if (other) throw new DomainError('CONFLICT', 'messenger_page_taken', { id: input.pageId, name: other.name });
  const previous = id === null ? null : findChannel(db, id);
  if (id !== null && previous?.kind !== 'messenger') throw new DomainError('NOT_FOUND', 'messenger_channel_not_found', { id });
  const secrets = mergeSecrets(SECRETS, rest, previous ? settingsOf(previous.settings) : null);
  if (!secrets.complete) throw new DomainError('BAD_REQUEST', 'messenger_secrets_missing');
  const settings: MessengerSettings = {
    ...messengerSettingsSchema.parse({ ...rest, pageAccessToken: undefined, appSecret: undefined, verifyToken: undefined }),
    ...secrets.sealed,
  };
  if (id === null) return insertChannel(db, { kind: 'messenger', name, defaultTeamId, settings });
  updateChannel(db, id, { name, defaultTeamId, settings });
  return { id };
}

/** Asks the platform about the page with the stored token and reports its answer. */
export async function testMessengerConnection(db: Db, id: number) {
  const channel = findChannel(db, id);
  if (channel?.kind !== 'messenger') throw new DomainError('NOT_FOUND', 'messenger_channel_not_found', { id });
  const settings = settingsOf(channel.settings);
  const token = openSecret(settings.pageAccessToken);
  if (!token) return { ok: false, answer: 'No page access token is stored (or it was sealed with another CHANNEL_SECRET_KEY)' };
  return describePage(settings, token);
}
