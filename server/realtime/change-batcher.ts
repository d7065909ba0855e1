import type { TicketChange } from '@/lib/realtime-events';

/**
 * Collects ticket changes for a short window and hands them over as one batch, one entry per ticket.
 * Every agent's inbox hears about every change; under load (hundreds of chats at once) one message per
 * window instead of one per change keeps the fan-out (agents × changes) from swamping the sockets.
 * Conversations that are open get their own room events at once, so only list refreshes wait.
 */
export class ChangeBatcher {
  private pending = new Map<number, TicketChange>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly windowMs: number,
    private readonly flush: (changes: TicketChange[]) => void,
  ) {}

  add(change: TicketChange) {
    const before = this.pending.get(change.ticketId);
    this.pending.set(
      change.ticketId,
      before
        ? {
            ticketId: change.ticketId,
            kind: before.kind === 'created' ? 'created' : change.kind,
            actorAgentId: before.actorAgentId === change.actorAgentId ? change.actorAgentId : null,
          }
        : change,
    );
    this.timer ??= setTimeout(() => this.drain(), this.windowMs);
  }

  drain() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.pending.size) return;
    const changes = [...this.pending.values()];
    this.pending.clear();
    this.flush(changes);
  }
}
