'use client';

import { useFormatter } from 'use-intl';
import { useDuration } from '@/app/_components/sla-badge';

/** Figures as the reader's language writes them: 43 %, +12, 5.4, 1 h 20 min, 1.234. */
export function useFigureFormat() {
  const format = useFormatter();
  const duration = useDuration('narrow');
  return {
    share: (v: number | null) => (v === null ? '–' : format.number(v, { style: 'percent', maximumFractionDigits: 1 })),
    nps: (v: number | null) => (v === null ? '–' : format.number(Math.round(v), { signDisplay: 'exceptZero' })),
    ces: (v: number | null) => (v === null ? '–' : format.number(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 })),
    count: (v: number | null) => (v === null ? '–' : format.number(v)),
    duration: (v: number | null) => (v === null ? '–' : duration(Math.round(v / 60_000) * 60_000 || 60_000)),
    day: (ymd: string) => format.dateTime(new Date(`${ymd}T12:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' }),
    instant: (ms: number) => format.dateTime(ms, { dateStyle: 'short', timeStyle: 'short' }),
  };
}
