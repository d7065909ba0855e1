import { formatDuration, type Formatter } from '../i18n/format-duration';

/**
 * Dashboard figures in the reader's language: 43 %, +12, 5.4, 1 h 20 min, 1.234; "–" where there is no
 * value. Universal: the page and the weekly summary email write them alike.
 */
export function figureFormat(format: Formatter) {
  return {
    share: (v: number | null) => (v === null ? '–' : format.number(v, { style: 'percent', maximumFractionDigits: 1 })),
    nps: (v: number | null) => (v === null ? '–' : format.number(Math.round(v), { signDisplay: 'exceptZero' })),
    ces: (v: number | null) => (v === null ? '–' : format.number(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 })),
    count: (v: number | null) => (v === null ? '–' : format.number(v)),
    // Shown to the minute; under a minute reads "1 min", not "0 min".
    duration: (v: number | null) => (v === null ? '–' : formatDuration(format, Math.round(v / 60_000) * 60_000 || 60_000)),
    day: (ymd: string) => format.dateTime(new Date(`${ymd}T12:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' }),
    instant: (ms: number) => format.dateTime(ms, { dateStyle: 'short', timeStyle: 'short' }),
  };
}
