import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { insertEvents, updateTicketColumns } from '@/db/queries/tickets';
import { liveCounts } from '@/db/queries/metrics-live';
import { listChannelsOfKind } from '@/db/queries/inbound';
import { insertForm, insertSubmission } from '@/db/queries/forms';
import { recordOnline } from '@/db/queries/presence-spans';
import { listTeams } from '@/db/queries/agents';
import { ticketEvent, type Duration } from '@/lib/ticket-events';
import { dashboardFiltersSchema, type DashboardFiltersInput } from '@/lib/dashboard/dashboard-filters';
import type { Viewer } from '@/server/auth/sessions';
import { DomainError } from '@/server/errors/domain-error';
import { createTestTicket } from '@/server/testing/fixtures';
import { openTestDatabase, viewerOf } from '@/server/testing/test-database';
import { dashboardScope } from './dashboard-scope';
import { headlineFigures } from './dashboard-headline';
import { trend } from './dashboard-trend';
import { staffing } from './dashboard-staffing';
import { namedBreakdown } from './dashboard-breakdowns';
import { drilldown } from './dashboard-drilldown';
import { exportRows } from './dashboard-export';
import type { TicketFigure } from '@/lib/dashboard/figure-kinds';
import { consumeDashboardExport } from './dashboard-limits';

// Two weeks in Berlin around the change to summer time (29 March 2026), every ticket built here.
let db: Db;
let close: () => void;
let lead: Viewer;
let jana: Viewer;
let tom: Viewer;
let teams: Record<string, number>;
const MIN = 60_000;
const NOW = Date.UTC(2026, 3, 10, 12);
const RANGE = { range: 'custom', from: '2026-03-16', to: '2026-03-29', clock: 'calendar' } as const;
const cal = (ms: number): Duration => ({ calendarMs: ms, businessMs: null, calendarId: null, policyId: null });
const agentActor = { kind: 'agent', agentId: null } as const;

/** A ticket the customer opened at `at`, answered after `frtMin`, maybe solved after `solveMin`. */
function ticket(o: { at: number; frtMin?: number; solveMin?: number; tags?: string[]; teamId?: number; assigneeId?: number }) {
  const { ticket } = createTestTicket(db, {
    channel: 'email',
    at: o.at,
    tags: o.tags,
    teamId: o.teamId ?? teams.Kundenservice,
    assigneeId: o.assigneeId ?? null,
  });
  const events = [];
  if (o.frtMin !== undefined)
    events.push(ticketEvent(ticket.id, 'public_reply', { messageId: 1, firstResponse: cal(o.frtMin * MIN) }, agentActor, o.at + o.frtMin * MIN));
  if (o.solveMin !== undefined)
    events.push(
      ticketEvent(ticket.id, 'status_changed', { from: 'open', to: 'solved', resolution: cal(o.solveMin * MIN) }, agentActor, o.at + o.solveMin * MIN),
    );
  insertEvents(db, events);
  return ticket.id;
}

const scopeFor = (viewer: Viewer, f: DashboardFiltersInput = {}) => dashboardScope(db, viewer, dashboardFiltersSchema.parse({ ...RANGE, ...f }), NOW);
const ids: Record<string, number> = {};

beforeAll(() => {
  ({ db, close } = openTestDatabase());
  lead = viewerOf(db, 'lena@demo.local');
  jana = viewerOf(db, 'jana@demo.local');
  tom = viewerOf(db, 'tom@demo.local');
  teams = Object.fromEntries(listTeams(db).map((t) => [t.name, t.id]));
  // Monday 23 March, 09:30 in Berlin (CET, 08:30 UTC); answered after 20 minutes, solved after an hour.
  ids.monday = ticket({ at: Date.UTC(2026, 2, 23, 8, 30), frtMin: 20, solveMin: 60, tags: ['rechnung', 'vip'], assigneeId: jana.id });
  // Sunday 29 March, 12:30 in Berlin (CEST since 03:00, 10:30 UTC); answered after 40 minutes.
  ids.sunday = ticket({ at: Date.UTC(2026, 2, 29, 10, 30), frtMin: 40, tags: ['rechnung'], assigneeId: tom.id });
  // Sunday 22 March 23:30 UTC is Monday 00:30 in Berlin: solved in the second week, not the first.
  ids.lateSolve = ticket({ at: Date.UTC(2026, 2, 22, 20, 0), frtMin: 30, solveMin: 210 });
  // Created in the range, solved after it: backlog at its end.
  ids.backlog = ticket({ at: Date.UTC(2026, 2, 27, 9), frtMin: 10, solveMin: 5 * 24 * 60 });
  // The week before the range (the comparison period), and Billing's own ticket.
  ids.before = ticket({ at: Date.UTC(2026, 2, 10, 9), frtMin: 5, solveMin: 30 });
  ids.billing = ticket({ at: Date.UTC(2026, 2, 18, 9), frtMin: 15, solveMin: 45, teamId: teams.Billing });
  // Jana online Monday 23 March 09:00–10:30 Berlin (08:00–09:30 UTC).
  for (let at = Date.UTC(2026, 2, 23, 8, 0); at <= Date.UTC(2026, 2, 23, 9, 30); at += MIN) recordOnline(db, [jana.id], at);
});
afterAll(() => close());

