'use client';

import { useState } from 'react';
import { selectedRecord } from './selected-record';

/**
 * Which policy a list-and-editor settings page (SLA, surveys) edits: the chosen one, the first, or a new
 * one when there is none; and whether the editor just saved it.
 */
export function usePolicySelection<T extends { id: number }>(list: T[] | undefined) {
  const [selected, setSelected] = useState<number | 'new' | null>(null);
  const [savedId, setSavedId] = useState<number | null>(null);
  const current = selectedRecord(list, selected);
  const editing: number | 'new' | undefined = selected === 'new' || (selected === null && (list ?? []).length === 0) ? 'new' : current?.id;
  return {
    current,
    editing,
    select: setSelected,
    editorProps: {
      saved: savedId !== null && savedId === editing,
      onSaving: () => setSavedId(null),
      onSaved: (id: number) => (setSavedId(id), setSelected(id)),
      onDeleted: () => setSelected(null),
    },
  };
}
