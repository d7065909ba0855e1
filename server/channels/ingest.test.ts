import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { ticketLinks } from '@/db/schema';
import { findChannelKind, findCustomerByIdentity, listChannelsOfKind } from '@/db/queries/inbound';
import { findCustomer } from '@/db/queries/customers';
import { findTicket, listEvents, listMessages, updateTicketColumns } from '@/db/queries/tickets';
import type { ChannelKind } from '@/lib/domain';
import { recordBus } from '@/server/testing/bus-recorder';
import { openTestDatabase } from '@/server/testing/test-database';
import { ingest, type IngestOptions } from './ingest';
import type { InboundMessage } from './inbound-message';

// The one way in, called as every channel calls it, against a real SQLite file.
let db: Db;
let close: () => void;
const T = Date.UTC(2026, 10, 3, 8, 15);
let n = 0;

beforeAll(() => ({ db, close } = openTestDatabase()));
afterAll(() => close());

const heard = recordBus(['ticket.changed', 'ticket.status', 'message.created']);

const channelOf = (kind: ChannelKind) => listChannelsOfKind(db, kind)[0]!;
/** A customer's message on a channel kind; each call is a new sender unless `from` says who. */
const message = (kind: ChannelKind, o: Partial<InboundMessage> = {}): InboundMessage => ({
  channelId: channelOf(kind).id,
  from: { externalId: `sender-${++n}`, name: `Kundin ${n}`, email: null, emailProven: false },
  channelMessageId: null,
  subject: null,
  text: 'Hallo, meine Bestellung ist nicht angekommen.',
  html: null,
  receivedAt: T,
  autoSubmitted: false,
  ...o,
});
const fresh: IngestOptions = { resolveThread: () => ({ kind: 'new' }) };
const joining = (ticketId: number): IngestOptions => ({ resolveThread: (tx) => ({ kind: 'join', ticket: findTicket(tx, ticketId)! }) });

