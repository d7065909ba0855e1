import { stringify } from 'csv-stringify/sync';
import type { Db } from '@/db/client';
import { figureTickets, type FigureCursor } from '@/db/queries/metrics-figures';
import { slaTargetRows, surveyAnswerRows } from '@/db/queries/metrics-drill';
import type { Drill } from '@/lib/dashboard/figure-kinds';
import type { DashboardScope } from './dashboard-scope';

/**
 * The rows behind a figure (by default: every ticket of the cohort) as CSV chunks, page by page, for a
 * streamed download without a row cap. Instants as ISO 8601 UTC, durations in whole seconds: what
 * spreadsheets and BI tools read without guessing.
 */
const PAGE = 2000;
const iso = (ms: number | null | undefined) => (ms == null ? '' : new Date(ms).toISOString());
const seconds = (ms: number | null | undefined) => (ms == null ? '' : Math.round(ms / 1000));
const flag = (b: boolean | null | undefined) => (b == null ? '' : b ? 'yes' : 'no');

export function* exportRows(db: Db, scope: DashboardScope, drill: Drill | null, now: number): Generator<string> {
  const d: Drill = drill ?? { kind: 'tickets', figure: scope.filters.cohort === 'created' ? 'created' : 'solved' };
  const f = scope.current;
  const csv = (rows: unknown[][]) => stringify(rows);
  if (d.kind === 'tickets') {
    yield (
      '\uFEFF' +
      csv([
        [
          'ticket_number',
          'subject',
          'channel',
          'priority',
          'team',
          'agent',
          'created_at',
          'first_customer_message_at',
          'first_response_at',
          `first_response_${f.clock}_s`,
          'public_replies',
          'replies_before_first_solve',
          'first_solved_at',
          `resolution_${f.clock}_s`,
          'reopen_count',
          'first_reopen_at',
          'first_response_met',
          'resolution_met',
          'csat',
          'csat_max',
          'nps',
          'ces',
        ],
      ])
    );
    let after: FigureCursor | null = null;
    for (;;) {
      const page = figureTickets(db, d.figure, f, { limit: PAGE, after });
      if (page.length === 0) return;
      yield csv(
        page.map((r) => [
          r.number,
          r.subject,
          r.channel,
          r.priority,
          r.team,
          r.agent,
          iso(r.createdAt),
          iso(r.firstCustomerMessageAt),
          iso(r.firstResponseAt),
          seconds(r.firstResponseMs),
          r.publicReplies,
          r.repliesBeforeFirstSolve,
          iso(r.firstSolvedAt),
          seconds(r.resolutionMs),
          r.reopenCount,
          iso(r.firstReopenAt),
          flag(r.firstResponseMet),
          flag(r.resolutionMet),
          r.csatScore,
          r.csatMax,
          r.npsScore,
          r.cesScore,
        ]),
      );
      const last = page.at(-1)!;
      after = { at: last.at, id: last.ticketId };
    }
  }
  if (d.kind === 'surveys') {
    yield '\uFEFF' + csv([['ticket_number', 'subject', 'sent_at', 'answered_at', 'score', 'scale_min', 'scale_max', 'reason']]);
    for (let offset = 0; ; offset += PAGE) {
      const { rows } = surveyAnswerRows(db, f, d.type, { offset, limit: PAGE });
      if (rows.length === 0) return;
      yield csv(rows.map((r) => [r.number, r.subject, iso(r.sentAt), iso(r.answeredAt), r.score, r.scaleMin, r.scaleMax, r.reason]));
    }
  }
  yield '\uFEFF' + csv([['ticket_number', 'subject', 'target', 'cycle', 'policy', 'due_at', 'met_on_time']]);
  for (let offset = 0; ; offset += PAGE) {
    const { rows } = slaTargetRows(db, { ...f, now }, { offset, limit: PAGE });
    if (rows.length === 0) return;
    yield csv(rows.map((r) => [r.number, r.subject, r.target, r.cycle, r.policyName, iso(r.dueAt), flag(r.metOnTime)]));
  }
}
