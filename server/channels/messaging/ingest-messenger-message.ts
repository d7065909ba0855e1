import type { Db } from '@/db/client';
import type { NewAttachment } from '@/db/queries/attachments';
import { commitGrouped } from '@/db/group-commit';
import type { ChannelKind } from '@/lib/domain';
import { replyWindowOf } from '@/lib/reply-window';
import { ingest } from '../ingest';
import { messengerThread } from './messenger-thread';
import { planReplyWindowJob } from './reply-window-job';

/**
 * A messenger customer's message through the one way in: their conversation on this channel (or a
 * reopened or linked one, per `reopenDays`), and where the platform has a reply window, its closing job.
 * Shares its commit with other messages of the same moment.
 */
export function ingestMessengerMessage(
  db: Db,
  m: {
    channelId: number;
    kind: ChannelKind;
    externalId: string;
    name: string;
    channelMessageId: string;
    text: string;
    receivedAt: number;
    attachments: NewAttachment[];
    reopenDays: number;
    windowMs?: number | null;
  },
) {
  const window = replyWindowOf(m.kind, m.receivedAt, m.receivedAt, m.windowMs);
  return commitGrouped(db, () =>
    ingest(
      db,
      {
        channelId: m.channelId,
        from: { externalId: m.externalId, name: m.name, email: null, emailProven: false },
        channelMessageId: m.channelMessageId,
        subject: null,
        text: m.text,
        html: null,
        receivedAt: m.receivedAt,
        autoSubmitted: false,
        attachments: m.attachments,
      },
      {
        resolveThread: (tx, customerId) => messengerThread(tx, m.channelId, customerId, m.reopenDays, m.receivedAt),
        onMessageStored: window ? (tx, ticket) => planReplyWindowJob(tx, ticket.id, window.closesAt, m.receivedAt) : undefined,
      },
    ),
  );
}