describe('a first message', () => {
  it('opens a ticket for a new customer with what it started with, recorded in its history', () => {
    const msg = message('email', { subject: '  Lieferung  ', from: { externalId: 'kim@example.de', name: '', email: 'kim@example.de', emailProven: true } });
    const res = ingest(db, msg, fresh);
    expect(res).toEqual({
      ticketId: expect.any(Number),
      messageId: expect.any(Number),
      createdTicket: true,
      duplicate: false,
      readByAgent: false,
      status: null,
    });
    const channel = channelOf('email');
    const ticket = findTicket(db, res.ticketId)!;
    expect(ticket).toMatchObject({
      subject: 'Lieferung',
      status: 'new',
      priority: 'normal',
      channelId: channel.id,
      teamId: channel.defaultTeamId,
      assigneeId: null,
      isSpam: false,
      createdAt: T,
      lastActivityAt: T,
      lastCustomerMessageAt: T,
      preview: msg.text,
    });
    expect(findCustomer(db, ticket.customerId)).toMatchObject({ name: 'kim@example.de', email: 'kim@example.de', emailVerified: true });
    expect(listMessages(db, ticket.id)).toEqual([
      expect.objectContaining({ id: res.messageId, authorKind: 'customer', authorCustomerId: ticket.customerId, bodyText: msg.text, meta: null }),
    ]);
    expect(listEvents(db, ticket.id).map((e) => ({ type: e.type, data: e.data, actorKind: e.actorKind }))).toEqual([
      {
        type: 'created',
        data: { channelId: channel.id, channel: 'email', teamId: channel.defaultTeamId, priority: 'normal', assigneeId: null, formId: null },
        actorKind: 'customer',
      },
      { type: 'customer_message', data: { messageId: res.messageId }, actorKind: 'customer' },
    ]);
    expect(heard.map((h) => h.name)).toEqual(['message.created', 'ticket.changed']);
    expect(heard[0]!.payload).toEqual({
      ticketId: ticket.id,
      messageId: res.messageId,
      authorKind: 'customer',
      authorName: null,
      internal: false,
      text: msg.text,
      channelMessageId: null,
      createdAt: T,
      fileCount: 0,
    });
    expect(heard[1]!.payload).toEqual({ ticketId: ticket.id, kind: 'created', actorAgentId: null });
  });

  it('names the ticket after the text when there is no subject, and never leaves it empty', () => {
    const long = 'Wort '.repeat(40).trim();
    expect(findTicket(db, ingest(db, message('chat', { text: long }), fresh).ticketId)!.subject).toBe(long.slice(0, 79) + '…');
    expect(findTicket(db, ingest(db, message('chat', { text: '', subject: '   ' }), fresh).ticketId)!.subject).toBe('(no subject)');
    expect(findTicket(db, ingest(db, message('email', { subject: 'x'.repeat(400) }), fresh).ticketId)!.subject).toHaveLength(300);
  });

  it('keeps what only the channel knows in its own part of the message, and marks automatic mail', () => {
    const res = ingest(db, message('email', { autoSubmitted: true, email: { subject: 'Abwesend', from: { address: 'a@b.de' } } }), fresh);
    expect(listMessages(db, res.ticketId)[0]!.meta).toEqual({ autoSubmitted: true, email: { subject: 'Abwesend', from: { address: 'a@b.de' } } });
  });

  it('holds quarantined mail back as spam, saying why', () => {
    const res = ingest(db, message('email', { quarantine: 'dmarc' }), fresh);
    expect(findTicket(db, res.ticketId)!.isSpam).toBe(true);
    expect(listEvents(db, res.ticketId).map((e) => [e.type, e.data, e.actorKind])).toContainEqual(['marked_spam', { reason: 'dmarc' }, 'system']);
  });

  it('runs the channel’s own step when it opens a ticket, and only then', () => {
    const opened: number[] = [];
    const onTicketCreated: IngestOptions['onTicketCreated'] = (_tx, ticket) => void opened.push(ticket.id);
    const first = ingest(db, message('email'), { ...fresh, onTicketCreated });
    ingest(db, message('email'), { ...joining(first.ticketId), onTicketCreated });
    expect(opened).toEqual([first.ticketId]);
  });

  it('refuses a channel that does not exist', () => {
    expect(() => ingest(db, { ...message('email'), channelId: 99999 }, fresh)).toThrow('Channel 99999 does not exist');
  });
});

describe('who wrote', () => {
  it('finds a returning customer by their identity on the channel, and proves their address when mail shows it', () => {
    const from = { externalId: 'ute@example.de', name: 'Ute', email: 'ute@example.de', emailProven: false };
    const typed = ingest(db, message('web_form', { from }), fresh);
    const customerId = findTicket(db, typed.ticketId)!.customerId;
    // A web form's address is the same identity as an email address: the same person.
    expect(findCustomerByIdentity(db, 'email', 'ute@example.de')!.id).toBe(customerId);
    expect(findCustomer(db, customerId)!.emailVerified).toBe(false);
    const mailed = ingest(db, message('email', { from: { ...from, emailProven: true } }), fresh);
    expect(findTicket(db, mailed.ticketId)!.customerId).toBe(customerId);
    expect(findCustomer(db, customerId)!.emailVerified).toBe(true);
    // The same string on another channel is someone else.
    const chat = ingest(db, message('chat', { from: { ...from, email: null } }), fresh);
    expect(findTicket(db, chat.ticketId)!.customerId).not.toBe(customerId);
  });

  it('never proves an address from a claim', () => {
    const from = { externalId: 'max@example.de', name: 'Max', email: 'max@example.de', emailProven: false };
    const res = ingest(db, message('email', { from }), fresh);
    ingest(db, message('email', { from }), fresh);
    expect(findCustomer(db, findTicket(db, res.ticketId)!.customerId)!.emailVerified).toBe(false);
  });
});

