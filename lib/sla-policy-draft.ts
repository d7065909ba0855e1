import { PRIORITIES, type Priority } from './domain';
import { formatDuration, formatWarning, parseDuration, parseWarning } from './duration-input';
import { SLA_TARGETS, type SlaProblem, type SlaTarget, type SlaTargetSpec } from './sla-policy';

/**
 * The SLA settings page's targets as typed (durations and warnings as text) and back. Universal and
 * pure, so what the page sends is exactly what it showed; text it cannot read is a problem at its cell.
 */
export type TargetCell = { duration: string; clock: 'business' | 'calendar'; warning: string };
export type TargetCells = Record<Priority, Record<SlaTarget, TargetCell>>;
type Targets = Record<Priority, Record<SlaTarget, SlaTargetSpec | null>>;

const EMPTY: TargetCell = { duration: '', clock: 'business', warning: '80%' };

export function cellsOf(targets: Partial<Targets> | undefined): TargetCells {
  return Object.fromEntries(
    PRIORITIES.map((p) => [
      p,
      Object.fromEntries(
        SLA_TARGETS.map((k) => {
          const spec = targets?.[p]?.[k];
          return [k, spec ? { duration: formatDuration(spec.minutes), clock: spec.clock, warning: formatWarning(spec.warning) } : EMPTY];
        }),
      ),
    ]),
  ) as TargetCells;
}

export function targetsOf(cells: TargetCells): { targets: Targets; problems: SlaProblem[] } {
  const problems: SlaProblem[] = [];
  const targets = Object.fromEntries(
    PRIORITIES.map((p) => [
      p,
      Object.fromEntries(
        SLA_TARGETS.map((k) => {
          const cell = cells[p][k];
          if (!cell.duration.trim()) return [k, null];
          const minutes = parseDuration(cell.duration);
          const warning = parseWarning(cell.warning);
          if (minutes === null) problems.push({ path: `targets.${p}.${k}.minutes`, code: 'not_a_duration', params: { text: cell.duration } });
          if (warning === undefined) problems.push({ path: `targets.${p}.${k}.warning`, code: 'not_a_warning', params: { text: cell.warning } });
          return [k, { minutes: minutes ?? 0, clock: cell.clock, warning: warning ?? null }];
        }),
      ),
    ]),
  ) as Targets;
  return { targets, problems };
}
