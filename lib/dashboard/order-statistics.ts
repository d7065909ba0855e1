/**
 * Percentiles of the values in several sorted lists, computed as SQLite's `percentile(Y, P)` and
 * `median(Y)` compute them (the position P/100 · (n − 1) in the sorted values, interpolated between its
 * two neighbours), so a figure read from rollups equals the one SQL computes over the facts.
 *
 * The lists are never merged or read whole. Each knows its length, its sum and every `stride`-th value
 * (its fences); other values may cost a read from storage. A percentile first narrows every list to
 * the few strides that can hold it, from the fences alone, then finds the k-th smallest of the union by
 * cutting the lists' windows at one pivot at a time (binary searches): a month of a busy group reads
 * about two parts per day instead of a third of a million values.
 */
export type Summary = { n: number; mean: number | null; percentiles: (number | null)[] };

export interface SortedList {
  readonly length: number;
  readonly sum: number;
  /** The values at ranks 0, stride, 2·stride, … */
  readonly fences: ArrayLike<number>;
  readonly stride: number;
  /** The value at rank i. */
  at(i: number): number;
}

/** A sorted array as a SortedList, its fences every `stride`-th value (1: all of them). */
export function sortedList(values: ArrayLike<number>, stride = 1): SortedList {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  const fences = Array.from({ length: Math.ceil(values.length / stride) }, (_, j) => values[j * stride]!);
  return { length: values.length, sum, fences, stride, at: (i) => values[i]! };
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

function percentileOf(lists: readonly SortedList[], n: number, pct: number): number | null {
  if (n === 0) return null;
  const ix = (pct / 100) * (n - 1);
  const i1 = Math.floor(ix);
  const i2 = ix === i1 ? i1 : i1 + 1;
  const w = bandOf(lists, i1, i2);
  const v1 = kthIn(lists, w, i1 - w.skipped);
  return i2 === i1 ? v1 : v1 + (kthIn(lists, w, i2 - w.skipped) - v1) * (ix - i1);
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

/** The first index in l's [lo, hi) whose value is not below x (`orEqual`: above x). */
function bound(l: SortedList, x: number, lo: number, hi: number, orEqual: boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = l.at(mid);
    if (v < x || (orEqual && v === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The k-th smallest (0-based) of the union of sorted lists. */
export function kthSmallest(lists: readonly SortedList[], k: number): number {
  return kthIn(lists, { lo: lists.map(() => 0), hi: lists.map((l) => l.length), skipped: 0 }, k);
}

/**
 * The k-th smallest (0-based) of the lists' windows. Each round takes as pivot the weighted median of the
 * windows' middle values, so at least a quarter of the values still in play fall on the wrong side of
 * it and leave: about log₄⁄₃ n rounds, each one binary search per list.
 */
function kthIn(lists: readonly SortedList[], w: Windows, k: number): number {
  const lo = [...w.lo];
  const hi = [...w.hi];
  const below = new Array<number>(lists.length);
  const upTo = new Array<number>(lists.length);
  for (;;) {
    const mids: { v: number; w: number }[] = [];
    let total = 0;
    for (let i = 0; i < lists.length; i++) {
      const width = hi[i]! - lo[i]!;
      if (width > 0) {
        mids.push({ v: lists[i]!.at((lo[i]! + hi[i]!) >>> 1), w: width });
        total += width;
      }
    }
    if (k < 0 || k >= total) throw new RangeError(`rank ${k} outside the ${total} values`);
    mids.sort((a, b) => a.v - b.v);
    let pivot = mids[0]!.v;
    for (let i = 0, acc = 0; i < mids.length; i++) {
      acc += mids[i]!.w;
      pivot = mids[i]!.v;
      if (2 * acc >= total) break;
    }
    let less = 0;
    let lessOrEqual = 0;
    for (let i = 0; i < lists.length; i++) {
      below[i] = bound(lists[i]!, pivot, lo[i]!, hi[i]!, false);
      upTo[i] = bound(lists[i]!, pivot, below[i]!, hi[i]!, true);
      less += below[i]! - lo[i]!;
      lessOrEqual += upTo[i]! - lo[i]!;
    }
    if (k < less) for (let i = 0; i < lists.length; i++) hi[i] = below[i]!;
    else if (k < lessOrEqual) return pivot;
    else {
      k -= lessOrEqual;
      for (let i = 0; i < lists.length; i++) lo[i] = upTo[i]!;
    }
  }
}
