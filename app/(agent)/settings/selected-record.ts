/**
 * The record a settings list shows: the chosen one, the first when nothing was chosen, none for a new
 * one. A record just created is missing until the list is fetched again: none meanwhile, never another
 * record (whose snippet or hours the admin would otherwise see).
 */
export function selectedRecord<T extends { id: number }>(list: T[] | undefined, selected: number | 'new' | null): T | null {
  if (selected === 'new') return null;
  if (selected === null) return list?.[0] ?? null;
  return list?.find((r) => r.id === selected) ?? null;
}
