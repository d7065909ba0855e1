import { sqliteTable, integer, text, blob, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { ROLLUP_COHORTS, ROLLUP_DIMENSIONS } from '../../lib/dashboard/rollup-contribution';

/**
 * The dashboard's figures pre-aggregated per UTC hour and per UTC day (`span` 1 or 24 hours), cohort (created, first solved, first customer
 * message) and one group (all tickets, or one team, agent, channel, priority or tag): the counts summed,
 * and each duration measure as the sorted list of the tickets' exact values (float64, little-endian), so
 * medians and percentiles stay exact. Folded from `ticket_facts` and `ticket_tags` by
 * db/queries/metric-rollups.ts; the dashboard reads these where a query has at most one group filter.
 */
export const metricRollups = sqliteTable(
  'metric_rollups',
  {
    dim: text('dim', { enum: ROLLUP_DIMENSIONS }).notNull(),
    cohort: text('cohort', { enum: ROLLUP_COHORTS }).notNull(),
    /** The group: '' for all tickets and for tickets without one (no team); ids and kinds as text. */
    key: text('key').notNull(),
    /** The hours the row covers: 1, or 24 for a UTC day (a month's durations are then 30 lists, not 720). */
    span: integer('span').notNull(),
    /** Its first hour, in hours since 1970-01-01T00:00Z. */
    hour: integer('hour').notNull(),
    n: integer('n').notNull(),
    contacted: integer('contacted').notNull(),
    first: integer('first').notNull(),
    second: integer('second').notNull(),
    third: integer('third').notNull(),
    oneTouch: integer('one_touch').notNull(),
    reopened: integer('reopened').notNull(),
    csatAnswers: integer('csat_answers').notNull(),
    csatSatisfied: integer('csat_satisfied').notNull(),
    // Last, so that reading the counts never touches the lists' overflow pages.
    frtCal: blob('frt_cal', { mode: 'buffer' }),
    frtBus: blob('frt_bus', { mode: 'buffer' }),
    resCal: blob('res_cal', { mode: 'buffer' }),
    resBus: blob('res_bus', { mode: 'buffer' }),
  },
  (t) => [
    primaryKey({ columns: [t.dim, t.cohort, t.key, t.span, t.hour] }),
    // The dashboard sums the counts of a window's hours: read from this index alone, in order, never
    // seeking each row (whose value lists fill overflow pages).
    index('metric_rollups_counts').on(
      t.dim,
      t.cohort,
      t.span,
      t.hour,
      t.key,
      t.n,
      t.contacted,
      t.first,
      t.second,
      t.third,
      t.oneTouch,
      t.reopened,
      t.csatAnswers,
      t.csatSatisfied,
    ),
  ],
);

/**
 * Tickets whose facts or tags changed since their contribution was last folded in, with what was
 * folded in then (`old`: the rollup source as JSON, null when nothing was). Written by the fact and tag
 * writers before they change a row; emptied by the fold.
 */
export const rollupPending = sqliteTable('rollup_pending', {
  ticketId: integer('ticket_id').primaryKey(),
  old: text('old'),
});
