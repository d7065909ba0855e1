import type { Db } from '@/db/client';
import { requeueInterrupted } from '@/db/queries/outbox';
import { indexAllRows, indexNewRows } from '@/db/queries/search-index';
import { ImapPoller } from '@/server/channels/email/imap-poller';
import { setImapPoller } from '@/server/channels/email/imap-status';
import { createScheduler } from './scheduler';
import { collectOrphanFiles } from '@/server/content/attachment-gc';
import { runOutboxOnce } from './outbox-worker';
import { deleteExpiredFormTokens } from '@/db/queries/forms';
import { deleteExpiredSessions } from '@/db/queries/sessions';
import { deleteSettledJobs } from '@/db/queries/jobs';
import { runDueJobs } from './durable-jobs';
import { registerSlaJobs } from '@/server/sla/replan';
import { registerNotificationMailJobs } from '@/server/notifications/notification-mail';
import { registerSurveyJobs } from '@/server/surveys/send-survey';
import { registerCustomerUpdateJobs } from '@/server/customer-updates/send-customer-update';
import { registerReplyWindowJobs } from '@/server/channels/messaging/reply-window-job';
import { kickWebhookWorker } from '@/server/channels/messaging/webhook-worker';
import { deleteSettledWebhookEvents } from '@/db/queries/webhook-events';
import { deleteOnlineSpansBefore } from '@/db/queries/presence-spans';
import { registerSendReplyJobs } from '@/server/tickets/undo-send';
import { registerSnoozeJobs } from '@/server/tickets/snooze-ticket';
import { planWeeklyDigests, registerWeeklyDigestJobs } from '@/server/dashboard/weekly-digest';
import { foldPendingRollups } from '@/db/queries/metric-rollups';
import { PRESENCE_TICK_MS, recordOnlineAgents } from '@/server/realtime/presence-spans';

/**
 * The process's timed work: durable one-shot jobs, outbox delivery, stored webhook events, search indexing,
 * IMAP polling, orphan files, who is online, the dashboard's rollups, leads’ weekly summaries, and clearing what expired (sessions, form tokens, settled jobs and events).
 */
export function startJobs(db: Db, opts: { outboxIntervalMs: number; dataDir: string; log: (line: string) => void }) {
  const scheduler = createScheduler(opts.log);
  registerSlaJobs();
  registerNotificationMailJobs();
  registerSurveyJobs();
  registerCustomerUpdateJobs();
  registerReplyWindowJobs();
  registerWeeklyDigestJobs();
  registerSendReplyJobs();
  registerSnoozeJobs();
  // A delivery interrupted by a crash is sent again; the index catches up with what was written meanwhile.
  requeueInterrupted(db, Date.now());
  indexAllRows(db);
  scheduler.every('outbox', opts.outboxIntervalMs, async () => void (await runOutboxOnce(db)));
  scheduler.every('search-index', 500, () => void indexNewRows(db));
  // Webhooks kick the worker themselves; this picks up retries and what a restart left behind.
  scheduler.every('webhook-events', 1000, () => kickWebhookWorker(db));
  const imapPoller = new ImapPoller(db, opts.log);
  setImapPoller(imapPoller);
  scheduler.every('imap', 2000, () => imapPoller.tick());
  // Due one-shot jobs run within a quarter second of their time.
  scheduler.every('durable-jobs', 250, () => void runDueJobs(db));
  scheduler.every('presence', PRESENCE_TICK_MS, () => recordOnlineAgents(db));
  // The dashboard folds before it reads; this keeps the pending list short when nobody looks (one batch a tick).
  scheduler.every('metric-rollups', 2000, () => void foldPendingRollups(db, 2000, 1));
  // Each opted-in lead's summary of this week is planned (once; a planned one is left alone).
  planWeeklyDigests(db, Date.now());
  scheduler.every('weekly-digest', 3600_000, () => planWeeklyDigests(db, Date.now()));
  scheduler.every('cleanup', 3600_000, () => {
    const now = Date.now();
    deleteExpiredSessions(db, now);
    deleteExpiredFormTokens(db, now);
    deleteSettledJobs(db, now - 30 * 24 * 3600_000);
    deleteSettledWebhookEvents(db, now - 7 * 24 * 3600_000);
    deleteOnlineSpansBefore(db, now - 2 * 366 * 24 * 3600_000);
  });
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
