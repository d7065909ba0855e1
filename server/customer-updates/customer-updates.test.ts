import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { jobs, outbox } from '@/db/schema';
import { listChannelsOfKind } from '@/db/queries/inbound';
import { updateChannelSettings } from '@/db/queries/channels';
import { listEvents, listMessages } from '@/db/queries/tickets';
import { setCustomerLocale } from '@/db/queries/surveys';
import { runDueJobs } from '@/server/jobs/durable-jobs';
import { ingest } from '@/server/channels/ingest';
import { replyToTicket } from '@/server/tickets/reply-to-ticket';
import { updateTicket } from '@/server/tickets/update-ticket';
import { openTestDatabase, viewerOf } from '@/server/testing/test-database';
import { createTestTicket } from '@/server/testing/fixtures';
import { loadConfig } from '@/server/config';
import { setConfig } from '@/server/runtime-config';
import type { Viewer } from '@/server/auth/sessions';
import { DEFAULT_CUSTOMER_UPDATES, type CustomerUpdates } from '@/lib/customer-updates';
import { saveTeamCustomerUpdates } from '@/server/teams/team-customer-updates';
import { registerCustomerUpdateJobs } from './send-customer-update';
import { UPDATE_DEBOUNCE_MS } from './plan-customer-update';

// Progress messages on a real SQLite file: planned by the writes that change a ticket, settled by the
// durable job's debounce, written to the thread and the outbox in the customer's language.
let db: Db;
let close: () => void;
let jana: Viewer;
let inbox: { id: number; defaultTeamId: number | null };
const T0 = Date.UTC(2026, 11, 1, 9, 0);
const MIN = 60_000;

beforeAll(() => {
  ({ db, close } = openTestDatabase());
  setConfig(loadConfig({ DATA_DIR: path.join(os.tmpdir(), 'helpdesk-customer-updates'), PUBLIC_URL: 'https://help.example.de' }));
  inbox = listChannelsOfKind(db, 'email')[0]!;
  updateChannelSettings(db, inbox.id, { address: 'support@demo.local', displayName: 'Demo Support', smtp: { host: '127.0.0.1', port: 1, secure: false } });
  jana = viewerOf(db, 'jana@demo.local');
  registerCustomerUpdateJobs();
});
afterAll(() => close());
beforeEach(() => {
  for (const t of [jobs, outbox])
    db.delete(t)
      .where(sql`1 = 1`)
      .run();
});

const on = (kinds: (keyof CustomerUpdates)[]): CustomerUpdates =>
  Object.fromEntries(
    Object.entries(DEFAULT_CUSTOMER_UPDATES).map(([k, v]) => [k, { ...v, enabled: kinds.includes(k as keyof CustomerUpdates) }]),
  ) as CustomerUpdates;

let n = 0;
function emailTicket(at: number, locale?: 'en' | 'de') {
  const address = `kunde-${++n}@example.de`;
  const { ticketId } = ingest(
    db,
    {
      channelId: inbox.id,
      from: { externalId: address, name: 'Ute Kunde', email: address, emailProven: true },
      channelMessageId: `<u${n}@example.de>`,
      subject: 'Lieferung fehlt',
      text: 'Wo ist mein Paket?',
      html: null,
      receivedAt: at,
      autoSubmitted: false,
    },
    { resolveThread: () => ({ kind: 'new' }) },
  );
  if (locale) setCustomerLocale(db, listMessages(db, ticketId)[0]!.authorCustomerId!, locale);
  return ticketId;
}
const told = (ticketId: number) =>
  listEvents(db, ticketId)
    .filter((e) => e.type === 'customer_update_sent')
    .map((e) => (e.data as { kind: string }).kind);
const lastSystemText = (ticketId: number) => listMessages(db, ticketId).findLast((m) => m.authorKind === 'system')?.bodyText;

