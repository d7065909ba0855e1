/**
 * Percentiles of the values in several lists, computed as SQLite's `percentile(Y, P)` and `median(Y)`
 * compute them (the position P/100 · (n − 1) in the sorted values, interpolated between its two
 * neighbours), so a figure read from rollups equals the one SQL computes over the facts. The lists are
 * copied into one and partially ordered by quickselect: linear in the number of values, no full sort.
 */
export type Distribution = { n: number; sum: number; values: Float64Array };

export function distributionOf(lists: readonly ArrayLike<number>[]): Distribution {
  const n = lists.reduce((s, l) => s + l.length, 0);
  const values = new Float64Array(n);
  let at = 0;
  let sum = 0;
  for (const l of lists) {
    for (let i = 0; i < l.length; i++) sum += l[i]!;
    values.set(l, at);
    at += l.length;
  }
  return { n, sum, values };
}

/** Moves the k-th smallest value (0-based) to index k, smaller ones before it and larger ones after. */
function select(a: Float64Array, k: number, lo = 0, hi = a.length - 1): number {
  while (hi > lo) {
    // Median of three as the pivot: sorted or reversed input stays linear.
    const mid = (lo + hi) >> 1;
    const [x, y, z] = [a[lo]!, a[mid]!, a[hi]!];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** The P-th percentile (0–100) of the distribution, null when it holds no values. Reorders `values`. */
export function percentileOf(d: Distribution, pct: number): number | null {
  if (d.n === 0) return null;
  const ix = (pct / 100) * (d.n - 1);
  const i1 = Math.floor(ix);
  const v1 = select(d.values, i1);
  if (ix === i1) return v1;
  // After selecting i1, everything past it is at least as large: its neighbour is the smallest of those.
  let v2 = Infinity;
  for (let i = i1 + 1; i < d.n; i++) if (d.values[i]! < v2) v2 = d.values[i]!;
  return v1 + (v2 - v1) * (ix - i1);
}

export const meanOf = (d: Distribution) => (d.n ? d.sum / d.n : null);
