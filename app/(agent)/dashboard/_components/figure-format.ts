'use client';

import { useFormatter } from 'use-intl';
import { figureFormat } from '@/lib/dashboard/figure-format';

/** Figures as the reader's language writes them (lib/dashboard/figure-format.ts). */
export function useFigureFormat() {
  return figureFormat(useFormatter());
}
