import { and, gte, lt, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../client';
import { contactResolutionByDayFromRollups, incomingByFromRollups, volumeByDayFromRollups } from './metrics-rollup-reads';
import { ticketFacts } from '../schema';
import type { OffsetPiece } from '../../lib/time/zone-offsets';
import { DAY_MS, cohortOf, localMs, scopeOf, type MetricsFilter } from './metrics-filter';
import { CONTACT_BUCKETS, contactCohort, durationColumn, type Clock } from './metrics-figures';

/**
 * Figures per local day or hour of the week, for trends and the staffing view. Days and hours are the
 * zone's (`pieces`: its offsets over the window); the caller folds days into weeks or months.
 */
type Window = Omit<MetricsFilter, 'cohort'>;
const countOf = (condition: ReturnType<typeof sql>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;
const localDay = (column: Parameters<typeof localMs>[0], pieces: readonly OffsetPiece[]) =>
  sql<number>`cast(${localMs(column, pieces)} / ${DAY_MS} as integer)`;

/** Tickets created and first solved per local day (days as whole days since 1970-01-01, local). */
export function volumeByDay(db: Db, f: Window, pieces: readonly OffsetPiece[]) {
  return volumeByDayFromRollups(db, f, pieces) ?? volumeByDayFromFacts(db, f, pieces);
}

export function volumeByDayFromFacts(db: Queryable, f: Window, pieces: readonly OffsetPiece[]) {
  const per = (cohort: MetricsFilter['cohort']) => {
    const at = cohort === 'created' ? ticketFacts.createdAt : ticketFacts.firstSolvedAt;
    const day = localDay(at, pieces);
    return db
      .select({ day, n: sql<number>`count(*)` })
      .from(ticketFacts)
      .where(cohortOf({ ...f, cohort }))
      .groupBy(day)
      .all();
  };
  return { created: per('created'), solved: per('solved') };
}

/** The contact-resolution buckets per local day of the first solve. */
export function contactResolutionByDay(db: Db, f: Window, pieces: readonly OffsetPiece[]) {
  return contactResolutionByDayFromRollups(db, f, pieces) ?? contactResolutionByDayFromFacts(db, f, pieces);
}

export function contactResolutionByDayFromFacts(db: Queryable, f: Window, pieces: readonly OffsetPiece[]) {
  const day = localDay(ticketFacts.firstSolvedAt, pieces);
  return db
    .select({
      day,
      n: sql<number>`count(*)`,
      first: countOf(CONTACT_BUCKETS.first),
      second: countOf(CONTACT_BUCKETS.second),
      third: countOf(CONTACT_BUCKETS.third),
      oneTouch: countOf(CONTACT_BUCKETS.oneTouch),
    })
    .from(ticketFacts)
    .where(contactCohort(f))
    .groupBy(day)
    .all();
}

/**
 * Incoming tickets by when the customer first wrote, per local hour of the week (0 = Monday 00:00) and
 * per weekday (0 = Monday): how many, and their first response time (median and mean) where answered.
 * Team and agent: the ticket's current ones.
 */
export function incomingBy(db: Db, f: Window, pieces: readonly OffsetPiece[], clock: Clock) {
  return (
    incomingByFromRollups(db, f, pieces, clock) ?? {
      hourOfWeek: incomingByFromFacts(db, f, pieces, clock, 'hourOfWeek'),
      weekday: incomingByFromFacts(db, f, pieces, clock, 'weekday'),
    }
  );
}

/** One unit of incomingBy from the facts. */
export function incomingByFromFacts(db: Queryable, f: Window, pieces: readonly OffsetPiece[], clock: Clock, unit: 'hourOfWeek' | 'weekday') {
  const at = ticketFacts.firstCustomerMessageAt;
  // 1970-01-01 was a Thursday: Monday-first hours of the week start 72 hours earlier.
  const hourOfWeek = sql`((cast(${localMs(at, pieces)} / 3600000 as integer) + 72) % 168)`;
  const key = unit === 'hourOfWeek' ? sql<number>`${hourOfWeek}` : sql<number>`(${hourOfWeek} / 24)`;
  const frt = durationColumn('firstResponse', clock);
  return db
    .select({
      key,
      n: sql<number>`count(*)`,
      answered: sql<number>`count(${frt})`,
      medianMs: sql<number | null>`median(${frt})`,
      meanMs: sql<number | null>`avg(${frt})`,
    })
    .from(ticketFacts)
    .where(and(gte(at, f.from), lt(at, f.to), scopeOf(f, false)))
    .groupBy(key)
    .all();
}
