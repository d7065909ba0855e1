import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImapFlow } from 'imapflow';
import { startTestServer } from '@/server/testing/test-server';
import { startDovecot, hasDovecot } from '@/server/testing/dovecot';
import { getDb } from '@/db/client';
import { findMessageByChannelMessageId, listChannelsOfKind } from '@/db/queries/inbound';
import { findTicket, listMessages } from '@/db/queries/tickets';
import { updateChannelSettings } from '@/db/queries/channels';
import { ImapPoller, pollMailbox } from './imap-poller';
import { parseEmailSettings } from './email-settings';

// Debian's dovecot-imapd (.ci/run installs it) started on loopback by the test itself.
describe.skipIf(!hasDovecot())('IMAP polling against a real IMAP server', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let imapServer: Awaited<ReturnType<typeof startDovecot>>;
  const user = 'postfach@imap.example';
  const imapSettings = () => ({
    host: '127.0.0.1',
    port: imapServer.port,
    secure: false,
    user,
    pass: 'geheim',
    folder: 'INBOX',
    intervalSeconds: 60,
    afterImport: 'mark_seen' as const,
    moveTo: 'Helpdesk',
  });

  beforeAll(async () => {
    imapServer = await startDovecot({ [user]: 'geheim' });
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
    await imapServer?.stop();
  });

  async function withMailbox<T>(fn: (c: ImapFlow) => Promise<T>): Promise<T> {
    const c = new ImapFlow({ host: '127.0.0.1', port: imapServer.port, secure: false, auth: { user, pass: 'geheim' }, logger: false });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.logout();
    }
  }
  const mail = (id: string, subject: string, body: string) =>
    `From: Kundin <kundin@example.com>\r\nTo: ${user}\r\nSubject: ${subject}\r\nMessage-ID: <${id}>\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${body}\r\n`;
  const count = async (c: ImapFlow, folder: string, what: 'unseen' | 'messages') => {
    const st = await c.status(folder, { [what]: true });
    return st ? st[what] : undefined;
  };
  const unseen = () => withMailbox((c) => count(c, 'INBOX', 'unseen'));

  it('imports unseen mail once and marks it seen only after storing it', async () => {
    await withMailbox(async (c) => {
      await c.append('INBOX', mail('imap-1@example.com', 'Über IMAP', 'Grüße über IMAP'));
      await c.append('INBOX', mail('imap-2@example.com', 'Zweite', 'Noch eine'));
    });
    expect(await pollMailbox(getDb(), 'support@demo.local', imapSettings())).toBe(2);
    const ticketId = findMessageByChannelMessageId(getDb(), '<imap-1@example.com>')!.ticketId;
    expect(findTicket(getDb(), ticketId)!.subject).toBe('Über IMAP');
    expect(listMessages(getDb(), ticketId)[0]!.bodyText).toBe('Grüße über IMAP');
    expect(await unseen()).toBe(0);
    expect(await pollMailbox(getDb(), 'support@demo.local', imapSettings())).toBe(0);
  });

  it('a mail fetched again after a crash (stored, not yet marked) is stored once', async () => {
    await withMailbox((c) => c.append('INBOX', mail('imap-1@example.com', 'Über IMAP', 'Grüße über IMAP')));
    const before = listMessages(getDb(), findMessageByChannelMessageId(getDb(), '<imap-1@example.com>')!.ticketId).length;
    await pollMailbox(getDb(), 'support@demo.local', imapSettings());
    expect(listMessages(getDb(), findMessageByChannelMessageId(getDb(), '<imap-1@example.com>')!.ticketId)).toHaveLength(before);
    expect(await unseen()).toBe(0);
  });

  it('can move imported mail to a folder instead', async () => {
    await withMailbox((c) => c.append('INBOX', mail('imap-3@example.com', 'Verschieben', 'Bitte verschieben')));
    expect(await pollMailbox(getDb(), 'support@demo.local', { ...imapSettings(), afterImport: 'move' })).toBe(1);
    const counts = await withMailbox(async (c) => ({ inbox: await count(c, 'INBOX', 'messages'), moved: await count(c, 'Helpdesk', 'messages') }));
    expect(counts.moved).toBe(1);
    expect(findMessageByChannelMessageId(getDb(), '<imap-3@example.com>')).toBeDefined();
    expect(counts.inbox).toBe(3);
  });

  it('the poller polls configured inboxes and reports failures with backoff', async () => {
    const inbox = listChannelsOfKind(getDb(), 'email')[0]!;
    const settings = parseEmailSettings(inbox.settings);
    updateChannelSettings(getDb(), inbox.id, { ...settings, imap: imapSettings() });
    await withMailbox((c) => c.append('INBOX', mail('imap-4@example.com', 'Vom Poller', 'Automatisch abgeholt')));
    const poller = new ImapPoller(getDb(), () => {});
    const now = Date.now();
    await poller.tick(now);
    expect(findMessageByChannelMessageId(getDb(), '<imap-4@example.com>')).toBeDefined();
    expect(poller.statusOf(inbox.id)).toMatchObject({ lastError: null, imported: 1, nextPollAt: now + 60_000 });

    updateChannelSettings(getDb(), inbox.id, { ...settings, imap: { ...imapSettings(), pass: 'falsch' } });
    await poller.tick(now + 61_000);
    const status = poller.statusOf(inbox.id)!;
    expect(status.lastError).toBeTruthy();
    expect(status.failures).toBe(1);
    expect(status.nextPollAt).toBe(now + 61_000 + 60_000);
    updateChannelSettings(getDb(), inbox.id, { ...settings });
  });
});
