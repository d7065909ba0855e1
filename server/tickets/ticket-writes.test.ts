import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { agents, outbox } from '@/db/schema';
import { listTeams } from '@/db/queries/agents';
import { findTicket, listEvents, listMessages, listTicketTags, updateTicketColumns } from '@/db/queries/tickets';
import { recordBus } from '@/server/testing/bus-recorder';
import { openTestDatabase, viewerOf } from '@/server/testing/test-database';
import { createTestTicket } from '@/server/testing/fixtures';
import type { Viewer } from '@/server/auth/sessions';
import { updateTicket } from './update-ticket';
import { replyToTicket } from './reply-to-ticket';
import { listTickets } from './list-tickets';
import { ticketFilterSchema, type TicketFilter } from '@/lib/ticket-filter';
import { indexNewRows } from '@/db/queries/search-index';
import { insertCustomerWithIdentity } from '@/db/queries/inbound';

// The agent-side writes (property changes, replies) and the list, against a real SQLite file, called as
// the tRPC procedures call them.
let db: Db;
let close: () => void;
let jana: Viewer;
let tom: Viewer;
const T = Date.UTC(2026, 10, 2, 9, 0);

beforeAll(() => {
  ({ db, close } = openTestDatabase());
  jana = viewerOf(db, 'jana@demo.local');
  tom = viewerOf(db, 'tom@demo.local');
});
afterAll(() => close());

/** What the bus said during a test, in order, by event name. */
const heard = recordBus(['ticket.changed', 'ticket.status', 'message.created']);

const eventsAfter = (ticketId: number, skip = 2) =>
  listEvents(db, ticketId)
    .slice(skip)
    .map((e) => ({ type: e.type, data: e.data, actorKind: e.actorKind, actorAgentId: e.actorAgentId }));
const ticketOn = (o: Partial<Parameters<typeof createTestTicket>[1]> = {}) => createTestTicket(db, { channel: 'email', at: T, ...o }).ticket;
const team = (name: string) => listTeams(db).find((t) => t.name === name)!.id;

