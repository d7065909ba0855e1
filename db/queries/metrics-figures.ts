import { and, asc, eq, gte, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db, Queryable } from '../client';
import { backlogFromRollups } from './metrics-rollup-reads';
import { agents, teams, ticketFacts, tickets } from '../schema';
import { limitRows } from '../prepared';
import { cohortAt, cohortOf, scopeOf, type MetricsFilter } from './metrics-filter';
import { TICKET_FIGURES, type TicketFigure } from '../../lib/dashboard/figure-kinds';
import { REOPEN_WINDOW_MS } from '../../lib/dashboard/rollup-contribution';

/**
 * The tickets behind each ticket-counting figure, written once: the figure's count and the list it
 * links to use the same condition, so the list always has exactly n rows (DESIGN.md §5).
 */
export { REOPEN_WINDOW_MS };

/** Solved after exactly `n` public replies and not reopened within the reopen window. */
const resolvedAfter = (n: number) =>
  sql`(${ticketFacts.repliesBeforeFirstSolve} = ${n} and (${ticketFacts.firstReopenAt} is null or ${ticketFacts.firstReopenAt} - ${ticketFacts.firstSolvedAt} > ${REOPEN_WINDOW_MS}))`;
export const CONTACT_BUCKETS = {
  first: resolvedAfter(1),
  second: resolvedAfter(2),
  third: resolvedAfter(3),
  oneTouch: sql`(${ticketFacts.repliesBeforeFirstSolve} < 2)`,
};

type Window = Omit<MetricsFilter, 'cohort'>;
/** The FCR cohort: tickets first solved in the window that got at least one public agent reply. */
export const contactCohort = (f: Window) => and(cohortOf({ ...f, cohort: 'solved' }), sql`${ticketFacts.repliesBeforeFirstSolve} >= 1`)!;

export type Clock = 'calendar' | 'business';
export const durationColumn = (kind: 'firstResponse' | 'resolution', clock: Clock) =>
  ({
    firstResponse: { calendar: ticketFacts.firstResponseCalendarMs, business: ticketFacts.firstResponseBusinessMs },
    resolution: { calendar: ticketFacts.resolutionCalendarMs, business: ticketFacts.resolutionBusinessMs },
  })[kind][clock];

export { TICKET_FIGURES, type TicketFigure };
export type FigureFilter = MetricsFilter & { clock: Clock };

/** The condition and the time each figure's tickets are listed by. */
/** The condition, the time its tickets are listed by, and whether team and agent are credited at the first solve. */
export function figureOf(figure: TicketFigure, f: FigureFilter): { where: SQL; at: AnySQLiteColumn; solvedBy: boolean } {
  const solved = { where: cohortOf({ ...f, cohort: 'solved' }), at: ticketFacts.firstSolvedAt, solvedBy: true };
  const contact = (bucket?: SQL) => ({ where: and(contactCohort(f), bucket)!, at: ticketFacts.firstSolvedAt, solvedBy: true });
  switch (figure) {
    case 'created':
      return { where: cohortOf({ ...f, cohort: 'created' }), at: ticketFacts.createdAt, solvedBy: false };
    case 'solved':
      return solved;
    case 'backlog':
      // Open at the end of the window: created before it ended and not yet solved for the first time then.
      // `+created_at`: read the few unsolved ones through the solve index, not every older ticket through the created one.
      return {
        where: and(sql`+${ticketFacts.createdAt} < ${f.to}`, or(isNull(ticketFacts.firstSolvedAt), gte(ticketFacts.firstSolvedAt, f.to)), scopeOf(f, false))!,
        at: ticketFacts.createdAt,
        solvedBy: false,
      };
    case 'reopened':
      return { ...solved, where: and(solved.where, isNotNull(ticketFacts.firstReopenAt))! };
    case 'contacted':
      return contact();
    case 'fcr':
      return contact(CONTACT_BUCKETS.first);
    case 'second_contact':
      return contact(CONTACT_BUCKETS.second);
    case 'third_contact':
      return contact(CONTACT_BUCKETS.third);
    case 'one_touch':
      return contact(CONTACT_BUCKETS.oneTouch);
    case 'first_response':
    case 'resolution': {
      const col = durationColumn(figure === 'first_response' ? 'firstResponse' : 'resolution', f.clock);
      return { where: and(cohortOf(f), isNotNull(col))!, at: cohortAt(f.cohort), solvedBy: f.cohort === 'solved' };
    }
  }
}

