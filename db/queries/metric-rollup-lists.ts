import type Database from 'better-sqlite3';
import type { Queryable } from '../client';
import { preparedPerConnection } from '../prepared';
import { MEASURES, type Measure } from '../../lib/dashboard/rollup-contribution';
import type { SortedList } from '../../lib/dashboard/order-statistics';

/** The rollups do not hold what the facts say they should (a write that changed a ticket without noting it): they are folded again from nothing. */
export class RollupsOutOfStep extends Error {
  constructor(detail: string) {
    super(`metric rollups out of step: ${detail}`);
  }
}

/**
 * The rollups' sorted value lists (db/schema/metric-rollups.ts): kept whole in their row up to a part's
 * size, cut into parts beyond it. The fold rewrites a list's parts only where they changed; the reads
 * hand out lists that read a part only when a percentile needs values from it.
 */

/**
 * Values per part: 500 float64s fill a 4 KiB page without overflow. Tests set fewer (ROLLUP_PART_VALUES,
 * read once, at the first write), to exercise the parted lists.
 */
const MAX_PART_VALUES = 500;
let configuredStride: number | undefined;
export function partValues(): number {
  if (configuredStride !== undefined) return configuredStride;
  const set = process.env.ROLLUP_PART_VALUES;
  const n = set === undefined ? MAX_PART_VALUES : Number(set);
  if (!Number.isInteger(n) || n < 2 || n > MAX_PART_VALUES)
    throw new Error(`ROLLUP_PART_VALUES must be a whole number from 2 to ${MAX_PART_VALUES}, not "${set}"`);
  return (configuredStride = n);
}

/** Part ids: row id · 2¹⁸ + measure · 2¹⁶ + part, so at most 65,536 parts (32 million values) per list. */
const PARTS_PER_LIST = 65_536;
const partId = (rowId: number, m: Measure, part: number) => (rowId * MEASURES.length + MEASURES.indexOf(m)) * PARTS_PER_LIST + part;

/** A stored list: the row's column for one measure, with how many values it holds and the part size it was cut with. */
export type StoredColumn = { rowId: number; measure: Measure; head: Buffer | null; count: number; stride: number };
/** A list to store: its column's bytes, count and sum, and its parts (none when kept whole). */
export type EncodedList = { head: Buffer | null; count: number; sum: number; parts: Buffer[] };

/** A stored list of values: float64, little-endian. */
function decodeValues(blob: Buffer): Float64Array {
  if (blob.byteOffset % 8 === 0) return new Float64Array(blob.buffer, blob.byteOffset, blob.length / 8);
  // Else a copy: a small Buffer may sit in Node's pool at an offset that is no multiple of 8.
  const copy = new Uint8Array(blob.length);
  copy.set(blob);
  return new Float64Array(copy.buffer);
}
/** The bytes of values[from, to): a view, not a copy. */
const bytesOf = (values: Float64Array, from = 0, to = values.length) => Buffer.from(values.buffer, values.byteOffset + from * 8, (to - from) * 8);

const statements = preparedPerConnection((db) => {
  const sqlite = (db as unknown as { session: { client: Database.Database } }).session.client;
  return {
    parts: sqlite.prepare(`select vals from metric_rollup_parts where id >= :from and id < :to order by id`).pluck(),
    write: sqlite.prepare(`insert or replace into metric_rollup_parts (id, vals) values (?, ?)`),
    remove: sqlite.prepare(`delete from metric_rollup_parts where id >= :from and id < :to`),
  };
});

/** The stored parts of a list (none when it is kept whole). */
export function storedParts(db: Queryable, c: StoredColumn): Buffer[] {
  if (c.count <= c.stride) return [];
  return statements(db).parts.all({ from: partId(c.rowId, c.measure, 0), to: partId(c.rowId, c.measure, PARTS_PER_LIST) }) as Buffer[];
}

/** A stored list's values, from its column or its parts. */
export function valuesOf(c: StoredColumn | null, parts: Buffer[]): Float64Array {
  if (!c || !c.head || c.count === 0) return new Float64Array(0);
  if (c.count <= c.stride) return decodeValues(c.head);
  const values = new Float64Array(c.count);
  let at = 0;
  for (const p of parts) {
    const v = decodeValues(p);
    values.set(v, at);
    at += v.length;
  }
  if (at !== c.count) throw new Error(`metric rollups damaged: row ${c.rowId} holds ${at} of its ${c.count} ${c.measure} values`);
  return values;
}

