import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { agents, tickets } from '@/db/schema';
import { listTeamMemberIds } from '@/db/queries/chat';
import { setAgentStatus } from '@/db/queries/chat-routing';
import { listChannelsOfKind } from '@/db/queries/inbound';
import { listNotifications } from '@/db/queries/notifications';
import { findTicket, listEvents, updateTicketColumns } from '@/db/queries/tickets';
import { ingest } from '@/server/channels/ingest';
import { agentConnected, agentDisconnected } from '@/server/realtime/online-agents';
import { openTestDatabase } from '@/server/testing/test-database';
import { routeChat } from './route-chat';
import { transact } from '@/db/client';

// Chat routing on a real SQLite file. "Connected" is the registry the agents' sockets feed.
let db: Db;
let close: () => void;
let team: number;
let members: number[];
const T = Date.UTC(2026, 11, 1, 9);
let n = 0;
const connected = new Set<number>();

beforeAll(() => {
  ({ db, close } = openTestDatabase());
  team = listChannelsOfKind(db, 'chat')[0]!.defaultTeamId!;
  members = listTeamMemberIds(db, team).sort((a, b) => a - b);
});
afterEach(() => {
  for (const id of connected) agentDisconnected(id);
  connected.clear();
  for (const id of members) setAgentStatus(db, id, 'online');
  db.update(agents).set({ chatLimit: 3, lastChatRoutedAt: null }).where(inArray(agents.id, members)).run();
  // Each test starts with nobody busy.
  db.update(tickets)
    .set({ status: 'solved' })
    .where(inArray(tickets.status, ['new', 'open']))
    .run();
});
afterAll(() => close());

const connect = (...ids: number[]) => ids.forEach((id) => (agentConnected(id), connected.add(id)));
/** A visitor starts a chat, as the widget's path does it: routed once the ticket exists. */
const newChat = () =>
  ingest(
    db,
    {
      channelId: listChannelsOfKind(db, 'chat')[0]!.id,
      from: { externalId: `route-visitor-${++n}`, name: 'Besucherin', email: null, emailProven: false },
      channelMessageId: null,
      subject: null,
      text: 'Hallo, ich habe eine Frage.',
      html: null,
      receivedAt: T + n * 1000,
      autoSubmitted: false,
    },
    { resolveThread: () => ({ kind: 'new' }), onTicketCreated: (tx, ticket) => void routeChat(tx, ticket.id, T + n * 1000) },
  ).ticketId;
const assignee = (ticketId: number) => findTicket(db, ticketId)!.assigneeId;
const transactRoute = (ticketId: number) => transact(db, (tx) => routeChat(tx, ticketId, T + 99_000));

describe('routing new chats', () => {
  it('goes round the online agents of the team, the least busy first, recorded as the system’s assignment and told', () => {
    expect(members.length).toBeGreaterThanOrEqual(2);
    const [a, b] = members as [number, number];
    connect(a, b);
    const first = newChat();
    const second = newChat();
    const third = newChat();
    expect([assignee(first), assignee(second), assignee(third)]).toEqual([a, b, a]);
    expect(listEvents(db, first).find((e) => e.type === 'assignee_changed')).toMatchObject({ data: { from: null, to: a }, actorKind: 'system' });
    expect(
      listNotifications(db, a, 50)
        .filter((x) => x.ticketId === first)
        .map((x) => x.kind),
    ).toEqual(expect.arrayContaining(['assigned', 'new_chat']));
    // A solved chat no longer counts: b, with one open, now has fewer than a's two.
    updateTicketColumns(db, first, { status: 'solved' });
    updateTicketColumns(db, third, { status: 'solved' });
    expect(assignee(newChat())).toBe(a);
  });

  it('passes over agents away, offline by choice, without the app open, or at their chat limit; nobody free leaves it unassigned', () => {
    const [a, b] = members as [number, number];
    connect(a, b);
    setAgentStatus(db, a, 'away');
    setAgentStatus(db, b, 'offline');
    expect(assignee(newChat())).toBeNull();
    setAgentStatus(db, b, 'online');
    db.update(agents).set({ chatLimit: 1 }).where(eq(agents.id, b)).run();
    expect(assignee(newChat())).toBe(b);
    expect(assignee(newChat())).toBeNull();
    agentDisconnected(b);
    connected.delete(b);
    db.update(agents).set({ chatLimit: 5 }).where(eq(agents.id, b)).run();
    expect(assignee(newChat())).toBeNull();
  });

  it('leaves alone a chat that has an assignee already (a form rule chose one), has no team, or is spam', () => {
    const [a] = members as [number];
    connect(a);
    const chosen = newChat();
    const other = members[1]!;
    updateTicketColumns(db, chosen, { assigneeId: other });
    expect(transactRoute(chosen)).toBeNull();
    expect(assignee(chosen)).toBe(other);
    const noTeam = newChat();
    updateTicketColumns(db, noTeam, { assigneeId: null, teamId: null });
    expect(transactRoute(noTeam)).toBeNull();
    const spam = newChat();
    updateTicketColumns(db, spam, { assigneeId: null, isSpam: true });
    expect(transactRoute(spam)).toBeNull();
    expect([assignee(noTeam), assignee(spam)]).toEqual([null, null]);
    // The same ticket, not spam and with its team back: routed.
    updateTicketColumns(db, spam, { isSpam: false });
    expect(transactRoute(spam)).toBe(a);
  });

  it('between two equally busy agents, the one who waited longer since their last chat gets it', () => {
    const [a, b] = members as [number, number];
    connect(a, b);
    db.update(agents)
      .set({ lastChatRoutedAt: T + 5 })
      .where(eq(agents.id, a))
      .run();
    db.update(agents)
      .set({ lastChatRoutedAt: T + 1 })
      .where(eq(agents.id, b))
      .run();
    expect(assignee(newChat())).toBe(b);
  });
});