export function countFigure(db: Queryable, figure: TicketFigure, f: FigureFilter): number {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(ticketFacts)
    .where(figureOf(figure, f).where)
    .get()!.n;
}

/** The backlog figure's count: from the rollups where they answer it. */
export const backlogCount = (db: Db, f: FigureFilter) => backlogFromRollups(db, f) ?? countFigure(db, 'backlog', f);

export type FigureTicket = {
  /** The figure's time for this ticket (created or solved): with the id, the cursor of the next page. */
  at: number;
  ticketId: number;
  number: number;
  subject: string;
  channel: string | null;
  team: string | null;
  agent: string | null;
  createdAt: number | null;
  firstSolvedAt: number | null;
  firstResponseMs: number | null;
  resolutionMs: number | null;
  publicReplies: number;
  reopenCount: number;
  priority: string | null;
  firstCustomerMessageAt: number | null;
  firstResponseAt: number | null;
  repliesBeforeFirstSolve: number;
  firstReopenAt: number | null;
  firstResponseMet: boolean | null;
  resolutionMet: boolean | null;
  csatScore: number | null;
  csatMax: number | null;
  npsScore: number | null;
  cesScore: number | null;
};

export type FigureCursor = { at: number; id: number };

/**
 * One page of a figure's tickets, oldest first (by the figure's time, then id), after `cursor`: each
 * page is an index seek, so the full export of a million tickets pages through them in linear time.
 * Without a cursor, at an offset (the metrics API's plain paging).
 */
export function figureTickets(
  db: Queryable,
  figure: TicketFigure,
  f: FigureFilter,
  page: { limit: number; after?: FigureCursor | null; offset?: number },
): FigureTicket[] {
  const { where, at, solvedBy } = figureOf(figure, f);
  return db
    .select({
      at: sql<number>`${at}`,
      ticketId: ticketFacts.ticketId,
      number: tickets.number,
      subject: tickets.subject,
      channel: ticketFacts.channel,
      team: teams.name,
      agent: agents.name,
      createdAt: ticketFacts.createdAt,
      firstSolvedAt: ticketFacts.firstSolvedAt,
      firstResponseMs: durationColumn('firstResponse', f.clock),
      resolutionMs: durationColumn('resolution', f.clock),
      publicReplies: ticketFacts.publicReplies,
      reopenCount: ticketFacts.reopenCount,
      priority: ticketFacts.priority,
      firstCustomerMessageAt: ticketFacts.firstCustomerMessageAt,
      firstResponseAt: ticketFacts.firstResponseAt,
      repliesBeforeFirstSolve: ticketFacts.repliesBeforeFirstSolve,
      firstReopenAt: ticketFacts.firstReopenAt,
      firstResponseMet: ticketFacts.firstResponseMet,
      resolutionMet: ticketFacts.resolutionMet,
      csatScore: ticketFacts.csatScore,
      csatMax: ticketFacts.csatMax,
      npsScore: ticketFacts.npsScore,
      cesScore: ticketFacts.cesScore,
    })
    .from(ticketFacts)
    .innerJoin(tickets, eq(tickets.id, ticketFacts.ticketId))
    .leftJoin(teams, eq(teams.id, solvedBy ? ticketFacts.solvedTeamId : ticketFacts.teamId))
    .leftJoin(agents, eq(agents.id, solvedBy ? ticketFacts.solvedAssigneeId : ticketFacts.assigneeId))
    .where(and(where, page.after ? sql`(${at}, ${ticketFacts.ticketId}) > (${page.after.at}, ${page.after.id})` : undefined))
    .orderBy(asc(at), asc(ticketFacts.ticketId))
    .limit(limitRows(page.limit))
    .offset(page.after ? 0 : (page.offset ?? 0))
    .all();
}
