import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { agents, jobs, outbox, weeklyDigests } from '@/db/schema';
import { findJob } from '@/db/queries/jobs';
import { insertEvents } from '@/db/queries/tickets';
import { listTeams, updateAgent } from '@/db/queries/agents';
import { ticketEvent, type Duration } from '@/lib/ticket-events';
import { runDueJobs, scheduleJob } from '@/server/jobs/durable-jobs';
import { runOutboxOnce } from '@/server/jobs/outbox-worker';
import { saveCalendar } from '@/server/calendars/calendar-admin';
import { setTeamBusinessHours } from '@/server/teams/team-business-hours';
import { createTestTicket } from '@/server/testing/fixtures';
import { openTestDatabase, viewerOf } from '@/server/testing/test-database';
import { startSmtpSink } from '@/server/testing/smtp-sink';
import { sendDemoInboxTo } from '@/server/testing/demo-inbox';
import { loadConfig } from '@/server/config';
import { setConfig } from '@/server/runtime-config';
import type { Viewer } from '@/server/auth/sessions';
import { planWeeklyDigests, registerWeeklyDigestJobs, setWeeklyDigest } from './weekly-digest';

// Weekly summaries on a real SQLite file, delivered by the outbox worker to a real SMTP server. The
// week is 16–22 November 2026 in Berlin (CET, UTC+1); Kundenservice keeps office hours Mon–Fri 09–17.
let db: Db;
let close: () => void;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let lena: Viewer;
let admin: Viewer;
let jana: Viewer;
let teams: Record<string, number>;
const MIN = 60_000;
const WEDNESDAY = Date.UTC(2026, 10, 18, 12);
// Monday 23 November: 00:00 in Berlin is 23:00 UTC on Sunday; the office opens at 09:00 (08:00 UTC).
const MONDAY_MIDNIGHT = Date.UTC(2026, 10, 22, 23);
const MONDAY_OPENING = Date.UTC(2026, 10, 23, 8);
const cal = (ms: number): Duration => ({ calendarMs: ms, businessMs: ms, calendarId: null, policyId: null });
const agentActor = { kind: 'agent', agentId: null } as const;

/** A ticket opened at `at` (UTC), answered after `frtMin`, maybe solved after `solveMin`. */
function ticket(o: { at: number; frtMin: number; solveMin?: number; teamId: number }) {
  const { ticket } = createTestTicket(db, { channel: 'email', at: o.at, teamId: o.teamId });
  const events = [ticketEvent(ticket.id, 'public_reply', { messageId: 1, firstResponse: cal(o.frtMin * MIN) }, agentActor, o.at + o.frtMin * MIN)];
  if (o.solveMin !== undefined)
    events.push(
      ticketEvent(ticket.id, 'status_changed', { from: 'open', to: 'solved', resolution: cal(o.solveMin * MIN) }, agentActor, o.at + o.solveMin * MIN),
    );
  insertEvents(db, events);
}

const jobOf = (v: Viewer, weekStart: string) => findJob(db, `weekly-digest:${v.id}:${weekStart}`);
const mailTo = (address: string) => sink.mails.filter((m) => m.rcptTo.includes(address));

beforeAll(async () => {
  ({ db, close } = openTestDatabase());
  setConfig(loadConfig({ DATA_DIR: path.join(os.tmpdir(), 'helpdesk-weekly-digest'), PUBLIC_URL: 'https://help.example.de' }));
  sink = await startSmtpSink();
  sendDemoInboxTo(sink.port, {}, db);
  lena = viewerOf(db, 'lena@demo.local');
  admin = viewerOf(db, 'admin@demo.local');
  jana = viewerOf(db, 'jana@demo.local');
  teams = Object.fromEntries(listTeams(db).map((t) => [t.name, t.id]));
  const office = saveCalendar(db, {
    name: 'Büro',
    timeZone: 'Europe/Berlin',
    periods: [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '17:00' })),
    holidays: [],
  }).id;
  setTeamBusinessHours(db, teams.Kundenservice!, office);
  registerWeeklyDigestJobs();
  const k = teams.Kundenservice!;
  // In the week: Monday 10:00, Thursday 15:00 and Sunday 23:30 Berlin time.
  ticket({ at: Date.UTC(2026, 10, 16, 9), frtMin: 20, solveMin: 60, teamId: k });
  ticket({ at: Date.UTC(2026, 10, 19, 14), frtMin: 40, solveMin: 120, teamId: k });
  ticket({ at: Date.UTC(2026, 10, 22, 22, 30), frtMin: 30, teamId: k });
  // Monday 00:30 Berlin is the next week; Tuesday 10 November the week before.
  ticket({ at: Date.UTC(2026, 10, 22, 23, 30), frtMin: 5, teamId: k });
  ticket({ at: Date.UTC(2026, 10, 10, 9), frtMin: 10, solveMin: 30, teamId: k });
  ticket({ at: Date.UTC(2026, 10, 17, 9), frtMin: 15, teamId: teams.Billing! });
});
afterAll(async () => {
  await sink?.close();
  close();
});
beforeEach(() => {
  for (const t of [jobs, outbox, weeklyDigests])
    db.delete(t)
      .where(sql`1 = 1`)
      .run();
  db.update(agents)
    .set({ weeklyDigest: null })
    .where(sql`1 = 1`)
    .run();
  updateAgent(db, lena.id, { role: 'lead', active: true });
  sink.mails.length = 0;
});

