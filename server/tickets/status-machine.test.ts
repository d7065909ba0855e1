import { describe, expect, it } from 'vitest';
import { decide, type MachineTicket } from './status-machine';

const CREATED = 1_000_000;
const ticket = (patch: Partial<MachineTicket> = {}): MachineTicket => ({
  id: 7,
  status: 'open',
  createdAt: CREATED,
  firstResponseAt: null,
  firstSolvedAt: null,
  reopenCount: 0,
  ...patch,
});
const agent = { kind: 'agent', agentId: 3 } as const;
const customer = { kind: 'customer' } as const;
const types = (t: ReturnType<typeof decide>) => t.events.map((e) => e.type);

describe('the status machine', () => {
  it('a customer message wakes pending, on-hold and solved tickets; a solved one counts as reopened', () => {
    for (const status of ['pending', 'on_hold'] as const) {
      const t = decide(ticket({ status }), { kind: 'customer_message', messageId: 1 }, customer, 5);
      expect(t.cols).toEqual({ status: 'open' });
      expect(t.status).toEqual({ from: status, to: 'open' });
      expect(t.events).toEqual([
        { ticketId: 7, type: 'customer_message', data: { messageId: 1 }, actorKind: 'customer', actorAgentId: null, createdAt: 5 },
        { ticketId: 7, type: 'status_changed', data: { from: status, to: 'open' }, actorKind: 'customer', actorAgentId: null, createdAt: 5 },
      ]);
    }
    expect(decide(ticket({ status: 'solved', firstSolvedAt: 4, reopenCount: 2 }), { kind: 'customer_message', messageId: 1 }, customer, 5).cols).toEqual({
      status: 'open',
      reopenCount: 3,
    });
  });

  it('a customer message leaves new and open tickets as they are', () => {
    for (const status of ['new', 'open'] as const) {
      const t = decide(ticket({ status }), { kind: 'customer_message', messageId: 1 }, customer, 5);
      expect(t).toMatchObject({ cols: {}, status: null });
      expect(types(t)).toEqual(['customer_message']);
    }
  });

  it('the first public reply stamps the first response with how long it took and opens a new ticket; later ones do not', () => {
    const first = decide(ticket({ status: 'new' }), { kind: 'public_reply', messageId: 9 }, agent, CREATED + 90_000);
    expect(first.cols).toEqual({ firstResponseAt: CREATED + 90_000, status: 'open' });
    expect(first.events[0]).toEqual({
      ticketId: 7,
      type: 'public_reply',
      data: { messageId: 9, firstResponse: { calendarMs: 90_000, businessMs: null, calendarId: null, policyId: null } },
      actorKind: 'agent',
      actorAgentId: 3,
      createdAt: CREATED + 90_000,
    });
    expect(types(first)).toEqual(['public_reply', 'status_changed']);
    // A reply leaves a waiting ticket waiting: only new becomes open by itself.
    expect(decide(ticket({ status: 'pending', firstResponseAt: 1 }), { kind: 'public_reply', messageId: 10 }, agent, 5)).toMatchObject({
      cols: {},
      status: null,
    });
    const later = decide(ticket({ firstResponseAt: CREATED + 1 }), { kind: 'public_reply', messageId: 10 }, agent, CREATED + 5);
    expect(later).toMatchObject({ cols: {}, status: null });
    expect(later.events[0]!.data).toEqual({ messageId: 10 });
  });

  it('an internal note is no response and changes no status unless asked', () => {
    const note = decide(ticket({ status: 'new' }), { kind: 'internal_note', messageId: 4 }, agent, 5);
    expect(note).toEqual({
      cols: {},
      status: null,
      events: [{ ticketId: 7, type: 'internal_note', data: { messageId: 4 }, actorKind: 'agent', actorAgentId: 3, createdAt: 5 }],
    });
    expect(decide(ticket({ status: 'new' }), { kind: 'internal_note', messageId: 4, setStatus: 'on_hold' }, agent, 5).cols).toEqual({ status: 'on_hold' });
  });

  it('a reply can set a status in the same step, and solving records first and last solved with the resolution time', () => {
    const solved = decide(ticket({ firstResponseAt: 2 }), { kind: 'public_reply', messageId: 9, setStatus: 'solved' }, agent, CREATED + 60_000);
    expect(solved.cols).toEqual({ status: 'solved', firstSolvedAt: CREATED + 60_000, lastSolvedAt: CREATED + 60_000 });
    expect(solved.events[1]!.data).toEqual({
      from: 'open',
      to: 'solved',
      resolution: { calendarMs: 60_000, businessMs: null, calendarId: null, policyId: null },
    });
    const again = decide(ticket({ status: 'open', firstSolvedAt: 10, reopenCount: 1 }), { kind: 'set_status', to: 'solved' }, agent, CREATED + 99);
    expect(again.cols).toEqual({ status: 'solved', lastSolvedAt: CREATED + 99 });
  });

  it('setting a status counts a reopen only when leaving solved for unsolved, and does nothing when nothing changes', () => {
    expect(decide(ticket({ status: 'solved', firstSolvedAt: 1 }), { kind: 'set_status', to: 'pending' }, agent, 5).cols).toEqual({
      status: 'pending',
      reopenCount: 1,
    });
    expect(decide(ticket({ status: 'solved', firstSolvedAt: 1 }), { kind: 'set_status', to: 'closed' }, agent, 5).cols).toEqual({ status: 'closed' });
    expect(decide(ticket({ status: 'pending' }), { kind: 'set_status', to: 'open' }, agent, 5).cols).toEqual({ status: 'open' });
    const same = decide(ticket({ status: 'pending' }), { kind: 'set_status', to: 'pending' }, agent, 5);
    expect(same).toEqual({ cols: {}, events: [], status: null });
    const status = decide(ticket({ status: 'pending' }), { kind: 'set_status', to: 'on_hold' }, agent, 5);
    expect(status.events).toEqual([
      { ticketId: 7, type: 'status_changed', data: { from: 'pending', to: 'on_hold' }, actorKind: 'agent', actorAgentId: 3, createdAt: 5 },
    ]);
  });

  it('refuses to change a closed ticket or to set one back to new', () => {
    expect(() => decide(ticket({ status: 'closed' }), { kind: 'set_status', to: 'open' }, agent, 1)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/closed/) }),
    );
    expect(() => decide(ticket({ status: 'closed' }), { kind: 'customer_message', messageId: 1 }, customer, 1)).toThrow(/closed/);
    expect(() => decide(ticket(), { kind: 'set_status', to: 'new' }, agent, 1)).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST', message: expect.stringMatching(/new/) }),
    );
    expect(() => decide(ticket({ status: 'new' }), { kind: 'set_status', to: 'new' }, agent, 1)).not.toThrow();
  });
});
