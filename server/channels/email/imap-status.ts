import type { ImapPoller } from './imap-poller';

// The running poller, for the settings page's "last poll / last error" line.
const registry = globalThis as unknown as { __helpdeskImapPoller?: ImapPoller };

export function setImapPoller(p: ImapPoller | undefined) {
  registry.__helpdeskImapPoller = p;
}

export function imapStatus(inboxId: number) {
  return registry.__helpdeskImapPoller?.statusOf(inboxId) ?? null;
}
