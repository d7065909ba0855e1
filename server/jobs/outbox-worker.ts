import { type Db, transact } from '@/db/client';
import * as outboxQ from '@/db/queries/outbox';
import { findChannel, setMessageDelivery } from '@/db/queries/inbound';
import { findTicketIdOfMessage, setMessageChannelId } from '@/db/queries/messages';
import { findTicket } from '@/db/queries/tickets';
import { getBus } from '@/server/realtime/bus';
import { commitGrouped } from '@/db/group-commit';
import { PermanentDeliveryError, RetryLaterError } from '@/server/channels/channel-adapter';
import { adapterFor } from '@/server/channels/registry';
import { backoffMs } from './backoff';

export const MAX_ATTEMPTS = 8;

/** 30 s, 1 min, 2 min … capped at one hour: a relay that is down for a while is retried for about 4 hours. */
export const OUTBOX_RETRY = { baseMs: 30_000, maxMs: 60 * 60_000 };

/** Delivers what is due in the outbox once; the scheduler calls it every second. */
export async function runOutboxOnce(db: Db, now = Date.now()): Promise<number> {
  const due = outboxQ.listDueOutbox(db, now);
  let handled = 0;
  for (const row of due) {
    if (!outboxQ.claimOutbox(db, row.id, now)) continue;
    handled++;
    const attempts = row.attempts + 1;
    let outcome: { state: 'sent' | 'failed' | 'queued' | 'skipped'; error: string | null; channelMessageId?: string; retryAfterMs?: number };
    try {
      if (row.payload.chatFallback && row.messageId !== null && seenInChat(db, row.messageId)) outcome = { state: 'skipped', error: null };
      else {
        const sent = await deliver(db, row);
        outcome = { state: 'sent', error: null, channelMessageId: sent?.channelMessageId };
      }
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const permanent = err instanceof PermanentDeliveryError || attempts >= MAX_ATTEMPTS;
      outcome = { state: permanent ? 'failed' : 'queued', error, retryAfterMs: err instanceof RetryLaterError ? err.afterMs : undefined };
    }
    // Shares a commit with whatever else is written in this turn (inbound mail under load).
    await commitGrouped(db, () =>
      transact(db, (tx) => {
        outboxQ.finishOutbox(tx, row.id, {
          state: outcome.state,
          attempts,
          // A platform's rate-limit answer says when to come back; otherwise the usual backoff.
          nextAttemptAt: now + (outcome.retryAfterMs ?? backoffMs(attempts, OUTBOX_RETRY)),
          lastError: outcome.error,
          now: Date.now(),
        });
        // While retrying the message stays "queued" but shows the last error, so agents see why.
        // A skipped fallback was delivered in the chat and read there. A notification email has no message.
        if (row.messageId !== null) setMessageDelivery(tx, row.messageId, outcome.state === 'skipped' ? 'sent' : outcome.state, outcome.error);
        // The platform's id for what we sent: its status reports (delivered, read, failed) name it.
        if (row.messageId !== null && outcome.channelMessageId) setMessageChannelId(tx, row.messageId, outcome.channelMessageId);
      }),
    );
    const ticketId = row.messageId === null ? undefined : findTicketIdOfMessage(db, row.messageId);
    if (ticketId) getBus().emit('ticket.changed', { ticketId, kind: 'message', actorAgentId: null });
  }
  return handled;
}

/** Whether the visitor has read this chat message in the widget (read receipts only move forward). */
function seenInChat(db: Db, messageId: number) {
  const ticketId = findTicketIdOfMessage(db, messageId);
  const read = ticketId === undefined ? null : findTicket(db, ticketId)?.customerReadMessageId;
  return read != null && read >= messageId;
}

/** Through the adapter of the row's channel kind (the channel the message leaves by, e.g. a chat's email inbox). */
async function deliver(db: Db, row: outboxQ.OutboxRow) {
  const channel = findChannel(db, row.channelId);
  const adapter = channel ? adapterFor(channel.kind) : undefined;
  if (!adapter?.deliver) throw new PermanentDeliveryError(`Channel ${row.channelId} cannot deliver messages`);
  return adapter.deliver(db, row);
}
