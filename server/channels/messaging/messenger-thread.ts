import type { Tx } from '@/db/client';
import { findLatestTicketOnChannel } from '@/db/queries/chat';
import type { ThreadDecision } from '../inbound-message';

const DAY = 24 * 3600_000;

/**
 * Where a messenger message belongs: the identity's open conversation on this channel; a solved one
 * within `reopenDays` of its solving (the message reopens it); otherwise a new ticket linked to the last.
 * (A closed ticket is final: ingest opens the follow-up.)
 */
export function messengerThread(tx: Tx, channelId: number, customerId: number, reopenDays: number, now: number): ThreadDecision {
  const latest = findLatestTicketOnChannel(tx, channelId, customerId);
  if (!latest) return { kind: 'new' };
  if (latest.status !== 'solved') return { kind: 'join', ticket: latest };
  if (latest.lastSolvedAt !== null && now - latest.lastSolvedAt <= reopenDays * DAY) return { kind: 'join', ticket: latest };
  return { kind: 'new_linked', linkedTicketId: latest.id };
}
