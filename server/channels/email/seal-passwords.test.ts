import { DEFAULT_ACKNOWLEDGEMENT } from '@/lib/channel-settings/email';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { findChannel, listChannelsOfKind } from '@/db/queries/inbound';
import { updateChannelSettings } from '@/db/queries/channels';
import { loadConfig } from '@/server/config';
import { setConfig } from '@/server/runtime-config';
import { openTestDatabase } from '@/server/testing/test-database';
import { openPassword } from '../channel-secrets';
import { saveEmailInbox } from './inbox-admin';
import { sealStoredPasswords } from './seal-passwords';

// Mail passwords at rest: sealed when typed, sealed at start when an older version stored them in clear.
let db: Db;
let close: () => void;
let inboxId: number;
beforeAll(() => {
  ({ db, close } = openTestDatabase());
  setConfig(loadConfig({ DATA_DIR: path.join(os.tmpdir(), 'helpdesk-seal-passwords') }));
  inboxId = listChannelsOfKind(db, 'email')[0]!.id;
});
afterAll(() => close());

const stored = () => findChannel(db, inboxId)!.settings as { smtp?: { host: string; pass?: string }; imap?: { pass?: string } };
const base = {
  name: 'Support',
  defaultTeamId: null,
  address: 'support@demo.local',
  displayName: 'Support',
  signature: '',
  acknowledgement: { ...DEFAULT_ACKNOWLEDGEMENT, enabled: false },
  defaultLocale: 'de' as const,
};
const imap = {
  host: 'imap.example.de',
  port: 993,
  secure: true,
  user: 'support',
  folder: 'INBOX',
  intervalSeconds: 60,
  afterImport: 'mark_seen' as const,
  moveTo: 'Helpdesk',
};

describe('mail passwords at rest', () => {
  it('seals the passwords an older version stored in clear, once, and still opens them', () => {
    updateChannelSettings(db, inboxId, {
      address: 'support@demo.local',
      smtp: { host: 'relay.example.de', port: 587, pass: 'smtp-geheim' },
      imap: { ...imap, pass: 'imap-geheim' },
    });
    expect(sealStoredPasswords(db)).toBe(1);
    const s = stored();
    expect(JSON.stringify(s)).not.toContain('geheim');
    expect([openPassword(s.smtp?.pass), openPassword(s.imap?.pass)]).toEqual(['smtp-geheim', 'imap-geheim']);
    expect(sealStoredPasswords(db)).toBe(0);
    expect(stored()).toEqual(s);
  });

  it('seals a typed password on save, keeps the stored one for the same host, and drops it for another host', () => {
    saveEmailInbox(db, inboxId, { ...base, smtp: { host: 'relay.example.de', port: 587, secure: false, user: 'support', pass: 'neu-geheim' }, imap: null });
    expect(stored().smtp!.pass).toMatch(/^v1:/);
    expect(openPassword(stored().smtp!.pass)).toBe('neu-geheim');
    saveEmailInbox(db, inboxId, { ...base, smtp: { host: 'relay.example.de', port: 587, secure: false, user: 'support' }, imap: null });
    expect(openPassword(stored().smtp!.pass)).toBe('neu-geheim');
    saveEmailInbox(db, inboxId, { ...base, smtp: { host: 'other.example.de', port: 587, secure: false, user: 'support' }, imap: null });
    expect(stored().smtp!.pass).toBeUndefined();
  });

  it('reads a clear password as it is and an empty one as empty', () => {
    expect([openPassword('alt'), openPassword(''), openPassword(undefined)]).toEqual(['alt', '', undefined]);
  });
});