describe('progress messages to the customer', () => {
  it('are off until the team turns them on', () => {
    saveTeamCustomerUpdates(db, inbox.defaultTeamId!, on([]));
    const id = emailTicket(T0);
    updateTicket(db, jana, id, { assigneeId: jana.id }, T0 + MIN);
    runDueJobs(db, T0 + MIN + UPDATE_DEBOUNCE_MS);
    expect(told(id)).toEqual([]);
  });

  it('tell the customer in their language that an agent took it, once the change has settled, through the outbox', () => {
    saveTeamCustomerUpdates(db, inbox.defaultTeamId!, on(['working']));
    const id = emailTicket(T0, 'en');
    updateTicket(db, jana, id, { assigneeId: jana.id }, T0 + MIN);
    runDueJobs(db, T0 + MIN + UPDATE_DEBOUNCE_MS - 1);
    expect(told(id)).toEqual([]);
    runDueJobs(db, T0 + MIN + UPDATE_DEBOUNCE_MS);
    expect(told(id)).toEqual(['working']);
    const text = lastSystemText(id)!;
    expect(text).toMatch(
      /^Hello Ute Kunde,\n\nJana Berger is now working on your request #\d+ “Lieferung fehlt”\. We will get back to you as soon as we can\.$/,
    );
    const row = db.select().from(outbox).all().at(-1)!;
    expect(row.payload).toMatchObject({ to: [{ address: expect.stringMatching(/^kunde-\d+@example\.de$/) }], autoSubmitted: 'auto-generated', text });
    // Reassigning to another agent is internal: nothing new to tell.
    updateTicket(db, jana, id, { assigneeId: viewerOf(db, 'tom@demo.local').id }, T0 + 10 * MIN);
    runDueJobs(db, T0 + 20 * MIN);
    expect(told(id)).toEqual(['working']);
  });

  it('tell a flip back and forth once, never what a reply just said, and nothing for internal changes', async () => {
    saveTeamCustomerUpdates(db, inbox.defaultTeamId!, on(['waiting', 'solved']));
    const id = emailTicket(T0);
    // Pending, and open again a minute later: by the time the job runs it is not waiting any more.
    updateTicket(db, jana, id, { status: 'pending' }, T0 + MIN);
    updateTicket(db, jana, id, { status: 'open' }, T0 + 2 * MIN);
    runDueJobs(db, T0 + 10 * MIN);
    expect(told(id)).toEqual([]);
    updateTicket(db, jana, id, { status: 'pending' }, T0 + 11 * MIN);
    runDueJobs(db, T0 + 20 * MIN);
    expect(told(id)).toEqual(['waiting']);
    expect(lastSystemText(id)).toContain('brauchen wir eine Antwort von Ihnen');
    updateTicket(db, jana, id, { status: 'open' }, T0 + 21 * MIN);
    updateTicket(db, jana, id, { status: 'pending' }, T0 + 22 * MIN);
    runDueJobs(db, T0 + 30 * MIN);
    expect(told(id)).toEqual(['waiting']);

    updateTicket(db, jana, id, { priority: 'high', tags: ['vip'] }, T0 + 31 * MIN);
    expect(
      db
        .select()
        .from(jobs)
        .all()
        .filter((j) => j.state === 'queued'),
    ).toEqual([]);

    // "Reply and set pending": the reply asks already.
    const other = emailTicket(T0);
    await replyToTicket(db, jana, { ticketId: other, body: 'Welche Bestellnummer?', internal: false, status: 'pending' }, { now: T0 + MIN });
    runDueJobs(db, T0 + 10 * MIN);
    expect(told(other)).toEqual([]);

    // Solved: the summary is the last public reply.
    await replyToTicket(db, jana, { ticketId: id, body: 'Das Paket wurde neu versandt.', internal: false, status: 'solved' }, { now: T0 + 40 * MIN });
    runDueJobs(db, T0 + 50 * MIN);
    expect(told(id)).toEqual(['waiting', 'solved']);
    expect(lastSystemText(id)).toMatch(/ist gelöst\.\n\nDas Paket wurde neu versandt\.\n\nFalls noch etwas offen ist/);
  });

  it('are left out for live chats', () => {
    saveTeamCustomerUpdates(db, listChannelsOfKind(db, 'chat')[0]!.defaultTeamId!, on(['working']));
    const chat = createTestTicket(db, { channel: 'chat', status: 'new', at: T0 }).ticket.id;
    updateTicket(db, jana, chat, { assigneeId: jana.id }, T0 + MIN);
    runDueJobs(db, T0 + 10 * MIN);
    expect(told(chat)).toEqual([]);
  });

  it('refuse settings without a text', () => {
    const broken = { ...on(['working']), working: { enabled: true, text: { en: '', de: 'x' } } };
    expect(() => saveTeamCustomerUpdates(db, inbox.defaultTeamId!, broken)).toThrow(/customer_updates_invalid|English and German/);
  });
});
