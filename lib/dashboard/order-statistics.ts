/**
 * Percentiles of the values in several lists, computed as SQLite's `percentile(Y, P)` and `median(Y)`
 * compute them (the position P/100 · (n − 1) in the sorted values, interpolated between its two
 * neighbours), so a figure read from rollups equals the one SQL computes over the facts. The lists are
 * copied into one scratch array (kept between calls: a month is a few MB, allocated once) and partially
 * ordered by quickselect: linear in the number of values, no full sort.
 */
export type Summary = { n: number; mean: number | null; percentiles: (number | null)[] };

let scratch = new Float64Array(1024);

export function summarize(lists: readonly ArrayLike<number>[], pcts: readonly number[]): Summary {
  const n = lists.reduce((s, l) => s + l.length, 0);
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, scratch.length * 2));
  const a = scratch;
  let at = 0;
  let sum = 0;
  for (const l of lists) {
    for (let i = 0; i < l.length; i++) sum += l[i]!;
    a.set(l, at);
    at += l.length;
  }
  return { n, mean: n ? sum / n : null, percentiles: pcts.map((p) => percentileIn(a, n, p)) };
}

/** Moves the k-th smallest of a[0, n) (0-based) to index k, smaller ones before it and larger ones after. */
function select(a: Float64Array, k: number, n: number): number {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    // Median of three as the pivot: sorted or reversed input stays linear.
    const x = a[lo]!;
    const y = a[(lo + hi) >> 1]!;
    const z = a[hi]!;
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

function percentileIn(a: Float64Array, n: number, pct: number): number | null {
  if (n === 0) return null;
  const ix = (pct / 100) * (n - 1);
  const i1 = Math.floor(ix);
  const v1 = select(a, i1, n);
  if (ix === i1) return v1;
  // After selecting i1, everything past it is at least as large: its neighbour is the smallest of those.
  let v2 = Infinity;
  for (let i = i1 + 1; i < n; i++) if (a[i]! < v2) v2 = a[i]!;
  return v1 + (v2 - v1) * (ix - i1);
}