describe('weekly summary for leads', () => {
  it('is planned once per lead and week, for the Monday after the week at the team’s opening', () => {
    setWeeklyDigest(db, lena.id, 'en', WEDNESDAY);
    planWeeklyDigests(db, WEDNESDAY + 3600_000);
    expect(db.select().from(jobs).all()).toHaveLength(1);
    expect(jobOf(lena, '2026-11-16')).toMatchObject({ state: 'queued', runAt: MONDAY_OPENING });
    // Nobody who did not opt in gets one.
    expect(jobOf(jana, '2026-11-16')).toBeUndefined();
    expect(jobOf(admin, '2026-11-16')).toBeUndefined();
  });

  it('summarises the week per team of the lead, with the week before, n and a link back, through SMTP', async () => {
    setWeeklyDigest(db, lena.id, 'en', WEDNESDAY);
    expect(runDueJobs(db, MONDAY_OPENING - 1)).toBe(0);
    expect(runDueJobs(db, MONDAY_OPENING)).toBe(1);
    await runOutboxOnce(db, MONDAY_OPENING);
    await expect.poll(() => mailTo('lena@demo.local').length).toBe(1);
    const mail = mailTo('lena@demo.local')[0]!.parsed;
    expect(mail.subject).toBe('Weekly summary Nov 16, 2026 – Nov 22, 2026: Kundenservice');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    const text = mail.text!;
    expect(text).toContain('Your helpdesk’s week Nov 16, 2026 – Nov 22, 2026 (Europe/Berlin), compared with the week before.');
    expect(text).toContain('- Created: 3 (week before: 1; n = 3)');
    expect(text).toContain('- Solved: 2 (week before: 1; n = 2)');
    // Three first responses (20, 30, 40 minutes): median 30, p90 interpolated 38; the week before one of 10.
    expect(text).toContain('- First response (median) (small sample): 30m (p90 38m) (week before: 10m (p90 10m); n = 3)');
    expect(text).toContain(
      'This week on the dashboard: https://help.example.de/dashboard?range=custom&from=2026-11-16&to=2026-11-22&teamId=' + teams.Kundenservice,
    );
    // Billing is not Lena's team.
    expect(text).not.toContain('Billing');
    expect(mail.html).toContain('<table');
    expect(db.select().from(weeklyDigests).all()).toEqual([expect.objectContaining({ agentId: lena.id, weekStart: '2026-11-16' })]);
    // Run again (a second worker tick, or the job planned once more by hand): still one summary.
    expect(runDueJobs(db, MONDAY_OPENING + MIN)).toBe(0);
    const job = jobOf(lena, '2026-11-16')!;
    scheduleJob(db, { id: job.id, kind: job.kind, payload: job.payload, runAt: MONDAY_OPENING + MIN }, MONDAY_OPENING + MIN);
    expect(runDueJobs(db, MONDAY_OPENING + MIN)).toBe(1);
    expect(db.select().from(outbox).all()).toHaveLength(1);
    // Planned again: next week's is planned.
    planWeeklyDigests(db, MONDAY_OPENING + MIN);
    expect(jobOf(lena, '2026-11-16')!.state).toBe('done');
    expect(jobOf(lena, '2026-11-23')).toMatchObject({ state: 'queued', runAt: Date.UTC(2026, 10, 30, 8) });
  });

  it('covers all teams for a lead in none, in German', async () => {
    updateAgent(db, admin.id, { teamIds: [] });
    setWeeklyDigest(db, admin.id, 'de', WEDNESDAY);
    // In no team: no business hours, so it goes at Monday 00:00 Berlin.
    expect(jobOf(admin, '2026-11-16')!.runAt).toBe(MONDAY_MIDNIGHT);
    runDueJobs(db, MONDAY_MIDNIGHT);
    await runOutboxOnce(db, MONDAY_MIDNIGHT);
    await expect.poll(() => mailTo('admin@demo.local').length).toBe(1);
    const mail = mailTo('admin@demo.local')[0]!.parsed;
    expect(mail.subject).toBe('Wochenübersicht 16.11.2026 – 22.11.2026: Alle Teams');
    expect(mail.text).toContain('- Erstellt: 4 (Woche davor: 1; n = 4)');
    expect(mail.text).toContain('Diese Woche im Dashboard: https://help.example.de/dashboard?range=custom&from=2026-11-16&to=2026-11-22\n');
  });

  it('is not planned for a lead who turns it off', () => {
    setWeeklyDigest(db, lena.id, null, WEDNESDAY);
    planWeeklyDigests(db, WEDNESDAY);
    expect(db.select().from(jobs).all()).toEqual([]);
  });

  it('is not sent when the lead opted out, was deactivated or is no longer a lead by then', () => {
    setWeeklyDigest(db, lena.id, 'en', WEDNESDAY);
    setWeeklyDigest(db, lena.id, null, WEDNESDAY);
    expect(runDueJobs(db, MONDAY_OPENING)).toBe(1);
    for (const change of [{ active: false }, { role: 'agent' as const }]) {
      db.delete(jobs)
        .where(sql`1 = 1`)
        .run();
      updateAgent(db, lena.id, { role: 'lead', active: true });
      setWeeklyDigest(db, lena.id, 'en', WEDNESDAY);
      updateAgent(db, lena.id, change);
      expect(runDueJobs(db, MONDAY_OPENING)).toBe(1);
    }
    expect(db.select().from(outbox).all()).toEqual([]);
    expect(db.select().from(weeklyDigests).where(eq(weeklyDigests.agentId, lena.id)).all()).toEqual([]);
  });
});
