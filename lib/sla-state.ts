/**
 * Where a running SLA target stands at an instant, as the inbox shows it: fine, at risk (past its
 * warning), or breached (past due). Universal: the server's views and the browser's badge agree.
 */
export type SlaStanding = 'ok' | 'at_risk' | 'breached';

export function slaStanding(dueAt: number, warnAt: number | null, now: number): SlaStanding {
  if (now >= dueAt) return 'breached';
  return warnAt !== null && now >= warnAt ? 'at_risk' : 'ok';
}

/** The next instant the standing changes (the warning, then the due time); null once breached. */
export function nextStandingChange(dueAt: number, warnAt: number | null, now: number): number | null {
  if (warnAt !== null && now < warnAt) return warnAt;
  return now < dueAt ? dueAt : null;
}

/** A duration as days, hours and minutes, the two largest parts that are not zero: [[2, 'hour'], [15, 'minute']]. */
export function durationParts(ms: number): [number, 'day' | 'hour' | 'minute'][] {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const parts: [number, 'day' | 'hour' | 'minute'][] = [
    [Math.floor(minutes / 1440), 'day'],
    [Math.floor((minutes % 1440) / 60), 'hour'],
    [minutes % 60, 'minute'],
  ];
  const from = parts.findIndex(([n]) => n > 0);
  return from === -1 ? [[0, 'minute']] : parts.slice(from, from + 2).filter(([n]) => n > 0);
}
