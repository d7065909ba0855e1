import { sqliteTable, integer, text, blob, index, real, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ROLLUP_COHORTS, ROLLUP_DIMENSIONS } from '../../lib/dashboard/rollup-contribution';

/**
 * The dashboard's figures pre-aggregated per UTC hour and per UTC day (`span` 1 or 24 hours), cohort (created, first solved, first customer
 * message; SLA targets come due; CSAT, NPS or CES surveys sent) and one group (all tickets, or one team, agent, channel, priority or tag): the counts summed and
 * each duration measure's values. Folded from `ticket_facts` and `ticket_tags` by
 * db/queries/metric-rollups.ts; the dashboard reads these where a query has at most one group filter.
 */
export const metricRollups = sqliteTable(
  'metric_rollups',
  {
    id: integer('id').primaryKey(),
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
    slaMet: integer('sla_met').notNull().default(0),
    answered: integer('answered').notNull().default(0),
    satisfied: integer('satisfied').notNull().default(0),
    promoters: integer('promoters').notNull().default(0),
    detractors: integer('detractors').notNull().default(0),
    scoreSum: integer('score_sum').notNull().default(0),
    /**
     * Each duration measure: its tickets' exact values as a sorted list (float64, little-endian), so medians
     * and percentiles stay exact. A list of at most `stride` values is kept whole in its column; a longer
     * one is cut into parts of `stride` values (`metric_rollup_parts`) and the column holds the first value
     * of each part, so that a percentile over many lists reads a few parts of each, not every value.
     */
    stride: integer('stride').notNull(),
    frtCal: blob('frt_cal', { mode: 'buffer' }),
    frtCalCount: integer('frt_cal_count').notNull(),
    frtCalSum: real('frt_cal_sum').notNull(),
    frtBus: blob('frt_bus', { mode: 'buffer' }),
    frtBusCount: integer('frt_bus_count').notNull(),
    frtBusSum: real('frt_bus_sum').notNull(),
    resCal: blob('res_cal', { mode: 'buffer' }),
    resCalCount: integer('res_cal_count').notNull(),
    resCalSum: real('res_cal_sum').notNull(),
    resBus: blob('res_bus', { mode: 'buffer' }),
    resBusCount: integer('res_bus_count').notNull(),
    resBusSum: real('res_bus_sum').notNull(),
  },
  (t) => [
    uniqueIndex('metric_rollups_at').on(t.dim, t.cohort, t.key, t.span, t.hour),
    // The dashboard sums the counts of a window's hours: read from this index alone, in order.
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
      t.slaMet,
      t.answered,
      t.satisfied,
      t.promoters,
      t.detractors,
      t.scoreSum,
    ),
  ],
);

/**
 * The parts of the long lists: `id` is the rollup row's id · 2¹⁸ + the measure's index · 2¹⁶ + the
 * part's index (so a part is one integer-key lookup and a list's parts one range), `vals` up to `stride`
 * values (4,000 bytes at most, which fits a 4 KiB page without overflow pages).
 */
export const metricRollupParts = sqliteTable('metric_rollup_parts', {
  id: integer('id').primaryKey(),
  vals: blob('vals', { mode: 'buffer' }).notNull(),
});

/**
 * Tickets whose facts, tags, SLA targets or surveys changed since their contribution was last folded in, with what was
 * folded in then (`old`: the rollup source as JSON, null when nothing was). Written by those
 * writers before they change a row; emptied by the fold.
 */
export const rollupPending = sqliteTable('rollup_pending', {
  ticketId: integer('ticket_id').primaryKey(),
  old: text('old'),
});

/**
 * Present while the rollups are being folded again from nothing because a fold found them out of step
 * with the facts (db/queries/metric-rollups.ts): the dashboard reads the facts meanwhile. One row at most.
 */
export const rollupRebuild = sqliteTable('rollup_rebuild', {
  id: integer('id').primaryKey(),
  startedAt: integer('started_at').notNull(),
  reason: text('reason').notNull(),
});
