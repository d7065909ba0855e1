import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Queryable } from '../client';
import { breakdownFromRollups } from './metrics-rollup-reads';
import { formSubmissions, ticketFacts, ticketTags } from '../schema';
import { limitRows } from '../prepared';
import { READINGS } from '../../lib/surveys/survey-scoring';
import { cohortOf } from './metrics-filter';
import { DIMENSIONS, type Dimension } from '../../lib/dashboard/figure-kinds';
import { CONTACT_BUCKETS, durationColumn, type FigureFilter } from './metrics-figures';

/**
 * The cohort's tickets split by one dimension, each group with the headline figures that make sense per
 * group: how many, first-contact resolution (of those solved with a reply), reopened, median first
 * response and resolution, and CSAT of the tickets' latest answers. A ticket with two tags (or two form
 * answers) counts in both groups.
 */
export { DIMENSIONS, type Dimension };

export type BreakdownRow = {
  key: string | number | null;
  /** form_answer: which form's field; the key is the answer's value. */
  formId: number | null;
  field: string | null;
  n: number;
  contacted: number;
  fcr: number;
  reopened: number;
  frtMedianMs: number | null;
  resolutionMedianMs: number | null;
  csatAnswers: number;
  csatSatisfied: number;
};

const sumOf = (condition: SQL) => sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;
export const BREAKDOWN_LIMIT = 100;

/** `selectFields`: for form answers, the select fields worth grouping by (free text would make a group per ticket). */
/** `durations: false` leaves the medians out where the rollups answer (null): a trend needs only the counts of the period before. */
export function breakdown(
  db: Db,
  f: FigureFilter,
  dimension: Dimension,
  selectFields: readonly string[] = [],
  o: { durations?: boolean } = {},
): BreakdownRow[] {
  return breakdownFromRollups(db, f, dimension, BREAKDOWN_LIMIT, o.durations ?? true) ?? breakdownFromFacts(db, f, dimension, selectFields);
}

export function breakdownFromFacts(db: Queryable, f: FigureFilter, dimension: Dimension, selectFields: readonly string[] = []): BreakdownRow[] {
  const solvedBy = f.cohort === 'solved';
  const answer = sql`je.value`;
  const key: SQL = {
    channel: sql`${ticketFacts.channel}`,
    team: sql`${solvedBy ? ticketFacts.solvedTeamId : ticketFacts.teamId}`,
    agent: sql`${solvedBy ? ticketFacts.solvedAssigneeId : ticketFacts.assigneeId}`,
    priority: sql`${ticketFacts.priority}`,
    tag: sql`${ticketTags.tagId}`,
    form_answer: answer,
  }[dimension];
  const contacted = sql`${ticketFacts.firstSolvedAt} is not null and ${ticketFacts.repliesBeforeFirstSolve} >= 1`;
  const csatAnswered = sql`${ticketFacts.csatScore} is not null and ${ticketFacts.csatMax} > ${ticketFacts.csatMin}`;
  const satisfied = sql`${csatAnswered} and 1.0 * (${ticketFacts.csatScore} - ${ticketFacts.csatMin}) / (${ticketFacts.csatMax} - ${ticketFacts.csatMin}) >= ${READINGS.csat.happyFrom}`;
  let q = db
    .select({
      key: sql<string | number | null>`${key}`,
      formId: dimension === 'form_answer' ? sql<number | null>`${formSubmissions.formId}` : sql<number | null>`null`,
      field: dimension === 'form_answer' ? sql<string | null>`je.key` : sql<string | null>`null`,
      n: sql<number>`count(*)`,
      contacted: sumOf(contacted),
      fcr: sumOf(sql`${contacted} and ${CONTACT_BUCKETS.first}`),
      reopened: sumOf(sql`${ticketFacts.firstReopenAt} is not null`),
      frtMedianMs: sql<number | null>`median(${durationColumn('firstResponse', f.clock)})`,
      resolutionMedianMs: sql<number | null>`median(${durationColumn('resolution', f.clock)})`,
      csatAnswers: sumOf(csatAnswered),
      csatSatisfied: sumOf(satisfied),
    })
    .from(ticketFacts)
    .$dynamic();
  if (dimension === 'tag') q = q.innerJoin(ticketTags, eq(ticketTags.ticketId, ticketFacts.ticketId));
  if (dimension === 'form_answer') {
    if (selectFields.length === 0) return [];
    q = q.innerJoin(formSubmissions, eq(formSubmissions.ticketId, ticketFacts.ticketId)).innerJoin(sql`json_each(${formSubmissions.answers}) je`, sql`1`);
  }
  const formFilter = dimension === 'form_answer' ? and(sql`je.type = 'text'`, inArray(sql`je.key`, selectFields as string[])) : undefined;
  return q
    .where(and(cohortOf(f), formFilter))
    .groupBy(...(dimension === 'form_answer' ? [formSubmissions.formId, sql`je.key`, answer] : [key]))
    .orderBy(sql`count(*) desc`, key)
    .limit(limitRows(BREAKDOWN_LIMIT))
    .all();
}
