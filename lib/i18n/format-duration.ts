import type { createFormatter } from 'use-intl/core';
import { durationParts } from '../sla-state';

export type Formatter = ReturnType<typeof createFormatter>;

/** A duration as the reader's language writes it, its two largest parts: "1 h 20 min", "2 Tg. 3 Std.". */
export function formatDuration(format: Formatter, ms: number, display: 'narrow' | 'short' = 'narrow') {
  return durationParts(ms)
    .map(([n, unit]) => format.number(n, { style: 'unit', unit, unitDisplay: display }))
    .join(' ');
}
