/**
 * Who a note mentions: `@Full Name`, or `@First` when no other agent shares that first name; case does
 * not matter, and the name must end at a word's end (`@Jana` is not `@Janatest`). Longest names first, so
 * `@Jana Berger` is Jana Berger even when a Jana Bergmann exists.
 */
export function mentionedAgents(text: string, agents: readonly { id: number; name: string }[]): number[] {
  const lower = text.toLocaleLowerCase('de');
  const first = (name: string) => name.trim().split(/\s+/)[0]!.toLocaleLowerCase('de');
  const firstCount = new Map<string, number>();
  for (const a of agents) firstCount.set(first(a.name), (firstCount.get(first(a.name)) ?? 0) + 1);
  const handles = agents.flatMap((a) => {
    const full = a.name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');
    return firstCount.get(first(a.name)) === 1 && first(a.name) !== full
      ? [
          { id: a.id, h: full },
          { id: a.id, h: first(a.name) },
        ]
      : [{ id: a.id, h: full }];
  });
  handles.sort((x, y) => y.h.length - x.h.length);
  const found = new Set<number>();
  const taken: [number, number][] = [];
  for (const { id, h } of handles) {
    for (let at = lower.indexOf(`@${h}`); at !== -1; at = lower.indexOf(`@${h}`, at + 1)) {
      const end = at + h.length + 1;
      const boundary = end === lower.length || !/[\p{L}\p{N}_-]/u.test(lower[end]!);
      const before = at === 0 || !/[\p{L}\p{N}_.]/u.test(lower[at - 1]!);
      if (!boundary || !before || taken.some(([s, e]) => at >= s && at < e)) continue;
      taken.push([at, end]);
      found.add(id);
    }
  }
  return [...found];
}
