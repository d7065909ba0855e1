import type { Db } from '@/db/client';
import { cohortSummary, slaAttainment, surveyFigures } from '@/db/queries/metrics';
import { backlogCount, type FigureFilter } from '@/db/queries/metrics-figures';
export type { Drill };
import type { Drill } from '@/lib/dashboard/figure-kinds';
import { SMALL_SAMPLE } from '@/lib/dashboard/dashboard-filters';
import type { DashboardScope } from './dashboard-scope';

/**
 * The headline figures of a window and of the period before it (DESIGN.md §5). Each says what it
 * counted (n) and where its tickets are listed (`drill`): the list has exactly n rows.
 */
export type FigureValue = { value: number | null; n: number; p90?: number | null };
export type HeadlineFigure = {
  key: HeadlineKey;
  unit: 'share' | 'duration' | 'count' | 'nps' | 'ces';
  current: FigureValue;
  previous: FigureValue;
  small: boolean;
  drill: Drill;
};
export type HeadlineKey = 'fcr' | 'first_response' | 'resolution' | 'csat' | 'nps' | 'ces' | 'sla' | 'created' | 'solved' | 'backlog' | 'reopen_rate';

type Period = { figures: Record<HeadlineKey, FigureValue> };

function period(db: Db, f: FigureFilter, now: number): Period {
  // Two scans (the tickets created in the window, those first solved in it) serve every ticket figure.
  // The durations of the filter's cohort only: the other's would read every value for nothing.
  const created = cohortSummary(db, { ...f, cohort: 'created' }, { durations: f.cohort === 'created' });
  const solved = cohortSummary(db, { ...f, cohort: 'solved' }, { durations: f.cohort === 'solved' });
  const { firstResponse, resolution } = f.cohort === 'created' ? created : solved;
  const surveys = surveyFigures(db, f);
  const sla = slaAttainment(db, { ...f, now });
  const backlog = backlogCount(db, f);
  return {
    figures: {
      fcr: { value: solved.contact.n ? solved.contact.first / solved.contact.n : null, n: solved.contact.n },
      first_response: { value: firstResponse!.median, p90: firstResponse!.p90, n: firstResponse!.n },
      resolution: { value: resolution!.median, p90: resolution!.p90, n: resolution!.n },
      csat: { value: surveys.csat.value, n: surveys.csat.n },
      nps: { value: surveys.nps.value, n: surveys.nps.n },
      ces: { value: surveys.ces.value, n: surveys.ces.n },
      sla: { value: sla.value, n: sla.n },
      created: { value: created.n, n: created.n },
      solved: { value: solved.n, n: solved.n },
      backlog: { value: backlog, n: backlog },
      reopen_rate: { value: solved.n ? solved.reopened / solved.n : null, n: solved.n },
    },
  };
}

const SHAPE: { key: HeadlineKey; unit: HeadlineFigure['unit']; drill: Drill; counts?: boolean }[] = [
  { key: 'fcr', unit: 'share', drill: { kind: 'tickets', figure: 'contacted' } },
  { key: 'first_response', unit: 'duration', drill: { kind: 'tickets', figure: 'first_response' } },
  { key: 'resolution', unit: 'duration', drill: { kind: 'tickets', figure: 'resolution' } },
  { key: 'csat', unit: 'share', drill: { kind: 'surveys', type: 'csat' } },
  { key: 'nps', unit: 'nps', drill: { kind: 'surveys', type: 'nps' } },
  { key: 'ces', unit: 'ces', drill: { kind: 'surveys', type: 'ces' } },
  { key: 'sla', unit: 'share', drill: { kind: 'sla' } },
  // Counts are whole figures, never a "small sample".
  { key: 'created', unit: 'count', drill: { kind: 'tickets', figure: 'created' }, counts: true },
  { key: 'solved', unit: 'count', drill: { kind: 'tickets', figure: 'solved' }, counts: true },
  { key: 'backlog', unit: 'count', drill: { kind: 'tickets', figure: 'backlog' }, counts: true },
  { key: 'reopen_rate', unit: 'share', drill: { kind: 'tickets', figure: 'solved' } },
];

export function headlineFigures(db: Db, scope: DashboardScope, now: number): HeadlineFigure[] {
  const current = period(db, scope.current, now);
  const previous = period(db, scope.before, now);
  return SHAPE.map(({ key, unit, drill, counts }) => ({
    key,
    unit,
    drill,
    current: current.figures[key],
    previous: previous.figures[key],
    small: !counts && current.figures[key].n < SMALL_SAMPLE,
  }));
}
