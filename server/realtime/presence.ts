import type { PresenceEntry } from '@/lib/realtime-events';

type Entry = { agentId: number; name: string; typing: boolean };

/** Who is looking at which ticket, per socket, so two tabs of one agent count once and a closed tab leaves. */
export class PresenceRegistry {
  private byTicket = new Map<number, Map<string, Entry>>();

  view(ticketId: number, socketId: string, agent: { id: number; name: string }) {
    let sockets = this.byTicket.get(ticketId);
    if (!sockets) this.byTicket.set(ticketId, (sockets = new Map()));
    sockets.set(socketId, { agentId: agent.id, name: agent.name, typing: false });
  }

  /** Returns false when the socket is not viewing the ticket (typing without viewing is ignored). */
  setTyping(ticketId: number, socketId: string, typing: boolean): boolean {
    const entry = this.byTicket.get(ticketId)?.get(socketId);
    if (!entry) return false;
    entry.typing = typing;
    return true;
  }

  leave(ticketId: number, socketId: string) {
    const sockets = this.byTicket.get(ticketId);
    sockets?.delete(socketId);
    if (sockets?.size === 0) this.byTicket.delete(ticketId);
  }

  /** Removes a socket everywhere and returns the tickets whose viewer list changed. */
  leaveAll(socketId: string): number[] {
    const changed: number[] = [];
    for (const [ticketId, sockets] of this.byTicket) {
      if (sockets.has(socketId)) {
        this.leave(ticketId, socketId);
        changed.push(ticketId);
      }
    }
    return changed;
  }

  viewers(ticketId: number): PresenceEntry[] {
    const merged = new Map<number, PresenceEntry>();
    for (const e of this.byTicket.get(ticketId)?.values() ?? []) {
      const prev = merged.get(e.agentId);
      merged.set(e.agentId, { agentId: e.agentId, name: e.name, typing: e.typing || (prev?.typing ?? false) });
    }
    return [...merged.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}