describe('changing ticket properties', () => {
  it('writes each changed property and one event per change, by whoever changed it', () => {
    const t = ticketOn({ teamId: team('Kundenservice'), tags: ['versand'] });
    expect(
      updateTicket(db, jana, t.id, { priority: 'urgent', assigneeId: tom.id, teamId: team('Billing'), tags: [' Rechnung ', 'versand', 'rechnung', ''] }),
    ).toEqual({
      changed: true,
    });
    expect(findTicket(db, t.id)).toMatchObject({ priority: 'urgent', assigneeId: tom.id, teamId: team('Billing') });
    expect(listTicketTags(db, t.id).map((x) => x.name)).toEqual(['rechnung', 'versand']);
    const by = { actorKind: 'agent', actorAgentId: jana.id };
    expect(eventsAfter(t.id)).toEqual([
      { type: 'priority_changed', data: { from: 'normal', to: 'urgent' }, ...by },
      { type: 'assignee_changed', data: { from: null, to: tom.id }, ...by },
      { type: 'team_changed', data: { from: team('Kundenservice'), to: team('Billing') }, ...by },
      { type: 'tags_changed', data: { added: ['rechnung'], removed: [] }, ...by },
    ]);
    expect(heard).toEqual([{ name: 'ticket.changed', payload: { ticketId: t.id, kind: 'updated', actorAgentId: jana.id } }]);
  });

  it('records nothing and tells no one when nothing changes', () => {
    const t = ticketOn({ priority: 'high', assigneeId: tom.id, tags: ['b', 'a'] });
    expect(updateTicket(db, jana, t.id, { priority: 'high', assigneeId: tom.id, teamId: t.teamId, tags: ['A', 'b'], status: 'open' })).toEqual({
      changed: false,
    });
    expect(eventsAfter(t.id)).toEqual([]);
    expect(findTicket(db, t.id)!.updatedAt).toBe(T);
    expect(heard).toEqual([]);
  });

  it('removes tags and unassigns, saying what went', () => {
    const t = ticketOn({ assigneeId: tom.id, tags: ['a', 'b'] });
    updateTicket(db, jana, t.id, { assigneeId: null, tags: ['b'] });
    expect(findTicket(db, t.id)!.assigneeId).toBeNull();
    expect(eventsAfter(t.id).map((e) => e.data)).toEqual([
      { from: tom.id, to: null },
      { added: [], removed: ['a'] },
    ]);
  });

  it('adds and removes single tags, so two quick changes from screens that had not seen each other both stay', () => {
    const t = ticketOn({ tags: ['versand'] });
    // Two agents (or two quick clicks) add a tag each, neither having seen the other's.
    updateTicket(db, jana, t.id, { addTags: ['Rechnung'] });
    updateTicket(db, tom, t.id, { addTags: ['reklamation', 'versand'] });
    expect(listTicketTags(db, t.id).map((x) => x.name)).toEqual(['rechnung', 'reklamation', 'versand']);
    updateTicket(db, jana, t.id, { removeTags: ['versand', 'nie-gesetzt'] });
    expect(listTicketTags(db, t.id).map((x) => x.name)).toEqual(['rechnung', 'reklamation']);
    expect(eventsAfter(t.id).map((e) => e.data)).toEqual([
      { added: ['rechnung'], removed: [] },
      { added: ['reklamation'], removed: [] },
      { added: [], removed: ['versand'] },
    ]);
  });

  it('refuses more tags than a ticket may carry, changing nothing', () => {
    const t = ticketOn({ tags: Array.from({ length: 20 }, (_, i) => `t${i}`) });
    expect(() => updateTicket(db, jana, t.id, { addTags: ['one-more'] })).toThrow(expect.objectContaining({ key: 'too_many_tags' }));
    expect(listTicketTags(db, t.id)).toHaveLength(20);
  });

  it('changes the status through the status machine and announces it before the change', () => {
    const t = ticketOn({ status: 'open' });
    updateTicket(db, jana, t.id, { status: 'solved' });
    expect(findTicket(db, t.id)).toMatchObject({ status: 'solved', firstSolvedAt: expect.any(Number), lastSolvedAt: expect.any(Number) });
    expect(eventsAfter(t.id)).toEqual([
      { type: 'status_changed', data: expect.objectContaining({ from: 'open', to: 'solved' }), actorKind: 'agent', actorAgentId: jana.id },
    ]);
    expect(heard.map((h) => h.name)).toEqual(['ticket.status', 'ticket.changed']);
    expect(heard[0]!.payload).toEqual({ ticketId: t.id, from: 'open', to: 'solved' });
  });

  it('refuses an unknown or deactivated assignee and an unknown team, changing nothing', () => {
    const t = ticketOn({});
    const refused = (patch: Parameters<typeof updateTicket>[3]) => {
      try {
        updateTicket(db, jana, t.id, patch);
      } catch (err) {
        return { code: (err as { code: string }).code, key: (err as { key: string }).key, params: (err as { params: unknown }).params };
      }
      return null;
    };
    expect(refused({ assigneeId: 99999, priority: 'low' })).toEqual({ code: 'BAD_REQUEST', key: 'agent_not_found', params: { id: 99999 } });
    db.update(agents).set({ active: false }).where(eq(agents.id, tom.id)).run();
    try {
      expect(refused({ assigneeId: tom.id })).toEqual({ code: 'BAD_REQUEST', key: 'agent_not_found', params: { id: tom.id } });
    } finally {
      db.update(agents).set({ active: true }).where(eq(agents.id, tom.id)).run();
    }
    expect(refused({ teamId: 99999 })).toEqual({ code: 'BAD_REQUEST', key: 'team_not_found', params: { id: 99999 } });
    expect(refused({ priority: 'low' }) ?? 'accepted').toBe('accepted');
    expect(eventsAfter(t.id).map((e) => e.type)).toEqual(['priority_changed']);
    expect(() => updateTicket(db, jana, 99999, { priority: 'low' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND', key: 'ticket_not_found' }));
  });
});

describe('replying', () => {
  it('stores a public reply trimmed, queues its delivery, shows it as the preview and stamps the first response', async () => {
    const t = ticketOn({ status: 'new' });
    const { messageId } = await replyToTicket(db, jana, { ticketId: t.id, body: '  Guten Tag!  ', internal: false });
    const reply = listMessages(db, t.id).find((m) => m.id === messageId)!;
    expect(reply).toMatchObject({ authorKind: 'agent', authorAgentId: jana.id, isInternal: false, bodyText: 'Guten Tag!' });
    expect(findTicket(db, t.id)).toMatchObject({ status: 'open', preview: 'Guten Tag!', firstResponseAt: expect.any(Number) });
    // Handed to the channel: this customer has no address, so email says so on the message.
    expect(reply).toMatchObject({ deliveryState: 'failed', deliveryError: '@customer_no_email' });
    expect(heard.map((h) => h.name)).toEqual(['message.created', 'ticket.status', 'ticket.changed']);
    expect(heard[0]!.payload).toMatchObject({
      ticketId: t.id,
      messageId,
      authorKind: 'agent',
      authorName: jana.name,
      internal: false,
      text: 'Guten Tag!',
      fileCount: 0,
    });
    expect(heard[2]!.payload).toEqual({ ticketId: t.id, kind: 'message', actorAgentId: jana.id });
  });

  it('keeps an internal note off the channel and off the preview, and out of the first response', async () => {
    const t = ticketOn({ status: 'new', text: 'Kundentext' });
    const { messageId } = await replyToTicket(db, jana, { ticketId: t.id, body: 'Nur intern', internal: true });
    expect(findTicket(db, t.id)).toMatchObject({ status: 'new', firstResponseAt: null, preview: expect.not.stringContaining('Nur intern') });
    expect(listMessages(db, t.id).find((m) => m.id === messageId)).toMatchObject({ isInternal: true, deliveryState: 'none', deliveryError: null });
    expect(db.select().from(outbox).where(eq(outbox.messageId, messageId)).all()).toEqual([]);
    expect(eventsAfter(t.id).map((e) => e.type)).toEqual(['internal_note']);
    expect(heard.map((h) => h.name)).toEqual(['message.created', 'ticket.changed']);
  });

  it('sends a reply once however often it is retried, and refuses its id on another ticket', async () => {
    const [a, b] = [ticketOn({}), ticketOn({})];
    const first = await replyToTicket(db, jana, { ticketId: a.id, body: 'Einmal', internal: false, clientId: 'draft-1' });
    heard.length = 0;
    expect(await replyToTicket(db, jana, { ticketId: a.id, body: 'Einmal', internal: false, clientId: 'draft-1' })).toEqual(first);
    expect(listMessages(db, a.id).filter((m) => m.authorKind === 'agent')).toHaveLength(1);
    expect(heard).toEqual([]);
    // Another agent's draft of the same id is theirs.
    expect((await replyToTicket(db, tom, { ticketId: a.id, body: 'Auch', internal: false, clientId: 'draft-1' })).messageId).not.toBe(first.messageId);
    await expect(replyToTicket(db, jana, { ticketId: b.id, body: 'Einmal', internal: false, clientId: 'draft-1' })).rejects.toMatchObject({
      code: 'CONFLICT',
      key: 'reply_sent_elsewhere',
    });
  });

  it('refuses an empty reply and a ticket that does not exist', async () => {
    const t = ticketOn({});
    await expect(replyToTicket(db, jana, { ticketId: t.id, body: ' \n ', internal: false })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      key: 'message_empty',
    });
    await expect(replyToTicket(db, jana, { ticketId: 99999, body: 'Hallo', internal: false })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      key: 'ticket_not_found',
      params: { id: 99999 },
    });
    expect(listMessages(db, t.id)).toHaveLength(1);
  });

  it('sets the status chosen with the reply', async () => {
    const t = ticketOn({ status: 'open' });
    await replyToTicket(db, jana, { ticketId: t.id, body: 'Bitte Unterlagen senden', internal: false, status: 'pending' });
    expect(findTicket(db, t.id)!.status).toBe('pending');
    await replyToTicket(db, jana, { ticketId: t.id, body: 'Erledigt intern', internal: true, status: 'solved' });
    expect(findTicket(db, t.id)!.status).toBe('solved');
  });
});

describe('the list', () => {
  const page = (filter: TicketFilter, limit: number) => listTickets(db, jana.id, { filter: ticketFilterSchema.parse(filter), limit });

  it('says there is more only when there is', () => {
    const made = [0, 1, 2].map((i) => ticketOn({ channel: 'whatsapp', at: T + i * 60_000 }).id);
    expect(page({ channel: ['whatsapp'] }, 3)).toMatchObject({ items: made.reverse().map((id) => expect.objectContaining({ id })), nextCursor: null });
    expect(page({ channel: ['whatsapp'] }, 2).nextCursor).not.toBeNull();
  });

  it('interleaves statuses by last activity, newest first', () => {
    const at = T + 3600_000;
    const a = ticketOn({ channel: 'messenger', status: 'open', at }).id;
    const b = ticketOn({ channel: 'messenger', status: 'pending', at: at + 1000 }).id;
    const c = ticketOn({ channel: 'messenger', status: 'new', at: at + 2000 }).id;
    const d = ticketOn({ channel: 'messenger', status: 'open', at: at + 2000 }).id;
    expect(page({ channel: ['messenger'], status: ['new', 'open', 'pending'] }, 10).items.map((i) => i.id)).toEqual([d, c, b, a]);
    // A short page takes the newest across all statuses, not the first status's newest.
    const e = ticketOn({ channel: 'messenger', status: 'pending', at: at + 3000 }).id;
    expect(page({ channel: ['messenger'], status: ['new', 'open', 'pending'] }, 2).items.map((i) => i.id)).toEqual([e, d]);
  });

  it('sorts by the next SLA due time, soonest first, page by page, and lists what is breached or at risk now', () => {
    const now = T + 10 * 3600_000;
    const at = (h: number) => now + h * 3600_000;
    let k = 0;
    const make = (due: number | null, warn: number | null, status: 'open' | 'pending' = 'open') => {
      const t = ticketOn({ channel: 'web_form', status, at: T + ++k * 1000 });
      updateTicketColumns(db, t.id, { slaDueAt: due, slaWarnAt: warn, slaTarget: due === null ? null : 'first_response' });
      return t.id;
    };
    const breached = make(at(-1), at(-2));
    const risky = make(at(1), at(-0.5), 'pending');
    const fine = make(at(3), at(2));
    const later = make(at(5), null);
    make(null, null);
    const due = (extra: TicketFilter, limit = 10, cursor?: { at: number; id: number }) =>
      listTickets(db, jana.id, { filter: ticketFilterSchema.parse({ channel: ['web_form'], sort: 'due', ...extra }), limit, cursor }, now);
    expect(due({}).items.map((i) => i.id)).toEqual([breached, risky, fine, later]);
    const first = due({ status: ['open', 'pending'] }, 2);
    expect(first.items.map((i) => i.id)).toEqual([breached, risky]);
    expect(first.nextCursor).toEqual({ at: at(1), id: risky });
    expect(due({ status: ['open', 'pending'] }, 2, first.nextCursor!).items.map((i) => i.id)).toEqual([fine, later]);
    expect(due({ sla: 'breached' }).items.map((i) => i.id)).toEqual([breached]);
    expect(due({ sla: 'at_risk' }).items.map((i) => i.id)).toEqual([risky]);
    expect(due({ sla: 'at_risk', sort: 'activity' }).items.map((i) => i.id)).toEqual([risky]);
    expect(due({ sort: 'activity' }).items).toHaveLength(5);
  });

  it('searches the words of its subject and messages, and finds nothing for an unknown word', () => {
    const t = ticketOn({ channel: 'telegram', subject: 'Zahnbürste defekt', text: 'Die Zahnbürste lädt nicht mehr' });
    indexNewRows(db);
    expect(page({ q: 'zahnbürste' }, 10)).toMatchObject({ items: [expect.objectContaining({ id: t.id })], searchCapped: false });
    expect(page({ q: 'quxbazwort' }, 10)).toEqual({ items: [], nextCursor: null, searchCapped: false });
  });

  it('finds a ticket by its number, with or without #, whatever the view', () => {
    const t = ticketOn({ channel: 'telegram', subject: 'Ohne Worte', status: 'solved' });
    const number = findTicket(db, t.id)!.number;
    // Only the number finds it: nothing else mentions it yet.
    expect(page({ q: `#${number}` }, 10).items.map((i) => i.id)).toEqual([t.id]);
    // Its own subject names it too: listed once.
    updateTicketColumns(db, t.id, { subject: `Rückfrage zu ${number}` });
    indexNewRows(db);
    expect(page({ q: String(number) }, 10).items.map((i) => i.id)).toEqual([t.id]);
    // Another ticket only mentions the number (as the start of an order number): the named one comes first.
    const mention = ticketOn({ channel: 'telegram', subject: `Bestellung ${number}77`, status: 'solved', at: T + 7 * 86_400_000 });
    indexNewRows(db);
    for (const q of [String(number), `#${number}`, ` # ${number} `]) expect(page({ q }, 10).items.map((i) => i.id)).toEqual([t.id, mention.id]);

    // Paged: the named ticket tops the first page and does not come again.
    const second = ticketOn({ channel: 'telegram', subject: `Retoure ${number}88`, status: 'solved', at: T + 6 * 86_400_000 });
    indexNewRows(db);
    const one = page({ q: String(number) }, 1);
    expect(one.items.map((i) => i.id)).toEqual([t.id, mention.id]);
    const next = listTickets(db, jana.id, { filter: ticketFilterSchema.parse({ q: String(number) }), limit: 1, cursor: one.nextCursor! });
    expect(next.items.map((i) => i.id)).toEqual([second.id]);
    // The number of a ticket the filter leaves out is still left out: the view says so and offers all tickets.
    expect(page({ q: String(number), status: ['open'] }, 10).items.map((i) => i.id)).not.toContain(t.id);
    expect(page({ q: '#999999999' }, 10).items).toEqual([]);
  });

  it('finds a WhatsApp customer’s tickets by their phone number as people type it', () => {
    const customer = insertCustomerWithIdentity(db, { name: 'Kai', email: null, emailVerified: false, kind: 'whatsapp', externalId: '4917012345678', now: T });
    const t = ticketOn({ channel: 'whatsapp', customerId: customer.id });
    for (const q of ['+49 170 12345678', '0170 12345678', '0049-170-12345678', '4917012345678']) expect(page({ q }, 10).items.map((i) => i.id)).toContain(t.id);
    expect(page({ q: '0171 12345678' }, 10).items.map((i) => i.id)).not.toContain(t.id);
  });
});
