import { describe, expect, it, vi } from 'vitest';
import { ChangeBatcher } from './change-batcher';

describe('ChangeBatcher', () => {
  it('sends one batch per window with one entry per ticket', () => {
    vi.useFakeTimers();
    const flushed: unknown[] = [];
    const b = new ChangeBatcher(100, (c) => flushed.push(c));
    b.add({ ticketId: 1, kind: 'created', actorAgentId: null });
    b.add({ ticketId: 1, kind: 'message', actorAgentId: null });
    b.add({ ticketId: 2, kind: 'updated', actorAgentId: 7 });
    b.add({ ticketId: 2, kind: 'message', actorAgentId: 8 });
    expect(flushed).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(flushed).toEqual([
      [
        { ticketId: 1, kind: 'created', actorAgentId: null },
        { ticketId: 2, kind: 'message', actorAgentId: null },
      ],
    ]);
    b.add({ ticketId: 3, kind: 'updated', actorAgentId: 1 });
    vi.advanceTimersByTime(100);
    expect(flushed).toHaveLength(2);
    vi.useRealTimers();
  });
});
