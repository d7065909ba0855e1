import type { Tx } from '@/db/client';
import { listChannelsOfKind } from '@/db/queries/inbound';
import { emailSettingsSchema, type EmailSettings } from '@/server/channels/email/email-settings';

/**
 * The email inbox that sends a mail to an agent: the given channel when it is an email inbox that can
 * send, else one whose default team is the given team, else any that can send; undefined when none can.
 */
export function sendingInbox(tx: Tx, prefer: { channelId?: number; teamId: number | null }): { id: number; settings: EmailSettings } | undefined {
  const sending = listChannelsOfKind(tx, 'email').flatMap((c) => {
    const s = emailSettingsSchema.safeParse(c.settings);
    return s.success && s.data.smtp ? [{ id: c.id, teamId: c.defaultTeamId, settings: s.data }] : [];
  });
  return sending.find((c) => c.id === prefer.channelId) ?? sending.find((c) => c.teamId !== null && c.teamId === prefer.teamId) ?? sending[0];
}
