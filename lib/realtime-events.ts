// Typed socket.io contract between the agent UI and the server. Universal: no server imports.

export type TicketChange = {
  ticketId: number;
  /** What changed, so clients refetch only what they show. */
  kind: 'created' | 'updated' | 'message';
  /** The agent who caused it, so their own UI can skip the echo. */
  actorAgentId: number | null;
};

export type PresenceEntry = { agentId: number; name: string; typing: boolean };

export interface AgentServerToClient {
  'ticket:changed': (change: TicketChange) => void;
  presence: (p: { ticketId: number; viewers: PresenceEntry[] }) => void;
  'session:ended': () => void;
}

export interface AgentClientToServer {
  'ticket:view': (ticketId: number) => void;
  'ticket:leave': (ticketId: number) => void;
  typing: (p: { ticketId: number; typing: boolean }) => void;
}
