import type { Db } from '@/db/client';
import { requeueInterrupted } from '@/db/queries/outbox';
import { indexAllRows, indexNewRows } from '@/db/queries/search-index';
import { ImapPoller } from '@/server/channels/email/imap-poller';
import { setImapPoller } from '@/server/channels/email/imap-status';
import { createScheduler } from './scheduler';
import { getBus } from '@/server/realtime/bus';
import { collectOrphanFiles } from '@/server/content/attachment-gc';
import { runOutboxOnce } from './outbox-worker';
import { deleteExpiredFormTokens } from '@/db/queries/forms';

/** The process's timed work: outbox delivery, search indexing, IMAP polling, widget business hours, expired form tokens, orphan files. */
export function startJobs(db: Db, opts: { outboxIntervalMs: number; dataDir: string; log: (line: string) => void }) {
  const scheduler = createScheduler(opts.log);
  // A delivery interrupted by a crash is sent again; the index catches up with what was written meanwhile.
  requeueInterrupted(db, Date.now());
  indexAllRows(db);
  scheduler.every('outbox', opts.outboxIntervalMs, async () => void (await runOutboxOnce(db)));
  scheduler.every('search-index', 500, () => void indexNewRows(db));
  const imapPoller = new ImapPoller(db, opts.log);
  setImapPoller(imapPoller);
  scheduler.every('imap', 2000, () => imapPoller.tick());
  // Business hours open and close by the clock: widgets re-check what they show (and say only changes).
  scheduler.every('chat-availability', 15_000, () => void getBus().emit('chat.availability'));
  scheduler.every('form-tokens', 3600_000, () => void deleteExpiredFormTokens(db, Date.now()));
  scheduler.every('attachment-gc', 6 * 3600_000, async () => {
    const { removed } = await collectOrphanFiles(db, opts.dataDir);
    if (removed) opts.log(`Removed ${removed} stored file(s) no message uses`);
  });
  return {
    stop: async () => {
      await scheduler.stop();
      setImapPoller(undefined);
    },
  };
}
