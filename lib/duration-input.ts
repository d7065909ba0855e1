/**
 * Durations as admins type them in the SLA settings: "90m", "1.5h", "2h 30m", "1d", a bare number as
 * minutes; German units and decimal commas too ("1,5 Std", "3 T"). And warnings: "80%" of the target,
 * or a time before it ("15m"). Universal: the settings page parses, the stored policy keeps minutes.
 */

const UNITS: Record<string, number> = { m: 1, min: 1, h: 60, std: 60, d: 1440, t: 1440 };

/** Minutes, or null when it is not a duration. */
export function parseDuration(text: string): number | null {
  const s = text.trim().toLowerCase();
  if (!s) return null;
  let total = 0;
  let rest = s;
  const part = /^(\d+(?:[.,]\d+)?)\s*(min|std|m|h|d|t)?\.?\s*/;
  while (rest) {
    const m = part.exec(rest);
    if (!m || m[0].length === 0) return null;
    total += Number(m[1]!.replace(',', '.')) * UNITS[m[2] ?? 'm']!;
    rest = rest.slice(m[0].length);
  }
  return Math.round(total);
}

/**
 * Minutes as text that reads back to them, in hours and minutes: 90 → "1h 30m", 2400 → "40h". Never in
 * days, which would read as working days where a target counts business hours.
 */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h && `${h}h`, m && `${m}m`].filter(Boolean).join(' ') || '0m';
}

export type WarningInput = { percent: number } | { minutesBefore: number } | null;

/** "80%" → 80 % of the target; "15m" → 15 minutes before it; empty → no warning; undefined when unreadable. */
export function parseWarning(text: string): WarningInput | undefined {
  const s = text.trim();
  if (!s) return null;
  const percent = /^(\d{1,2})\s*%$/.exec(s);
  if (percent) return { percent: Number(percent[1]) };
  const before = parseDuration(s);
  return before === null ? undefined : { minutesBefore: before };
}

export function formatWarning(w: WarningInput): string {
  if (!w) return '';
  return 'percent' in w ? `${w.percent}%` : formatDuration(w.minutesBefore);
}
