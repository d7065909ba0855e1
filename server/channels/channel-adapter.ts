import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Db, Tx } from '@/db/client';
import type { TicketRow } from '@/db/queries/tickets';
import type { OutboxRow } from '@/db/queries/outbox';
import type { WebhookEventRow } from '@/db/queries/webhook-events';
import type { ChannelKind } from '@/lib/domain';
import type { MailAddress } from '@/db/schema';

/** A delivery that retrying cannot fix (no relay configured, a 5xx answer, a kind that cannot send). */
export class PermanentDeliveryError extends Error {}

/** A webhook event that retrying cannot help (malformed, for a channel that is gone): recorded as failed at once. */
export class PermanentEventError extends Error {}

/** A platform asked us to slow down (a rate limit): try again after `afterMs`, not on the usual backoff. */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    public readonly afterMs: number,
  ) {
    super(message);
  }
}

export type ReplyOptions = {
  /** How long before the platform's reply window closes the inbox warns. */
  windowWarningMs: number;
  /** The window's length when the channel's differs from the platform's standard (lib/reply-window.ts). */
  windowMs?: number;
  templates: { name: string; language: string; body: string; parameters: string[] }[];
};

/** `template`: a platform's pre-approved message (WhatsApp outside the reply window), already filled in. */
export type OutboundTemplate = { name: string; language: string; parameters: string[] };
/**
 * Buttons a messenger shows with the text (a survey's points); the platform sends an option's `id` back
 * when it is tapped. `label`: the menu's own button where a platform needs one (WhatsApp lists);
 * `fallback`: sent after the text instead by a platform that cannot show that many buttons.
 */
export type OutboundChoices = { label: string; options: { id: string; title: string }[]; fallback: string };
export type OutboundBody = {
  text: string;
  /** Email: the HTML as written (a survey's links) instead of one rendered from the text. */
  html?: string;
  subject?: string;
  /** RFC 3834: true for an automatic reply to the customer, 'auto-generated' for a message of our own accord (a survey). */
  autoSubmitted?: boolean | 'auto-generated';
  template?: OutboundTemplate;
  /** Email: the RFC 8058 one-click unsubscribe URL. */
  unsubscribeUrl?: string;
  choices?: OutboundChoices;
  /** An agent's reply as typed, with the composer's Markdown formatting: email renders its HTML and text parts from it. */
  markdown?: boolean;
  /** Email: the recipients the agent chose (Cc instead of the thread's, Bcc besides); absent, reply-all as the thread was. */
  cc?: MailAddress[];
  bcc?: MailAddress[];
};

/** A webhook a channel kind receives at `/hooks/<kind>/<channel id>` (platforms calling us, one URL per channel). */
export type HookRoute = {
  method: 'GET' | 'POST';
  handle: (req: IncomingMessage, res: ServerResponse, channelId: number) => Promise<void> | void;
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
  /**
   * Sends one outbox row; throws PermanentDeliveryError for an answer that retrying cannot change and
   * RetryLaterError for a rate limit. Returns the platform's id for the sent message where it has one
   * (its later status reports name it).
   */
  deliver?: (db: Db, row: OutboxRow) => Promise<void | { channelMessageId: string }>;
  hooks?: HookRoute[];
  /** What the composer needs to know of the channel: the reply window's warning, approved templates. No secrets. */
  replyOptions?: (settings: Record<string, unknown>) => ReplyOptions;
  /** Handles one stored webhook event (server/channels/messaging/webhook-worker.ts), in order per conversation. */
  handleWebhookEvent?: (db: Db, event: WebhookEventRow) => Promise<void>;
};
