import type { ChannelKind } from './domain';
import { dueAt, remainingMs } from './sla-clock';

/**
 * Messenger reply windows: Meta lets a business answer freely only within 24 hours of the customer's
 * last message (WhatsApp's customer-service window, Messenger's standard messaging window). Counted with
 * the SLA clock in calendar time, so the badge in the browser and the server's job agree to the second.
 * Universal: the inbox counts down with it, the server refuses a free-text reply after it.
 */
export const REPLY_WINDOW_MS: Partial<Record<ChannelKind, number>> = { whatsapp: 24 * 3600_000, messenger: 24 * 3600_000 };

export type ReplyWindow = { closesAt: number; leftMs: number; open: boolean };

/**
 * The window of a ticket on `kind` whose customer last wrote at `lastCustomerMessageAt`; null where the
 * platform has none. `lengthMs`: a channel's own length (a Messenger page with the human-agent tag may
 * answer for 7 days).
 */
export function replyWindowOf(kind: ChannelKind, lastCustomerMessageAt: number | null, now: number, lengthMs?: number | null): ReplyWindow | null {
  const length = REPLY_WINDOW_MS[kind] === undefined ? undefined : (lengthMs ?? REPLY_WINDOW_MS[kind]);
  if (length === undefined) return null;
  if (lastCustomerMessageAt === null) return { closesAt: now, leftMs: 0, open: false };
  const leftMs = remainingMs(null, lastCustomerMessageAt, length, now);
  return { closesAt: dueAt(null, lastCustomerMessageAt, length)!, leftMs, open: leftMs > 0 };
}
