import crypto from 'node:crypto';
import type { Db } from '@/db/client';
import { findChannel, listChannelsOfKind } from '@/db/queries/inbound';
import { insertChannel, updateChannel, updateChannelSettings } from '@/db/queries/channels';
import { listTeams } from '@/db/queries/agents';
import { TELEGRAM_DEFAULTS, telegramSettingsSchema, type TelegramChannelInput, type TelegramSettings } from '@/lib/channel-settings/telegram';
import { DomainError } from '@/server/errors/domain-error';
import { getConfig } from '@/server/runtime-config';
import { openSecret, sealSecret } from '../channel-secrets';
import { telegramCall } from './telegram-api';

const webhookUrl = (id: number) => `${getConfig().publicUrl}/hooks/telegram/${id}`;
const settingsOf = (raw: unknown): TelegramSettings => telegramSettingsSchema.safeParse(raw).data ?? (TELEGRAM_DEFAULTS as TelegramSettings);

/** What the settings page may see: the fields, whether a token is stored, the bot's @name, the webhook URL. */
export function listTelegramChannels(db: Db) {
  return listChannelsOfKind(db, 'telegram').map((c) => {
    const { botToken, webhookSecret: _secret, ...fields } = settingsOf(c.settings);
    return { id: c.id, name: c.name, defaultTeamId: c.defaultTeamId, ...fields, hasBotToken: !!botToken, webhookUrl: webhookUrl(c.id) };
  });
}

/** Creates or updates a bot; a token left empty keeps the stored one. The webhook's secret token is ours, made once. */
export function saveTelegramChannel(db: Db, id: number | null, input: TelegramChannelInput) {
  const { name, defaultTeamId, botToken, ...fields } = input;
  if (defaultTeamId !== null && !listTeams(db).some((t) => t.id === defaultTeamId))
    throw new DomainError('BAD_REQUEST', 'team_not_found', { id: defaultTeamId });
  const previous = id === null ? null : findChannel(db, id);
  if (id !== null && previous?.kind !== 'telegram') throw new DomainError('NOT_FOUND', 'telegram_channel_not_found', { id });
  const stored = previous ? settingsOf(previous.settings) : null;
  const settings: TelegramSettings = {
    ...telegramSettingsSchema.parse(fields),
    botToken: botToken ? sealSecret(botToken) : stored?.botToken,
    webhookSecret: stored?.webhookSecret ?? sealSecret(crypto.randomBytes(32).toString('hex')),
    botUsername: botToken ? undefined : stored?.botUsername,
  };
  if (!settings.botToken) throw new DomainError('BAD_REQUEST', 'telegram_token_missing');
  if (id === null) return insertChannel(db, { kind: 'telegram', name, defaultTeamId, settings });
  updateChannel(db, id, { name, defaultTeamId, settings });
  return { id };
}

function connected(db: Db, id: number) {
  const channel = findChannel(db, id);
  if (channel?.kind !== 'telegram') throw new DomainError('NOT_FOUND', 'telegram_channel_not_found', { id });
  const settings = settingsOf(channel.settings);
  return { settings, token: openSecret(settings.botToken), secret: openSecret(settings.webhookSecret) };
}

const failure = (err: unknown) => ({ ok: false as const, answer: err instanceof Error ? err.message : String(err) });

/** "Test connection": getMe with the stored token; the bot's @name is kept for the page. */
export async function testTelegramConnection(db: Db, id: number) {
  const { settings, token } = connected(db, id);
  if (!token) return { ok: false as const, answer: 'No bot token is stored (or it was sealed with another CHANNEL_SECRET_KEY)' };
  try {
    const me = await telegramCall<{ username?: string; first_name?: string }>(settings, token, 'getMe', {});
    updateChannelSettings(db, id, { ...settings, botUsername: me.username });
    return { ok: true as const, answer: `@${me.username} (${me.first_name ?? ''})` };
  } catch (err) {
    return failure(err);
  }
}

/** Points the bot's webhook at this channel's URL with our secret token: messages and edits only. */
export async function connectTelegramWebhook(db: Db, id: number) {
  const { settings, token, secret } = connected(db, id);
  if (!token || !secret) return { ok: false as const, answer: 'No bot token is stored' };
  try {
    await telegramCall<boolean>(settings, token, 'setWebhook', {
      url: webhookUrl(id),
      secret_token: secret,
      allowed_updates: ['message', 'edited_message', 'callback_query'],
      drop_pending_updates: false,
    });
    return { ok: true as const, answer: webhookUrl(id) };
  } catch (err) {
    return failure(err);
  }
}
