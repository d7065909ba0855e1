import { getDb } from '@/db/client';
import { listChannelsOfKind } from '@/db/queries/inbound';
import { updateChannelSettings } from '@/db/queries/channels';

/** Points the demo email inbox's outgoing mail at a local SMTP server (the tests' sink). */
export function sendDemoInboxTo(port: number, extra: Record<string, unknown> = {}, db = getDb()) {
  const inbox = listChannelsOfKind(db, 'email')[0]!;
  updateChannelSettings(db, inbox.id, {
    address: 'support@demo.local',
    displayName: 'Demo Support',
    smtp: { host: '127.0.0.1', port, secure: false },
    ...extra,
  });
  return inbox;
}
