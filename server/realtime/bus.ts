import { EventEmitter } from 'node:events';
import type { TicketChange } from '@/lib/realtime-events';
import type { TicketStatus } from '@/lib/domain';

/** Domain events inside the process. Domain code emits here; the realtime module (and later jobs) listen. */
export type BusEvents = {
  'ticket.changed': [TicketChange];
  /** After the commit of a status change (emitted before the ticket.changed of the same write). */
  'ticket.status': [{ ticketId: number; from: TicketStatus; to: TicketStatus }];
  'session.revoked': [{ sessionIds: string[] }];
  /** After the commit of notifications for these agents (the header's bell). */
  'notifications.new': [{ agentIds: number[] }];
  /** After the commit of any message; channel adapters with live delivery (the widget) pick theirs. */
  'message.created': [NewMessage];
  'chat.typing': [{ ticketId: number; who: 'agent' | 'visitor'; name: string; typing: boolean }];
  'chat.read': [{ ticketId: number; by: 'agent' | 'visitor'; upTo: number }];
  /** Agents came or went, a calendar or widget was saved, or a widget's business hours opened or closed. */
  'chat.availability': [];
  /** An agent's status changed (chosen, or by connecting and leaving): colleagues' lists of who is there refresh. */
  'agent.status': [];
  /** A survey on this ticket was sent, answered or changed (the widget shows it in the conversation). */
  'survey.changed': [{ ticketId: number }];
};

/** A message just committed, as its writer knows it: enough to show it live without reading it back. */
export type NewMessage = {
  ticketId: number;
  messageId: number;
  authorKind: 'customer' | 'agent';
  /** The agent's name; null for customers. */
  authorName: string | null;
  internal: boolean;
  text: string;
  channelMessageId: string | null;
  createdAt: number;
  fileCount: number;
  /** The socket it was sent over, if any: that one has it from its ack and is not sent it again. */
  originSocketId?: string;
};

export type Bus = EventEmitter<BusEvents>;

// One bus per process, shared with Next's separately bundled module copies through globalThis.
const registry = globalThis as unknown as { __helpdeskBus?: Bus };

export function getBus(): Bus {
  registry.__helpdeskBus ??= new EventEmitter<BusEvents>();
  return registry.__helpdeskBus;
}
