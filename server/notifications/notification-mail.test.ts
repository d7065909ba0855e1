import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { agents, jobs, outbox, notifications } from '@/db/schema';
import { listChannelsOfKind } from '@/db/queries/inbound';
import { insertChannel, updateChannelSettings } from '@/db/queries/channels';
import { findTicket } from '@/db/queries/tickets';
import { insertTeam, listTeams, setAgentNotifyEmail } from '@/db/queries/agents';
import { listNotifications, markNotificationsRead } from '@/db/queries/notifications';
import { runDueJobs } from '@/server/jobs/durable-jobs';
import { runOutboxOnce } from '@/server/jobs/outbox-worker';
import { ingest } from '@/server/channels/ingest';
import { replyToTicket } from '@/server/tickets/reply-to-ticket';
import { updateTicket } from '@/server/tickets/update-ticket';
import { deleteCalendar, saveCalendar } from '@/server/calendars/calendar-admin';
import { deletePolicy, listPolicies, savePolicy } from '@/server/sla/sla-policies';
import { registerSlaJobs } from '@/server/sla/replan';
import { setTeamBusinessHours } from '@/server/teams/team-business-hours';
import { openTestDatabase, viewerOf } from '@/server/testing/test-database';
import { startSmtpSink } from '@/server/testing/smtp-sink';
import { sendDemoInboxTo } from '@/server/testing/demo-inbox';
import { loadConfig } from '@/server/config';
import { setConfig } from '@/server/runtime-config';
import type { Viewer } from '@/server/auth/sessions';
import { DEFAULT_ACKNOWLEDGEMENT } from '@/lib/channel-settings/email';
import { composeNotificationMail, registerNotificationMailJobs } from './notification-mail';

// SLA notification emails on a real SQLite file, delivered by the outbox worker to a real SMTP server.
// The policy counts calendar time (so warnings and breaches fall at night and on weekends), while the
// team keeps office hours: the mails must wait for those.
let db: Db;
let close: () => void;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let jana: Viewer;
let lena: Viewer;
let teamId: number;
let officeId: number;
const MIN = 60_000;
const HOUR = 3600_000;
// Europe/Berlin in winter is UTC+1. Friday 27 November 2026, 22:00 local; Monday 30 November, 09:00 local.
const FRIDAY_2200 = Date.UTC(2026, 10, 27, 21, 0);
const MONDAY_0900 = Date.UTC(2026, 10, 30, 8, 0);
const TUESDAY_1000 = Date.UTC(2026, 11, 1, 9, 0);

beforeAll(async () => {
  ({ db, close } = openTestDatabase());
  setConfig(loadConfig({ DATA_DIR: path.join(os.tmpdir(), 'helpdesk-notification-mail'), PUBLIC_URL: 'https://help.example.de' }));
  sink = await startSmtpSink();
  const inbox = sendDemoInboxTo(sink.port, {}, db);
  jana = viewerOf(db, 'jana@demo.local');
  lena = viewerOf(db, 'lena@demo.local');
  teamId = inbox.defaultTeamId!;
  officeId = saveCalendar(db, {
    name: 'Büro',
    timeZone: 'Europe/Berlin',
    periods: [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '17:00' })),
    holidays: [],
  }).id;
  setTeamBusinessHours(db, teamId, officeId);
  registerSlaJobs();
  registerNotificationMailJobs();
});
afterAll(async () => {
  await sink?.close();
  close();
});
beforeEach(() => {
  for (const p of listPolicies(db)) deletePolicy(db, p.id);
  for (const t of [jobs, outbox, notifications])
    db.delete(t)
      .where(sql`1 = 1`)
      .run();
  sink.mails.length = 0;
  setAgentNotifyEmail(db, jana.id, 'de');
  setAgentNotifyEmail(db, lena.id, null);
  // Two hours to answer, counted round the clock; warned an hour before.
  savePolicy(db, null, {
    name: 'Rund um die Uhr',
    calendarId: null,
    targets: { normal: { first_response: { minutes: 120, clock: 'calendar', warning: { minutesBefore: 60 } } } },
  });
});

