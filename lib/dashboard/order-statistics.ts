/**
 * Percentiles of the values in several sorted lists, computed as SQLite's `percentile(Y, P)` and
 * `median(Y)` compute them (the position P/100 · (n − 1) in the sorted values, interpolated between its
 * two neighbours), so a figure read from rollups equals the one SQL computes over the facts.
 *
 * The lists are never read whole. Each knows its length, its sum and every `stride`-th value (its
 * fences); other values may cost a read from storage. A percentile first narrows every list to the few
 * strides that can hold it, from the fences alone, then copies just those windows into one scratch
 * array and selects in it (quickselect, linear): a 90-day median over a busy group copies about two
 * parts per day instead of every value.
 */
export type Summary = { n: number; mean: number | null; percentiles: (number | null)[] };

export interface SortedList {
  readonly length: number;
  readonly sum: number;
  /** The values at ranks 0, stride, 2·stride, … */
  readonly fences: ArrayLike<number>;
  readonly stride: number;
  /** Copies the values at ranks [from, to) into `into` at `at` (may read them from storage). */
  copy(from: number, to: number, into: Float64Array, at: number): void;
}

/** A sorted array as a SortedList, its fences every `stride`-th value (1: all of them). */
export function sortedList(values: ArrayLike<number>, stride = 1): SortedList {
  const all = Float64Array.from(values);
  const sum = all.reduce((a, v) => a + v, 0);
  const fences = Array.from({ length: Math.ceil(all.length / stride) }, (_, j) => all[j * stride]!);
  return { length: all.length, sum, fences, stride, copy: (from, to, into, at) => into.set(all.subarray(from, to), at) };
}

export function summarize(lists: readonly SortedList[], pcts: readonly number[]): Summary {
  let n = 0;
  let sum = 0;
  for (const l of lists) {
    n += l.length;
    sum += l.sum;
  }
  return { n, mean: n ? sum / n : null, percentiles: pcts.map((p) => percentileOf(lists, n, p)) };
}

let scratch = new Float64Array(1024);

function percentileOf(lists: readonly SortedList[], n: number, pct: number): number | null {
  if (n === 0) return null;
  const ix = (pct / 100) * (n - 1);
  const i1 = Math.floor(ix);
  const w = bandOf(lists, i1, ix === i1 ? i1 : i1 + 1);
  let width = 0;
  for (let i = 0; i < lists.length; i++) width += w.hi[i]! - w.lo[i]!;
  if (scratch.length < width) scratch = new Float64Array(Math.max(width, scratch.length * 2));
  let at = 0;
  for (let i = 0; i < lists.length; i++) {
    if (w.hi[i]! > w.lo[i]!) lists[i]!.copy(w.lo[i]!, w.hi[i]!, scratch, at);
    at += w.hi[i]! - w.lo[i]!;
  }
  const k = i1 - w.skipped;
  const v1 = select(scratch, k, width);
  if (ix === i1) return v1;
  // After selecting k, everything past it is at least as large: its neighbour is the smallest of those.
  let v2 = Infinity;
  for (let i = k + 1; i < width; i++) if (scratch[i]! < v2) v2 = scratch[i]!;
  return v1 + (v2 - v1) * (ix - i1);
}

/** The number of fences below x. */
function fencesBelow(f: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = f.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (f[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

type Windows = { lo: number[]; hi: number[]; skipped: number };

/**
 * Per list, the window of ranks that can hold the k1-th to k2-th smallest of the union, from the fences
 * alone, and how many values lie before the windows. With m fences of a list below x, fewer than x are
 * at least (m − 1) · stride + 1 of its values and at most m · stride. L, the largest fence with at most k1
 * values below it for sure, is not above the k1-th value; H, the smallest with more than k2 below it for
 * sure, is above the k2-th: the windows keep each list's values from the stride holding L to the one holding H.
 */
function bandOf(lists: readonly SortedList[], k1: number, k2: number): Windows {
  const lo = lists.map(() => 0);
  const hi = lists.map((l) => l.length);
  const parted = lists.filter((l) => l.stride > 1);
  if (parted.length === 0) return { lo, hi, skipped: 0 };
  const candidates = Float64Array.from(parted.flatMap((l) => Array.from(l.fences))).sort();
  const most = (x: number) => lists.reduce((s, l) => s + Math.min(fencesBelow(l.fences, x) * l.stride, l.length), 0);
  const least = (x: number) => lists.reduce((s, l) => s + Math.max(0, (fencesBelow(l.fences, x) - 1) * l.stride + 1), 0);
  // `most` and `least` grow with x: binary searches over the candidates.
  const firstWhere = (test: (x: number) => boolean) => {
    let a = 0;
    let b = candidates.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (test(candidates[mid]!)) b = mid;
      else a = mid + 1;
    }
    return a;
  };
  const iL = firstWhere((x) => most(x) > k1) - 1;
  const iH = firstWhere((x) => least(x) > k2);
  let skipped = 0;
  lists.forEach((l, i) => {
    if (iL >= 0) lo[i] = Math.max(0, (fencesBelow(l.fences, candidates[iL]!) - 1) * l.stride);
    if (iH < candidates.length) hi[i] = Math.min(l.length, fencesBelow(l.fences, candidates[iH]!) * l.stride);
    skipped += lo[i]!;
  });
  return { lo, hi, skipped };
}

/** Moves the k-th smallest of a[0, n) (0-based) to index k, smaller ones before it and larger ones after. */
function select(a: Float64Array, k: number, n: number): number {
  if (k < 0 || k >= n) throw new RangeError(`rank ${k} outside the ${n} values`);
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
