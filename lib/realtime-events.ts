// Typed socket.io contract between the agent UI and the server. Universal: no server imports.
import type { TicketStatus } from './domain';

export type TicketChange = {
  ticketId: number;
  /** What changed, so clients refetch only what they show. */
  kind: 'created' | 'updated' | 'message';
  /** The agent who caused it, so their own UI can skip the echo. */
  actorAgentId: number | null;
};

export type PresenceEntry = { agentId: number; name: string; typing: boolean };

export interface AgentServerToClient {
  /** Changes of the last moment (batched, one entry per ticket): lists refresh from these. */
  'tickets:changed': (changes: TicketChange[]) => void;
  /** A new message on a ticket this socket views (sent to its `ticket:<id>` room only). */
  'ticket:message': (m: { ticketId: number; messageId: number; authorKind: 'customer' | 'agent'; internal: boolean; text: string }) => void;
  /** Chat: the customer is typing / has read up to a message. */
  'customer:typing': (p: { ticketId: number; typing: boolean }) => void;
  'customer:read': (p: { ticketId: number; upTo: number }) => void;
  presence: (p: { ticketId: number; viewers: PresenceEntry[] }) => void;
  'session:ended': () => void;
  /** New notifications for this agent (sent to their own `agent:<id>` room): the bell refetches. */
  'notifications:new': () => void;
  /** A colleague's status changed: the directory (who is online, away, offline) refetches. */
  'agents:status': () => void;
}

export interface AgentClientToServer {
  'ticket:view': (ticketId: number) => void;
  'ticket:leave': (ticketId: number) => void;
  typing: (p: { ticketId: number; typing: boolean }) => void;
  /** A public reply or note sent over the socket (chat): acked after the commit. */
  reply: (
    p: { ticketId: number; body: string; internal: boolean; status?: TicketStatus; clientId?: string },
    ack: (res: { ok: true; messageId: number } | { ok: false; message: string; data?: { key: string; params: Record<string, string | number> } }) => void,
  ) => void;
}