describe('a message to an existing ticket', () => {
  it('is stored once however often the channel delivers it', () => {
    const first = ingest(db, message('email', { channelMessageId: '<once@example.de>' }), fresh);
    heard.length = 0;
    const again = ingest(db, message('email', { channelMessageId: '<once@example.de>' }), fresh);
    expect(again).toEqual({ ticketId: first.ticketId, messageId: first.messageId, createdTicket: false, duplicate: true, readByAgent: false });
    expect(listMessages(db, first.ticketId)).toHaveLength(1);
    expect(heard).toEqual([]);
  });

  it('without a channel id, stores each delivery', () => {
    const first = ingest(db, message('telegram'), fresh);
    const second = ingest(db, message('telegram'), joining(first.ticketId));
    expect(second).toMatchObject({ ticketId: first.ticketId, createdTicket: false, duplicate: false });
    expect(listMessages(db, first.ticketId)).toHaveLength(2);
    expect(heard.at(-1)!.payload).toEqual({ ticketId: first.ticketId, kind: 'message', actorAgentId: null });
  });

  it('reopens a solved ticket, announcing the change', () => {
    const first = ingest(db, message('email'), fresh);
    updateTicketColumns(db, first.ticketId, { status: 'solved' });
    heard.length = 0;
    const res = ingest(db, message('email', { receivedAt: T + 60_000 }), joining(first.ticketId));
    expect(res.status).toEqual({ from: 'solved', to: 'open' });
    expect(findTicket(db, first.ticketId)).toMatchObject({ status: 'open', reopenCount: 1, lastActivityAt: T + 60_000 });
    expect(heard.map((h) => h.name)).toEqual(['message.created', 'ticket.status', 'ticket.changed']);
    expect(heard[1]!.payload).toEqual({ ticketId: first.ticketId, from: 'solved', to: 'open' });
  });

  it('opens a linked follow-up instead of writing into a closed ticket', () => {
    const closed = ingest(db, message('email'), fresh);
    updateTicketColumns(db, closed.ticketId, { status: 'closed' });
    const res = ingest(db, message('email'), joining(closed.ticketId));
    expect(res.createdTicket).toBe(true);
    expect(res.ticketId).not.toBe(closed.ticketId);
    expect(findTicket(db, closed.ticketId)!.status).toBe('closed');
    expect(db.select().from(ticketLinks).where(eq(ticketLinks.ticketId, res.ticketId)).all()).toEqual([
      { ticketId: res.ticketId, linkedTicketId: closed.ticketId, kind: 'follow_up', createdAt: T },
    ]);
  });

  it('links a new ticket opened beside a thread that is still open as related', () => {
    const open = ingest(db, message('email'), fresh);
    const res = ingest(db, message('email'), { resolveThread: () => ({ kind: 'new_linked', linkedTicketId: open.ticketId }) });
    expect(db.select().from(ticketLinks).where(eq(ticketLinks.ticketId, res.ticketId)).get()).toMatchObject({ linkedTicketId: open.ticketId, kind: 'related' });
  });

  it('counts as read at once by an agent who has the ticket open, and only then', () => {
    const first = ingest(db, message('chat'), fresh);
    const watched = ingest(db, message('chat'), { ...joining(first.ticketId), agentWatching: (id) => id === first.ticketId });
    expect(watched.readByAgent).toBe(true);
    expect(findTicket(db, first.ticketId)!.agentReadMessageId).toBe(watched.messageId);
    const unwatched = ingest(db, message('chat'), { ...joining(first.ticketId), agentWatching: () => false });
    expect(unwatched.readByAgent).toBe(false);
    expect(findTicket(db, first.ticketId)!.agentReadMessageId).toBe(watched.messageId);
  });

  it('tells the agents how many files came with it', () => {
    const res = ingest(
      db,
      message('email', {
        attachments: [
          {
            filename: 'a.exe',
            contentType: 'application/x-msdownload',
            size: 3,
            sha256: null,
            contentId: null,
            inline: false,
            blockedReason: '@file_type_refused?ext=exe',
          },
        ],
      }),
      fresh,
    );
    expect(heard.find((h) => h.name === 'message.created')!.payload).toMatchObject({ messageId: res.messageId, fileCount: 1 });
    expect(findChannelKind(db, channelOf('email').id)!.kind).toBe('email');
  });
});