describe('dashboard panels', () => {
  it('headline: counts of the range and the period before, each with its n', () => {
    const figures = Object.fromEntries(headlineFigures(db, scopeFor(lead), NOW).map((f) => [f.key, f]));
    expect(figures.created!.current).toMatchObject({ value: 5, n: 5 });
    expect(figures.created!.previous).toMatchObject({ value: 1, n: 1 });
    expect(figures.solved!.current.n).toBe(3); // monday, lateSolve, billing
    expect(figures.backlog!.current.value).toBe(2); // sunday (never solved), backlog (solved after the end)
    expect(figures.fcr!.current).toMatchObject({ value: 1, n: 3 });
    expect(figures.first_response!.current).toMatchObject({ n: 5, value: 20 * MIN, p90: 36 * MIN }); // 10, 15, 20, 30, 40: p90 = 30 + 0.6 × 10
    expect(figures.fcr!.small).toBe(true);
    expect(figures.created!.small).toBe(false);
  });

  it('trend: a solve at Monday 00:30 in Berlin belongs to that week, whatever UTC says', () => {
    expect(trend(db, scopeFor(lead)).map((b) => [b.start, b.created, b.solved])).toEqual([
      ['2026-03-16', 2, 1], // lateSolve (Sunday evening), billing; billing solved
      ['2026-03-23', 3, 2], // monday, sunday, backlog created; monday and lateSolve solved
    ]);
    expect(trend(db, scopeFor(lead, { interval: 'month' })).map((b) => b.start)).toEqual(['2026-03-01']);
  });

  it('staffing: weekday and hour in the zone on both sides of the clock change, with agents online', () => {
    const { cells, weekdays } = staffing(db, scopeFor(lead));
    const cell = (weekday: number, hour: number) => cells[weekday * 24 + hour]!;
    expect(cell(0, 9)).toMatchObject({ incoming: 1, answered: 1, medianMs: 20 * MIN });
    expect(cell(6, 12)).toMatchObject({ incoming: 1, medianMs: 40 * MIN });
    expect(cell(6, 21)).toMatchObject({ incoming: 1 }); // lateSolve: Sunday 22 March 21:00 CET
    // Jana: one of the range's two Monday 09:00 hours, and half of one of its two 10:00 hours.
    expect(cell(0, 9).agentsOnline).toBe(0.5);
    expect(cell(0, 10).agentsOnline).toBe(0.3);
    expect(cell(0, 11).agentsOnline).toBe(0);
    expect(weekdays[6]).toMatchObject({ incoming: 2, answered: 2, medianMs: 35 * MIN, meanMs: 35 * MIN });
    // A team's view counts its members only.
    expect(staffing(db, scopeFor(lead, { teamId: teams.Billing })).cells[9]!.agentsOnline).toBe(0);
  });

  it('breakdowns name their groups; a ticket with two tags counts under both', () => {
    const byTag = Object.fromEntries(namedBreakdown(db, scopeFor(lead), 'tag').map((r) => [r.label, r.n]));
    expect(byTag).toEqual({ rechnung: 2, vip: 1 });
    const byTeam = Object.fromEntries(namedBreakdown(db, scopeFor(lead), 'team').map((r) => [r.label, r.n]));
    expect(byTeam).toEqual({ Kundenservice: 4, Billing: 1 });
    // Compared with the period before: Kundenservice had one ticket then, Billing none.
    const compared = Object.fromEntries(namedBreakdown(db, scopeFor(lead), 'team', true).map((r) => [r.label, r.previousN]));
    expect(compared).toEqual({ Kundenservice: 1, Billing: 0 });
    expect(namedBreakdown(db, scopeFor(lead), 'team')[0]!.previousN).toBeNull();
  });

  it('form answers of choice fields are contact reasons, labelled from the form', () => {
    const channelId = listChannelsOfKind(db, 'web_form')[0]!.id;
    const form = insertForm(db, {
      slug: 'beschwerde',
      name: 'Beschwerde',
      channelId,
      now: NOW,
      definition: {
        version: 1,
        routing: [],
        fields: [
          {
            key: 'topic',
            type: 'select',
            label: { en: 'Topic', de: 'Thema' },
            required: true,
            hiddenByDefault: false,
            rules: [],
            options: [{ value: 'late', label: { en: 'Late delivery', de: 'Verspätete Lieferung' } }],
          },
          { key: 'details', type: 'long_text', label: { en: 'Details' }, required: false, hiddenByDefault: false, rules: [] },
        ],
      },
    });
    insertSubmission(db, { formId: form.id, version: 1, ticketId: ids.monday!, answers: { topic: 'late', details: 'Seit Tagen nichts' }, now: NOW });
    const rows = namedBreakdown(db, scopeFor(lead), 'form_answer');
    expect(rows.map((r) => [r.form, r.fieldLabel?.de, r.optionLabel?.de, r.n])).toEqual([['Beschwerde', 'Thema', 'Verspätete Lieferung', 1]]);
  });

  it('every ticket figure of the headline lists exactly its n, in both cohorts and both periods', () => {
    for (const cohort of ['created', 'solved'] as const) {
      const scope = scopeFor(lead, { cohort });
      for (const figure of headlineFigures(db, scope, NOW)) {
        if (figure.drill.kind !== 'tickets') continue;
        for (const period of ['current', 'previous'] as const) {
          const page = drilldown(db, scope, figure.drill, { period, offset: 0, after: null, limit: 200, now: NOW });
          if (page.kind !== 'tickets') throw new Error('tickets expected');
          expect([figure.key, cohort, period, page.total, page.tickets.length]).toEqual([figure.key, cohort, period, figure[period].n, figure[period].n]);
        }
      }
    }
    const listed = (figure: TicketFigure, cohort: 'created' | 'solved' = 'created') =>
      drilldown(db, scopeFor(lead, { cohort }), { kind: 'tickets', figure }, { period: 'current', offset: 0, after: null, limit: 200, now: NOW });
    const idsOf = (r: ReturnType<typeof listed>) => (r.kind === 'tickets' ? r.tickets.map((t) => t.ticketId).sort() : []);
    expect(idsOf(listed('backlog'))).toEqual([ids.sunday, ids.backlog].sort());
    expect(idsOf(listed('resolution'))).toEqual([ids.monday, ids.lateSolve, ids.backlog, ids.billing].sort());
    expect(idsOf(listed('resolution', 'solved'))).toEqual([ids.monday, ids.lateSolve, ids.billing].sort());
    expect(idsOf(listed('first_response', 'solved'))).toEqual([ids.monday, ids.lateSolve, ids.billing].sort());
    expect(idsOf(listed('reopened'))).toEqual([]);
    // Listed by the figure's time: a solved figure by the solve, oldest first.
    const solved = listed('solved');
    expect(solved.kind === 'tickets' && solved.tickets.map((t) => t.ticketId)).toEqual([ids.billing, ids.lateSolve, ids.monday]);
  });

  it('a figure lists exactly its n, page after page', () => {
    const scope = scopeFor(lead);
    const all: number[] = [];
    let after = null;
    for (;;) {
      const page = drilldown(db, scope, { kind: 'tickets', figure: 'created' }, { period: 'current', offset: 0, after, limit: 2, now: NOW });
      if (page.kind !== 'tickets') throw new Error('tickets expected');
      expect(page.total).toBe(5);
      if (page.tickets.length === 0) break;
      all.push(...page.tickets.map((t) => t.ticketId));
      after = { at: page.tickets.at(-1)!.at, id: page.tickets.at(-1)!.ticketId };
    }
    expect(all.sort()).toEqual([ids.monday, ids.sunday, ids.lateSolve, ids.backlog, ids.billing].sort());
    const previous = drilldown(db, scope, { kind: 'tickets', figure: 'created' }, { period: 'previous', offset: 0, after: null, limit: 10, now: NOW });
    expect(previous.kind === 'tickets' && previous.tickets.map((t) => t.ticketId)).toEqual([ids.before]);
  });

  it('the export holds every row of the figure, with a byte-order mark', () => {
    const text = [...exportRows(db, scopeFor(lead), null, NOW)].join('');
    expect(text.startsWith('\uFEFFticket_number,subject,')).toBe(true);
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(1 + 5);
    const sla = [...exportRows(db, scopeFor(lead), { kind: 'sla' }, NOW)].join('');
    expect(sla.trim().split('\n')).toHaveLength(1);
  });
});

