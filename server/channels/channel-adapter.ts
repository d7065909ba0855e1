import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Db, Tx } from '@/db/client';
import type { TicketRow } from '@/db/queries/tickets';
import type { OutboxRow } from '@/db/queries/outbox';
import type { ChannelKind } from '@/lib/domain';

/** A delivery that retrying cannot fix (no relay configured, a 5xx answer, a kind that cannot send). */
export class PermanentDeliveryError extends Error {}

export type OutboundBody = { text: string; subject?: string; autoSubmitted?: boolean };

/** A webhook a channel kind receives at `/hooks/<kind>/<path>` (platforms calling us). */
export type HookRoute = {
  method: 'GET' | 'POST';
  path: string;
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
};

/**
 * Everything the app knows about one channel kind, in one place: its settings (the one schema the
 * admin API, the workers and the stored JSON share), what a public reply does on it, how the outbox
 * delivers it, and the webhooks it listens on. A new kind is a folder with its adapter plus one line in
 * registry.ts.
 */
export type ChannelAdapter = {
  kind: ChannelKind;
  settings: z.ZodType;
  /** A public reply on a ticket of this channel, inside the reply's transaction: queue its delivery. */
  queueReply?: (tx: Tx, ticket: TicketRow, channel: { id: number; kind: ChannelKind }, messageId: number, body: OutboundBody, now: number) => void;
  /** Sends one outbox row; throws PermanentDeliveryError for an answer that retrying cannot change. */
  deliver?: (db: Db, row: OutboxRow) => Promise<void>;
  hooks?: HookRoute[];
};
