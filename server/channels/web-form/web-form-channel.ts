import { transact, type Db } from '@/db/client';
import { insertChannel } from '@/db/queries/channels';
import { listChannelsOfKind } from '@/db/queries/inbound';
import { webFormSettingsSchema } from './web-form-settings';

/**
 * The web-form channel a form's tickets are filed under: the one answering through the form's email
 * inbox, else one without an inbox of its own (it answers through the first), else a new one for that
 * inbox. Tickets from forms are web-form tickets (the "Web form" filter finds them), answered by email.
 */
export function webFormChannelFor(db: Db, emailChannelId: number, inboxDefaultTeamId: number | null): number {
  return transact(db, (tx) => {
    const forms = listChannelsOfKind(tx, 'web_form').map((c) => ({
      id: c.id,
      inbox: webFormSettingsSchema.safeParse(c.settings).data?.emailChannelId ?? null,
    }));
    const found = forms.find((c) => c.inbox === emailChannelId) ?? forms.find((c) => c.inbox === null);
    return found?.id ?? insertChannel(tx, { kind: 'web_form', name: 'Web form', defaultTeamId: inboxDefaultTeamId, settings: { emailChannelId } }).id;
  });
}
