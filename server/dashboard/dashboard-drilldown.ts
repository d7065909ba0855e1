import type { Db } from '@/db/client';
import { countFigure, figureTickets, type FigureCursor } from '@/db/queries/metrics-figures';
import { slaTargetRows, surveyAnswerRows } from '@/db/queries/metrics-drill';
import type { DashboardScope } from './dashboard-scope';
import type { Drill } from '@/lib/dashboard/figure-kinds';

export const DRILL_PAGE_MAX = 200;

/** One page of what a figure counted, for the current window or the one before: `total` is the figure's n. Tickets page by cursor, the (few) answers and targets by offset. */
export function drilldown(
  db: Db,
  scope: DashboardScope,
  drill: Drill,
  o: { period: 'current' | 'previous'; offset: number; after: FigureCursor | null; limit: number; now: number },
) {
  const f = o.period === 'current' ? scope.current : scope.before;
  const page = { offset: o.offset, limit: Math.min(o.limit, DRILL_PAGE_MAX) };
  switch (drill.kind) {
    case 'tickets':
      return {
        kind: 'tickets' as const,
        total: countFigure(db, drill.figure, f),
        tickets: figureTickets(db, drill.figure, f, { limit: page.limit, after: o.after, offset: o.offset }),
      };
    case 'surveys': {
      const { total, rows } = surveyAnswerRows(db, f, drill.type, page);
      return { kind: 'surveys' as const, total, surveys: rows };
    }
    case 'sla': {
      const { total, rows } = slaTargetRows(db, { ...f, now: o.now }, page);
      return { kind: 'sla' as const, total, targets: rows };
    }
  }
}
