import type { Db } from '@/db/client';
import { listChannelsOfKind } from '@/db/queries/inbound';
import { updateChannelSettings } from '@/db/queries/channels';
import { sealSecret } from '../channel-secrets';
import { isSealed } from '../secret-box';

/**
 * Email inboxes saved before passwords were sealed keep them in clear; at start each is sealed in place
 * (once: a sealed one is left as it is). Returns how many inboxes changed.
 */
export function sealStoredPasswords(db: Db): number {
  let changed = 0;
  for (const c of listChannelsOfKind(db, 'email')) {
    const s = c.settings as { smtp?: { pass?: string }; imap?: { pass?: string } };
    const seal = (part?: { pass?: string }) => (part?.pass && !isSealed(part.pass) ? { ...part, pass: sealSecret(part.pass) } : part);
    const smtp = seal(s.smtp);
    const imap = seal(s.imap);
    if (smtp === s.smtp && imap === s.imap) continue;
    updateChannelSettings(db, c.id, { ...c.settings, ...(smtp ? { smtp } : {}), ...(imap ? { imap } : {}) });
    changed++;
  }
  return changed;
}
