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
  snoozedUntil: null,
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

  describe('snoozing', () => {
    const UNTIL = CREATED + 86_400_000;
    const system = { kind: 'system' } as const;
    const snooze = (reason: string | null = 'Lieferant') => ({ kind: 'snooze', until: UNTIL, reason }) as const;

    it('puts an open or new ticket in pending until a time, and keeps an on-hold one on hold', () => {
      const t = decide(ticket({ status: 'open' }), snooze(), agent, 5);
      expect(t.cols).toEqual({ status: 'pending', snoozedUntil: UNTIL, snoozeReason: 'Lieferant' });
      expect(t.events).toEqual([
        { ticketId: 7, type: 'snoozed', data: { until: UNTIL, reason: 'Lieferant' }, actorKind: 'agent', actorAgentId: 3, createdAt: 5 },
        { ticketId: 7, type: 'status_changed', data: { from: 'open', to: 'pending' }, actorKind: 'agent', actorAgentId: 3, createdAt: 5 },
      ]);
      expect(decide(ticket({ status: 'new' }), snooze(null), agent, 5).cols).toEqual({ status: 'pending', snoozedUntil: UNTIL, snoozeReason: null });
      const held = decide(ticket({ status: 'on_hold' }), snooze(), agent, 5);
      expect(held).toMatchObject({ cols: { snoozedUntil: UNTIL }, status: null });
      expect(types(held)).toEqual(['snoozed']);
    });

    it('snoozing a snoozed ticket again moves its time without a status change', () => {
      const t = decide(ticket({ status: 'pending', snoozedUntil: UNTIL - 1 }), snooze(), agent, 5);
      expect(t).toMatchObject({ cols: { snoozedUntil: UNTIL, snoozeReason: 'Lieferant' }, status: null });
      expect(types(t)).toEqual(['snoozed']);
    });

    it('refuses to snooze a solved or closed ticket', () => {
      expect(() => decide(ticket({ status: 'solved', firstSolvedAt: 1 }), snooze(), agent, 5)).toThrow(
        expect.objectContaining({ code: 'CONFLICT', key: 'ticket_solved_no_snooze' }),
      );
      expect(() => decide(ticket({ status: 'closed' }), snooze(), agent, 5)).toThrow(expect.objectContaining({ key: 'ticket_closed' }));
    });

    it('its time coming opens the ticket and ends the snooze; without a snooze, waking does nothing', () => {
      const t = decide(ticket({ status: 'pending', snoozedUntil: UNTIL }), { kind: 'wake' }, system, UNTIL);
      expect(t.cols).toEqual({ status: 'open', snoozedUntil: null, snoozeReason: null });
      expect(t.status).toEqual({ from: 'pending', to: 'open' });
      expect(t.events).toEqual([
        { ticketId: 7, type: 'snooze_ended', data: { until: UNTIL, cause: 'time' }, actorKind: 'system', actorAgentId: null, createdAt: UNTIL },
        { ticketId: 7, type: 'status_changed', data: { from: 'pending', to: 'open' }, actorKind: 'system', actorAgentId: null, createdAt: UNTIL },
      ]);
      expect(decide(ticket({ status: 'on_hold', snoozedUntil: UNTIL }), { kind: 'wake' }, system, UNTIL).status).toEqual({ from: 'on_hold', to: 'open' });
      expect(decide(ticket({ status: 'pending' }), { kind: 'wake' }, system, UNTIL)).toEqual({ cols: {}, events: [], status: null });
    });

    it('the customer writing, or an agent opening or solving it, ends the snooze early and says who', () => {
      const wrote = decide(ticket({ status: 'pending', snoozedUntil: UNTIL }), { kind: 'customer_message', messageId: 1 }, customer, 9);
      expect(wrote.cols).toEqual({ status: 'open', snoozedUntil: null, snoozeReason: null });
      expect(wrote.events.map((e) => [e.type, e.data])).toEqual([
        ['customer_message', { messageId: 1 }],
        ['snooze_ended', { until: UNTIL, cause: 'customer' }],
        ['status_changed', { from: 'pending', to: 'open' }],
      ]);
      for (const to of ['open', 'solved', 'closed'] as const) {
        const t = decide(ticket({ status: 'pending', snoozedUntil: UNTIL }), { kind: 'set_status', to }, agent, 9);
        expect(t.cols).toMatchObject({ status: to, snoozedUntil: null, snoozeReason: null });
        expect(t.events.find((e) => e.type === 'snooze_ended')).toMatchObject({ data: { until: UNTIL, cause: 'agent' }, actorAgentId: 3 });
      }
    });

    it('moving between the waiting statuses, or a reply that keeps it pending, leaves the snooze alone', () => {
      const hold = decide(ticket({ status: 'pending', snoozedUntil: UNTIL }), { kind: 'set_status', to: 'on_hold' }, agent, 9);
      expect(hold.cols).toEqual({ status: 'on_hold' });
      const reply = decide(ticket({ status: 'pending', snoozedUntil: UNTIL }), { kind: 'public_reply', messageId: 2, setStatus: 'pending' }, agent, 9);
      expect(types(reply)).toEqual(['public_reply']);
      expect(reply.cols).not.toHaveProperty('snoozedUntil');
    });
  });
});
