'use client';

import { createContext, useContext } from 'react';
import type { Role } from '@/lib/domain';

export type ClientViewer = { id: number; name: string; role: Role };

export const ViewerContext = createContext<ClientViewer | null>(null);

export function useViewer(): ClientViewer {
  const v = useContext(ViewerContext);
  if (!v) throw new Error('useViewer outside the agent layout');
  return v;
}