/** The sorted values with `remove` taken out (each value once) and the sorted `add` merged in: one pass. */
export function merged(stored: Float64Array, add: number[], remove: number[], where: string): Float64Array {
  const toRemove = new Map<number, number>();
  for (const v of remove) toRemove.set(v, (toRemove.get(v) ?? 0) + 1);
  const out = new Float64Array(Math.max(0, stored.length + add.length - remove.length));
  let o = 0;
  let a = 0;
  for (let i = 0; i < stored.length; i++) {
    const v = stored[i]!;
    const r = toRemove.size ? toRemove.get(v) : undefined;
    if (r) {
      if (r === 1) toRemove.delete(v);
      else toRemove.set(v, r - 1);
      continue;
    }
    while (a < add.length && add[a]! < v) out[o++] = add[a++]!;
    // Past the end only when a value to remove is missing: reported below.
    if (o < out.length) out[o++] = v;
  }
  while (a < add.length && o < out.length) out[o++] = add[a++]!;
  const [missing] = toRemove.keys();
  if (missing !== undefined) throw new RollupsOutOfStep(`${where} lacks the value ${missing} it should hold`);
  return out;
}

/** Cuts sorted values for storage: whole up to `stride` values, else the first value of each part in the column. */
export function encodeList(values: Float64Array, stride: number, where: string): EncodedList {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  if (values.length === 0) return { head: null, count: 0, sum, parts: [] };
  if (values.length <= stride) return { head: bytesOf(values), count: values.length, sum, parts: [] };
  const n = Math.ceil(values.length / stride);
  if (n > PARTS_PER_LIST) throw new Error(`metric rollups: ${where} would need ${n} parts, more than ${PARTS_PER_LIST}`);
  const fences = new Float64Array(n);
  const parts: Buffer[] = [];
  for (let p = 0; p < n; p++) {
    fences[p] = values[p * stride]!;
    parts.push(bytesOf(values, p * stride, Math.min(values.length, (p + 1) * stride)));
  }
  return { head: bytesOf(fences), count: values.length, sum, parts };
}

/** Writes a list's parts where they differ from `old` (the parts it had; `sameCut`: cut the same way), and drops the ones past its end. */
export function writeParts(db: Queryable, rowId: number, m: Measure, parts: Buffer[], old: Buffer[], sameCut: boolean) {
  const s = statements(db);
  // A value added or removed shifts the parts after it only: those before are left as they are.
  for (let p = 0; p < parts.length; p++) if (!(sameCut && old[p]?.equals(parts[p]!))) s.write.run(partId(rowId, m, p), parts[p]);
  if (old.length > parts.length) s.remove.run({ from: partId(rowId, m, parts.length), to: partId(rowId, m, PARTS_PER_LIST) });
}

/** Drops every part of a row's lists (the row is gone). */
export const removeRowParts = (db: Queryable, rowId: number) =>
  statements(db).remove.run({ from: partId(rowId, MEASURES[0], 0), to: partId(rowId + 1, MEASURES[0], 0) });

/** A stored list as order statistics read it: whole in memory, or its parts' first values with the parts read when copied from. */
export class StoredList implements SortedList {
  readonly fences: Float64Array;
  readonly stride: number;
  constructor(
    private readonly db: Queryable,
    private readonly column: StoredColumn,
    readonly sum: number,
  ) {
    this.fences = column.head ? decodeValues(column.head) : new Float64Array(0);
    // A list kept whole is its own fences, one per value.
    this.stride = column.count <= column.stride ? 1 : column.stride;
  }
  get length() {
    return this.column.count;
  }
  /**
   * Parts read so far, by index: one list often answers several percentiles of one request (p50 and p90,
   * the staffing view's hour of the week and its weekday), and each part is read from storage once.
   */
  private readonly read = new Map<number, Float64Array>();
  copy(from: number, to: number, into: Float64Array, at: number) {
    if (this.stride === 1) return into.set(this.fences.subarray(from, to), at);
    const first = Math.floor(from / this.stride);
    const last = Math.floor((to - 1) / this.stride);
    this.load(first, last);
    for (let p = first; p <= last; p++) {
      const start = p * this.stride;
      const part = this.read.get(p)!;
      const a = Math.max(from, start) - start;
      const b = Math.min(to, start + part.length) - start;
      into.set(part.subarray(a, b), at);
      at += b - a;
    }
  }
  /** Parts first to last in memory: those not read yet in one range read. */
  private load(first: number, last: number) {
    let lo = first;
    while (lo <= last && this.read.has(lo)) lo++;
    let hi = last;
    while (hi >= lo && this.read.has(hi)) hi--;
    if (lo > hi) return;
    const { rowId, measure } = this.column;
    const parts = statements(this.db).parts.all({ from: partId(rowId, measure, lo), to: partId(rowId, measure, hi + 1) }) as Buffer[];
    if (parts.length !== hi - lo + 1) throw new Error(`metric rollups damaged: row ${rowId} lacks ${measure} parts ${lo}–${hi}`);
    parts.forEach((blob, i) => this.read.set(lo + i, decodeValues(blob)));
  }
}