describe('who sees what', () => {
  it('an agent sees their own work only, whatever the filters ask', () => {
    expect(scopeFor(jana).current.agentId).toBe(jana.id);
    expect(headlineFigures(db, scopeFor(jana), NOW).find((f) => f.key === 'created')!.current.n).toBe(1);
    expect(() => scopeFor(jana, { agentId: tom.id })).toThrow(expect.objectContaining({ code: 'FORBIDDEN', key: 'dashboard_own_work_only' }));
    expect(() => scopeFor(jana, { teamId: teams.Billing })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(scopeFor(jana, { teamId: teams.Kundenservice }).current).toMatchObject({ teamId: teams.Kundenservice, agentId: jana.id });
  });

  it('leads see any team and agent', () => {
    expect(scopeFor(lead, { agentId: tom.id, teamId: teams.Billing }).current).toMatchObject({ agentId: tom.id, teamId: teams.Billing });
    expect(scopeFor(lead).current.agentId).toBeNull();
  });

  it('unknown filter values and bad ranges are refused with their reason', () => {
    const refusal = (f: DashboardFiltersInput) => {
      try {
        scopeFor(lead, f);
      } catch (err) {
        return err instanceof DomainError ? [err.code, err.key] : err;
      }
      return null;
    };
    expect(refusal({ teamId: 999 })).toEqual(['BAD_REQUEST', 'dashboard_unknown_filter']);
    expect(refusal({ agentId: 999 })).toEqual(['BAD_REQUEST', 'dashboard_unknown_filter']);
    expect(refusal({ tagId: 999 })).toEqual(['BAD_REQUEST', 'dashboard_unknown_filter']);
    expect(refusal({ from: '2026-03-29', to: '2026-03-16' })).toEqual(['BAD_REQUEST', 'range_reversed']);
    expect(refusal({ from: '2020-01-01', to: '2026-03-16' })).toEqual(['BAD_REQUEST', 'range_too_long']);
  });
});

describe('limits', () => {
  it('an agent gets ten exports a minute, then a clear refusal; others are not affected', async () => {
    for (let i = 0; i < 10; i++) await consumeDashboardExport(9001);
    await expect(consumeDashboardExport(9001)).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', key: 'dashboard_rate_limited' });
    await expect(consumeDashboardExport(9002)).resolves.toBeUndefined();
  });
});

describe('live strip', () => {
  it('counts the unsolved work now: unassigned, at risk, breached, and who waits longest; scoped like the figures', () => {
    const at = Date.UTC(2026, 3, 9, 8);
    const now = at + 4 * 3600_000;
    const make = (o: {
      status?: 'open' | 'new' | 'pending' | 'solved';
      assigneeId?: number;
      warn?: number;
      due?: number;
      channel?: 'email' | 'chat';
      priority?: 'urgent';
      tags?: string[];
      teamId?: number;
      minutes: number;
    }) => {
      const { ticket } = createTestTicket(db, {
        channel: o.channel ?? 'email',
        at: at + o.minutes * MIN,
        status: o.status ?? 'open',
        assigneeId: o.assigneeId ?? null,
        priority: o.priority,
        tags: o.tags,
        teamId: o.teamId ?? teams.Reklamationen,
      });
      updateTicketColumns(db, ticket.id, { slaWarnAt: o.warn ?? null, slaDueAt: o.due ?? null });
      return ticket;
    };
    const waiting = make({ minutes: 0, assigneeId: tom.id, due: now - MIN, priority: 'urgent', tags: ['live'] }); // breached, waits longest
    make({ minutes: 10, warn: now - MIN, due: now + MIN, channel: 'chat' }); // at risk, unassigned
    make({ minutes: 20, status: 'pending', assigneeId: tom.id }); // unsolved, but waiting for the customer
    make({ minutes: 30, status: 'solved' }); // not counted
    const scope = (f: DashboardFiltersInput) => scopeFor(lead, { teamId: teams.Reklamationen, ...f }).current;
    expect(liveCounts(db, scope({}), now)).toEqual({
      open: 3,
      unassigned: 1,
      atRisk: 1,
      breached: 1,
      waitingLongest: { ticketId: waiting.id, number: waiting.number, subject: waiting.subject, since: at },
    });
    expect(liveCounts(db, scope({ agentId: tom.id }), now)).toMatchObject({ open: 2, unassigned: 0, breached: 1, atRisk: 0 });
    expect(liveCounts(db, scope({ channel: 'chat' }), now)).toMatchObject({ open: 1, atRisk: 1, breached: 0, waitingLongest: { since: at + 10 * MIN } });
    expect(liveCounts(db, scope({ priority: 'urgent' }), now)).toMatchObject({ open: 1, breached: 1 });
    const tag = db.$client.prepare("select id from tags where name = 'live'").get() as { id: number };
    expect(liveCounts(db, scope({ tagId: tag.id }), now)).toMatchObject({ open: 1 });
    expect(liveCounts(db, scope({ agentId: jana.id }), now)).toEqual({ open: 0, unassigned: 0, atRisk: 0, breached: 0, waitingLongest: null });
  });
});
