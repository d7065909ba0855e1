import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { updateTicketColumns } from '@/db/queries/tickets';
import { openTestDatabase } from '@/server/testing/test-database';
import { createTestTicket } from '@/server/testing/fixtures';
import { messengerThread } from './messenger-thread';

let db: Db;
let close: () => void;
const DAY = 24 * 3600_000;
const AT = Date.UTC(2026, 10, 2, 9, 0);
beforeAll(() => ({ db, close } = openTestDatabase()));
afterAll(() => close());

describe('where a messenger message belongs', () => {
  it('continues the open conversation, reopens one solved within the reopen window, and opens a linked one after it', () => {
    const { ticket, customer } = createTestTicket(db, { channel: 'whatsapp', at: AT });
    const decide = (now: number) => messengerThread(db, ticket.channelId, customer.id, 7, now);
    expect(decide(AT + DAY)).toMatchObject({ kind: 'join', ticket: { id: ticket.id } });
    updateTicketColumns(db, ticket.id, { status: 'solved', lastSolvedAt: AT + DAY });
    expect(decide(AT + 8 * DAY)).toMatchObject({ kind: 'join', ticket: { id: ticket.id } });
    expect(decide(AT + 8 * DAY + 1)).toEqual({ kind: 'new_linked', linkedTicketId: ticket.id });
    // Closed is final whatever the window: ingest opens the follow-up.
    updateTicketColumns(db, ticket.id, { status: 'closed' });
    expect(decide(AT + 2 * DAY)).toMatchObject({ kind: 'join', ticket: { status: 'closed' } });
  });

  it('opens a new conversation for someone who never wrote on this channel', () => {
    const { customer } = createTestTicket(db, { channel: 'email', at: AT });
    const whatsapp = createTestTicket(db, { channel: 'whatsapp', at: AT }).ticket;
    expect(messengerThread(db, whatsapp.channelId, customer.id, 7, AT)).toEqual({ kind: 'new' });
  });
});
