'use client';

import { useCallback, useState } from 'react';

/**
 * The tickets checked for a bulk change, in list order: `x` or a click on a row's box toggles one, a
 * shift-click checks the run from the last one toggled. Kept apart from the open ticket.
 */
export function useTicketSelection(order: readonly { id: number }[]) {
  const [checked, setChecked] = useState<number[]>([]);
  const [anchor, setAnchor] = useState<number | null>(null);
  const toggle = useCallback(
    (id: number, range = false) => {
      const ids = order.map((t) => t.id);
      const from = anchor === null ? -1 : ids.indexOf(anchor);
      const to = ids.indexOf(id);
      if (range && from !== -1 && to !== -1) {
        const run = ids.slice(Math.min(from, to), Math.max(from, to) + 1);
        setChecked((c) => ids.filter((x) => c.includes(x) || run.includes(x)));
      } else {
        setChecked((c) => (c.includes(id) ? c.filter((x) => x !== id) : ids.filter((x) => c.includes(x) || x === id)));
      }
      setAnchor(id);
    },
    [order, anchor],
  );
  const clear = useCallback(() => {
    setChecked([]);
    setAnchor(null);
  }, []);
  return { checked, toggle, clear };
}