let n = 0;
function ticketAssignedToJana(at: number) {
  const ticketId = ingest(
    db,
    {
      channelId: listChannelsOfKind(db, 'email')[0]!.id,
      from: { externalId: `mail-${++n}@example.de`, name: 'Kundin', email: null, emailProven: false },
      channelMessageId: null,
      subject: 'Lieferung fehlt',
      text: 'Hallo',
      html: null,
      receivedAt: at,
      autoSubmitted: false,
    },
    { resolveThread: () => ({ kind: 'new' }) },
  ).ticketId;
  updateTicket(db, jana, ticketId, { assigneeId: jana.id }, at + 1000);
  return ticketId;
}
const mailJobs = () =>
  db
    .select()
    .from(jobs)
    .where(sql`${jobs.kind} = 'notification-mail'`)
    .all();
const outboxRows = () => db.select().from(outbox).all();

describe('SLA notifications by email', () => {
  it('holds a warning that falls on Friday night until the team opens on Monday, then sends it in the agent’s language', async () => {
    const id = ticketAssignedToJana(FRIDAY_2200);
    runDueJobs(db, FRIDAY_2200 + HOUR);
    expect(listNotifications(db, jana.id, 5).map((x) => x.kind)).toEqual(['sla_warning']);
    expect(mailJobs()).toMatchObject([{ runAt: MONDAY_0900, state: 'queued' }]);

    runDueJobs(db, MONDAY_0900 - 1);
    expect(outboxRows().filter((r) => r.notificationId !== null)).toEqual([]);
    runDueJobs(db, MONDAY_0900);
    const [row] = outboxRows().filter((r) => r.notificationId !== null);
    expect(row).toMatchObject({ messageId: null, state: 'queued' });

    await runOutboxOnce(db, MONDAY_0900 + 1000);
    const mail = await sink.waitFor((m) => m.rcptTo.includes('jana@demo.local'));
    const number = findTicket(db, id)!.number;
    expect(mail.parsed.subject).toBe(`[#${number}] Erste Antwort fällig 28.11.2026, 00:00: Lieferung fehlt`);
    expect(mail.parsed.text).toContain(`Das Ziel „Erste Antwort“ von Ticket #${number} ist um 28.11.2026, 00:00 fällig (Europe/Berlin).`);
    expect(mail.parsed.text).toContain(`https://help.example.de/inbox?view=all&ticket=${number}`);
    expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(outboxRows().find((r) => r.notificationId !== null)).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('sends at once inside business hours, to the leads for a breach, and never twice', async () => {
    setAgentNotifyEmail(db, lena.id, 'en');
    ticketAssignedToJana(TUESDAY_1000);
    runDueJobs(db, TUESDAY_1000 + HOUR);
    runDueJobs(db, TUESDAY_1000 + 2 * HOUR);
    expect(mailJobs().map((j) => j.runAt)).toEqual([TUESDAY_1000 + HOUR, TUESDAY_1000 + 2 * HOUR]);
    runDueJobs(db, TUESDAY_1000 + 2 * HOUR);
    runDueJobs(db, TUESDAY_1000 + 3 * HOUR);
    await runOutboxOnce(db, TUESDAY_1000 + 3 * HOUR);
    await runOutboxOnce(db, TUESDAY_1000 + 4 * HOUR);
    await sink.waitFor((m) => m.rcptTo.includes('lena@demo.local'));
    await sink.waitFor((m) => m.rcptTo.includes('jana@demo.local'));
    expect(sink.mails.map((m) => [m.rcptTo[0], m.parsed.subject?.replace(/^\[#\d+\] /, '')]).sort()).toEqual([
      ['jana@demo.local', 'Erste Antwort fällig 01.12.2026, 12:00: Lieferung fehlt'],
      ['lena@demo.local', 'First response target breached: Lieferung fehlt'],
    ]);
  });

  it('sends nothing to agents who did not ask, nor what was read in the app before the opening', () => {
    setAgentNotifyEmail(db, jana.id, null);
    ticketAssignedToJana(FRIDAY_2200);
    runDueJobs(db, FRIDAY_2200 + HOUR);
    expect(mailJobs()).toEqual([]);

    setAgentNotifyEmail(db, jana.id, 'de');
    ticketAssignedToJana(FRIDAY_2200 + MIN);
    runDueJobs(db, FRIDAY_2200 + MIN + HOUR);
    markNotificationsRead(db, jana.id, 'all', FRIDAY_2200 + 2 * HOUR);
    runDueJobs(db, MONDAY_0900);
    expect(mailJobs().map((j) => j.state)).toEqual(['done']);
    expect(outboxRows().filter((r) => r.notificationId !== null)).toEqual([]);
  });

  it('drops a warning whose target was met before the opening', async () => {
    const id = ticketAssignedToJana(FRIDAY_2200);
    runDueJobs(db, FRIDAY_2200 + HOUR);
    await replyToTicket(db, jana, { ticketId: id, body: 'Wir kümmern uns', internal: false }, { now: FRIDAY_2200 + 90 * MIN });
    runDueJobs(db, MONDAY_0900);
    expect(outboxRows().filter((r) => r.notificationId !== null)).toEqual([]);
  });

  it('sends at any hour for a team without business hours', () => {
    setTeamBusinessHours(db, teamId, null);
    ticketAssignedToJana(FRIDAY_2200);
    runDueJobs(db, FRIDAY_2200 + HOUR);
    expect(mailJobs().map((j) => j.runAt)).toEqual([FRIDAY_2200 + HOUR]);
    setTeamBusinessHours(db, teamId, officeId);
  });
});

describe('who sends the mail and how it reads', () => {
  const smtp = () => ({ host: '127.0.0.1', port: sink.port, secure: false });
  it('goes out through the team’s own inbox when the ticket’s inbox cannot send, and not at all when none can', () => {
    const main = listChannelsOfKind(db, 'email')[0]!;
    const otherTeam = insertTeam(db, { name: 'Zweites Team', timeZone: 'Europe/Berlin' });
    insertChannel(db, { kind: 'email', name: 'other@demo.local', defaultTeamId: otherTeam.id, settings: { address: 'other@demo.local', smtp: smtp() } });
    const teamInbox = insertChannel(db, {
      kind: 'email',
      name: 'team@demo.local',
      defaultTeamId: teamId,
      settings: { address: 'team@demo.local', smtp: smtp() },
    });
    updateChannelSettings(db, main.id, { address: 'support@demo.local', displayName: 'Demo Support' });
    try {
      ticketAssignedToJana(TUESDAY_1000);
      // The warning, then the mail it planned for that same moment.
      runDueJobs(db, TUESDAY_1000 + HOUR);
      runDueJobs(db, TUESDAY_1000 + HOUR);
      expect(
        outboxRows()
          .filter((r) => r.notificationId !== null)
          .map((r) => r.channelId),
      ).toEqual([teamInbox.id]);

      // No inbox with a relay at all: the in-app notification is all there is.
      for (const c of listChannelsOfKind(db, 'email')) updateChannelSettings(db, c.id, { address: c.name });
      db.delete(outbox)
        .where(sql`1 = 1`)
        .run();
      ticketAssignedToJana(TUESDAY_1000 + MIN);
      runDueJobs(db, TUESDAY_1000 + MIN + HOUR);
      runDueJobs(db, TUESDAY_1000 + MIN + HOUR);
      expect(mailJobs().every((j) => j.state === 'done')).toBe(true);
      expect(outboxRows()).toEqual([]);
    } finally {
      updateChannelSettings(db, main.id, { address: 'support@demo.local', displayName: 'Demo Support', smtp: smtp() });
      for (const c of listChannelsOfKind(db, 'email').filter((c) => c.id !== main.id)) updateChannelSettings(db, c.id, { address: c.name });
    }
  });

  it('tells the due time in the team’s calendar zone, in English for an English agent, as an automatic mail to that agent', () => {
    const m = composeNotificationMail(
      {
        address: 'support@demo.local',
        displayName: 'Demo Support',
        signature: '',
        acknowledgement: { ...DEFAULT_ACKNOWLEDGEMENT, enabled: false },
        defaultLocale: 'en',
      },
      { id: 77, kind: 'sla_breached', target: 'resolution', dueAt: Date.UTC(2026, 11, 1, 14, 30), ticketId: 5, number: 1042, subject: 'Rechnung doppelt' },
      { email: 'lena@demo.local', name: 'Lena Lehmann' },
      'en',
      'America/New_York',
    );
    expect(m).toMatchObject({
      from: { address: 'support@demo.local', name: 'Demo Support' },
      replyTo: 'support@demo.local',
      to: [{ address: 'lena@demo.local', name: 'Lena Lehmann' }],
      cc: [],
      references: [],
      inReplyTo: null,
      subject: '[#1042] Resolution target breached: Rechnung doppelt',
      autoSubmitted: 'auto-generated',
      messageId: expect.stringMatching(/^<n77\.[0-9a-f]{12}@demo\.local>$/),
    });
    expect(m.text.split('\n\n')).toEqual([
      'The Resolution target of ticket #1042 was due at Dec 1, 2026, 09:30 (America/New_York) and has been missed.',
      'Open the ticket: https://help.example.de/inbox?view=all&ticket=1042',
      expect.stringContaining('turned on SLA emails under the bell'),
    ]);
  });

  it('uses the zone of the team’s calendar, sends a warning for a paused target, and nothing to an agent deactivated meanwhile', () => {
    const ny = saveCalendar(db, {
      name: 'New York',
      timeZone: 'America/New_York',
      periods: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, from: '00:00', to: '24:00' })),
      holidays: [],
    }).id;
    setTeamBusinessHours(db, teamId, ny);
    ticketAssignedToJana(TUESDAY_1000);
    runDueJobs(db, TUESDAY_1000 + HOUR);
    runDueJobs(db, TUESDAY_1000 + HOUR);
    expect(outboxRows().map((r) => String(r.payload.text))).toEqual([expect.stringContaining('um 01.12.2026, 06:00 fällig (America/New_York)')]);
    setTeamBusinessHours(db, teamId, officeId);
    db.delete(outbox)
      .where(sql`1 = 1`)
      .run();

    // Warned on Friday night, asked to wait on Saturday: the target is paused, not met, so Monday's mail goes out.
    const paused = ticketAssignedToJana(FRIDAY_2200);
    runDueJobs(db, FRIDAY_2200 + HOUR);
    updateTicket(db, jana, paused, { status: 'pending' }, FRIDAY_2200 + 12 * HOUR);
    runDueJobs(db, MONDAY_0900);
    expect(outboxRows()).toHaveLength(1);

    // Warned too, but the agent is deactivated before Monday: only the paused ticket's mail is there.
    ticketAssignedToJana(FRIDAY_2200 + MIN);
    runDueJobs(db, FRIDAY_2200 + MIN + HOUR);
    db.update(agents).set({ active: false }).where(eq(agents.id, jana.id)).run();
    try {
      runDueJobs(db, MONDAY_0900 + MIN);
      expect(outboxRows()).toHaveLength(1);
    } finally {
      db.update(agents).set({ active: true }).where(eq(agents.id, jana.id)).run();
    }
  });
});

describe('team business hours', () => {
  it('refuses an unknown team or calendar, and keeps a calendar a team uses from being deleted', () => {
    expect(() => setTeamBusinessHours(db, 9999, officeId)).toThrow('Team 9999 does not exist');
    expect(() => setTeamBusinessHours(db, teamId, 9999)).toThrow('Calendar 9999 does not exist');
    const team = listTeams(db).find((t) => t.id === teamId)!;
    expect(team.calendarId).toBe(officeId);
    expect(() => deleteCalendar(db, officeId)).toThrow(`In use by “${team.name}”`);
  });
});
