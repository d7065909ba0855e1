import { ImapFlow } from 'imapflow';
import { openPassword } from '../channel-secrets';
import type { Db } from '@/db/client';
import type { EmailSettings } from './email-settings';
import { emailInboxes, receiveEmail, UnparseableMailError } from './receive-email';
import { backoffMs } from '@/server/jobs/backoff';

type ImapSettings = NonNullable<EmailSettings['imap']>;
export type PollStatus = { lastPollAt: number | null; lastError: string | null; imported: number; nextPollAt: number; failures: number };

/**
 * IMAP polling for email inboxes that have it configured. Each mail is marked seen (or moved) only
 * after it was committed, so a crash in between means it is fetched again, and the stored Message-ID
 * makes the second import a no-op. Errors back off per inbox (1, 2, 4 … 30 minutes).
 */
export class ImapPoller {
  private status = new Map<number, PollStatus>();
  private busy = new Set<number>();

  constructor(
    private readonly db: Db,
    private readonly log: (line: string) => void,
  ) {}

  statusOf(inboxId: number): PollStatus | null {
    return this.status.get(inboxId) ?? null;
  }

  /** Called by the scheduler every few seconds; polls the inboxes whose time has come. */
  async tick(now = Date.now()) {
    for (const [, inbox] of emailInboxes(this.db)) {
      const imap = inbox.settings.imap;
      if (!imap || this.busy.has(inbox.id)) continue;
      const st = this.status.get(inbox.id);
      if (st && st.nextPollAt > now) continue;
      this.busy.add(inbox.id);
      try {
        await this.poll(inbox.id, inbox.settings.address, imap, now);
      } finally {
        this.busy.delete(inbox.id);
      }
    }
  }

  private async poll(inboxId: number, address: string, imap: ImapSettings, now: number) {
    const prev = this.status.get(inboxId);
    try {
      const imported = await pollMailbox(this.db, address, imap);
      this.status.set(inboxId, {
        lastPollAt: now,
        lastError: null,
        imported: (prev?.imported ?? 0) + imported,
        nextPollAt: now + imap.intervalSeconds * 1000,
        failures: 0,
      });
    } catch (err) {
      const failures = (prev?.failures ?? 0) + 1;
      const message = err instanceof Error ? err.message : String(err);
      this.log(`imap ${imap.user}@${imap.host}: ${message}`);
      this.status.set(inboxId, {
        lastPollAt: now,
        lastError: message,
        imported: prev?.imported ?? 0,
        nextPollAt: now + backoffMs(failures, { baseMs: 60_000, maxMs: 30 * 60_000 }),
        failures,
      });
    }
  }
}

/** One pass over the folder: import every unseen mail, then mark or move it. Returns how many were imported. */
export async function pollMailbox(db: Db, address: string, imap: ImapSettings): Promise<number> {
  const client = new ImapFlow({
    host: imap.host,
    port: imap.port,
    secure: imap.secure,
    auth: { user: imap.user, pass: openPassword(imap.pass) ?? '' },
    logger: false,
    connectionTimeout: 20_000,
  });
  await client.connect();
  let imported = 0;
  try {
    const lock = await client.getMailboxLock(imap.folder);
    try {
      const uids = (await client.search({ seen: false }, { uid: true })) || [];
      for (const uid of uids) {
        const msg = await client.fetchOne(String(uid), { source: true }, { uid: true });
        if (!msg || !msg.source) continue;
        try {
          await receiveEmail(db, msg.source, { mailFrom: null, rcptTo: [address] });
        } catch (err) {
          // Unreadable mail is left unseen for a person to look at; anything else stops this pass.
          if (!(err instanceof UnparseableMailError)) throw err;
          continue;
        }
        if (imap.afterImport === 'move') {
          await client.mailboxCreate(imap.moveTo).catch(() => undefined);
          await client.messageMove(String(uid), imap.moveTo, { uid: true });
        } else {
          await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
        }
        imported++;
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return imported;
}
