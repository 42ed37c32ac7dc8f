/**
 * Blocking keys with several values per record. A key on *any* word of a given name puts
 * "Ana Daniela" in the blocks ANA and DANIELA, so it meets "DANIELA" alone; one key per record
 * (an Int32Array, -1 = none) cannot say that. Several keys per record are held in CSR form: record
 * i's keys are ids[start[i], start[i+1]), ascending and distinct, so "do two records share a key"
 * is a merge of two short sorted lists and a pair found in several blocks is produced once, in the
 * block of the smallest key they share — no set of pairs is ever built.
 */

import { PairIds } from './pair-ids.js';

export interface KeySets {
  start: Int32Array;
  ids: Int32Array;
}

/** One key per record (-1 = none), or several (KeySets). */
export type Keys = Int32Array | KeySets;

export const isMulti = (k: Keys): k is KeySets => !(k instanceof Int32Array);

/**
 * Smallest key records a and b share, or -1. Both lists are ascending, so one merge pass.
 */
export function firstShared(start: Int32Array, ids: Int32Array, a: number, b: number): number {
  let i = start[a]!;
  const ie = start[a + 1]!;
  let j = start[b]!;
  const je = start[b + 1]!;
  while (i < ie && j < je) {
    const x = ids[i]!;
    const y = ids[j]!;
    if (x === y) return x;
    if (x < y) i++;
    else j++;
  }
  return -1;
}

/** Whether records a and b share a key. */
export function keysAgree(k: Keys, a: number, b: number): boolean {
  if (!isMulti(k)) {
    const x = k[a]!;
    return x >= 0 && x === k[b];
  }
  return firstShared(k.start, k.ids, a, b) >= 0;
}

/** Number of keys record i has. */
export function keyCount(k: Keys, i: number): number {
  if (!isMulti(k)) return k[i]! >= 0 ? 1 : 0;
  return k.start[i + 1]! - k.start[i]!;
}

/** Keys of the records in `subset`, in its order. */
export function subsetKeys(k: Keys, subset: Int32Array): Keys {
  if (!isMulti(k)) return Int32Array.from(subset, (i) => k[i]!);
  const start = new Int32Array(subset.length + 1);
  for (let s = 0; s < subset.length; s++) start[s + 1] = start[s]! + keyCount(k, subset[s]!);
  const ids = new Int32Array(start[subset.length]!);
  for (let s = 0; s < subset.length; s++)
    ids.set(k.ids.subarray(k.start[subset[s]!]!, k.start[subset[s]! + 1]!), start[s]);
  return { start, ids };
}

/** Packs per-record key lists (any order, repeats allowed) into ascending distinct CSR lists. */
export class KeySetBuilder {
  private start: number[] = [0];
  private ids: number[] = [];
  private scratch: number[] = [];
  /** Adds the next record's keys. */
  push(keys: readonly number[]): void {
    const s = this.scratch;
    s.length = 0;
    for (const k of keys) if (k >= 0) s.push(k);
    s.sort((x, y) => x - y);
    let last = -1;
    for (const k of s)
      if (k !== last) {
        this.ids.push(k);
        last = k;
      }
    this.start.push(this.ids.length);
  }
  finish(): KeySets {
    return { start: Int32Array.from(this.start), ids: Int32Array.from(this.ids) };
  }
}

/**
 * Compact ids (0..K-1) of the combination of several keys: with one key per record, one
 * combined key (-1 when any key is missing); when some key has several values, every combination
 * of the record's values (the cross product — a rule with a word key and a surname key puts a
 * two-word given name in two blocks).
 */
export function combineKeySets(keys: readonly Keys[], n: number, subset?: Int32Array): Keys {
  if (!keys.some(isMulti)) return combineSingle(keys as Int32Array[], n, subset);
  const len = subset ? subset.length : n;
  // One id table for every step (as the composite-number Map it replaces): ids in order of first appearance.
  const ids = new PairIds(len);
  // Entries (record, key) in record order, in typed arrays; each key crosses them with its values.
  let rec = new Int32Array(len);
  let key = new Int32Array(len);
  let count = 0;
  const first = keys[0]!;
  if (!isMulti(first)) {
    for (let s = 0; s < len; s++) {
      const k = first[subset ? subset[s]! : s]!;
      if (k >= 0) {
        rec[count] = s;
        key[count++] = k;
      }
    }
  } else {
    const total = subset ? subset.reduce((t, i) => t + keyCount(first, i), 0) : first.ids.length;
    rec = new Int32Array(total);
    key = new Int32Array(total);
    for (let s = 0; s < len; s++) {
      const i = subset ? subset[s]! : s;
      for (let p = first.start[i]!; p < first.start[i + 1]!; p++) {
        rec[count] = s;
        key[count++] = first.ids[p]!;
      }
    }
  }
  for (let j = 1; j < keys.length; j++) {
    const kj = keys[j]!;
    let size = 0;
    for (let p = 0; p < count; p++) size += keyCount(kj, subset ? subset[rec[p]!]! : rec[p]!);
    const nrec = new Int32Array(size);
    const nkey = new Int32Array(size);
    let at = 0;
    for (let p = 0; p < count; p++) {
      const i = subset ? subset[rec[p]!]! : rec[p]!;
      const x = key[p]!;
      if (!isMulti(kj)) {
        if (kj[i]! >= 0) {
          nrec[at] = rec[p]!;
          nkey[at++] = ids.id(x, kj[i]!);
        }
      } else
        for (let q = kj.start[i]!; q < kj.start[i + 1]!; q++) {
          nrec[at] = rec[p]!;
          nkey[at++] = ids.id(x, kj.ids[q]!);
        }
    }
    rec = nrec;
    key = nkey;
    count = at;
  }
  if (keys.length === 1) for (let p = 0; p < count; p++) key[p] = ids.id(0, key[p]!);
  // CSR by record (entries are in record order); each record's keys sorted, repeats dropped.
  const start = new Int32Array(len + 1);
  const out = new Int32Array(count);
  let w = 0;
  let p = 0;
  for (let s = 0; s < len; s++) {
    const from = w;
    for (; p < count && rec[p] === s; p++) {
      // Insertion into the record's sorted run (a record has a handful of keys).
      const v = key[p]!;
      let q = w;
      while (q > from && out[q - 1]! > v) {
        out[q] = out[q - 1]!;
        q--;
      }
      if (q > from && out[q - 1] === v) {
        // Duplicate: undo the shift.
        for (let r = q; r < w; r++) out[r] = out[r + 1]!;
        continue;
      }
      out[q] = v;
      w++;
    }
    start[s + 1] = w;
  }
  return { start, ids: out.slice(0, w) };
}

/** combineKeySets for one key per record: an Int32Array. */
function combineSingle(keys: readonly Int32Array[], n: number, subset?: Int32Array): Int32Array {
  const len = subset ? subset.length : n;
  const out = new Int32Array(len);
  const ids = new PairIds(len);
  for (let s = 0; s < len; s++) {
    const i = subset ? subset[s]! : s;
    let k = keys.length === 0 ? 0 : keys[0]![i]!;
    for (let j = 1; j < keys.length && k >= 0; j++) {
      const kj = keys[j]![i]!;
      if (kj < 0) {
        k = -1;
        break;
      }
      k = ids.id(k, kj);
    }
    if (k >= 0 && keys.length === 1) k = ids.id(0, k);
    out[s] = k;
  }
  return out;
}

/**
 * Distinct pairs of records sharing at least one key (each pair once, however many keys it
 * shares), or the sum over keys of c·(c−1)/2 when that exceeds `cap` (then the rule is too costly
 * anyway and counting each pair would only cost time).
 */
export function pairsSharingKeys(k: Keys, cap = Number.POSITIVE_INFINITY): number {
  const keyOf = isMulti(k) ? k.ids : k;
  let max = -1;
  for (let p = 0; p < keyOf.length; p++) if (keyOf[p]! > max) max = keyOf[p]!;
  const counts = new Int32Array(max + 2);
  for (let p = 0; p < keyOf.length; p++) if (keyOf[p]! >= 0) counts[keyOf[p]! + 1]!++;
  let sum = 0;
  for (let c = 1; c < counts.length; c++) sum += (counts[c]! * (counts[c]! - 1)) / 2;
  if (!isMulti(k) || sum > cap) return sum;
  // Members per key (counting sort), then each pair counted only in the smallest key both share.
  for (let c = 1; c < counts.length; c++) counts[c]! += counts[c - 1]!;
  const at = counts.slice(0, max + 1);
  const members = new Int32Array(k.ids.length);
  for (let i = 0; i + 1 < k.start.length; i++)
    for (let p = k.start[i]!; p < k.start[i + 1]!; p++) members[at[k.ids[p]!]!++] = i;
  let distinct = 0;
  for (let key = 0; key <= max; key++) {
    const s = counts[key]!;
    const e = counts[key + 1]!;
    for (let x = s; x < e; x++)
      for (let y = x + 1; y < e; y++)
        if (firstShared(k.start, k.ids, members[x]!, members[y]!) === key) distinct++;
  }
  return distinct;
}

/**
 * Visits the distinct pairs (a < b) of records sharing at least one key — the pairs
 * pairsSharingKeys counts — each once: a pair sharing several keys is visited in the smallest.
 */
export function forEachPairSharingKeys(k: Keys, visit: (a: number, b: number) => void): void {
  const keyOf = isMulti(k) ? k.ids : k;
  let max = -1;
  for (let p = 0; p < keyOf.length; p++) if (keyOf[p]! > max) max = keyOf[p]!;
  // Members per key by counting sort; records enter in ascending order, so a < b within a key.
  const at = new Int32Array(max + 2);
  for (let p = 0; p < keyOf.length; p++) if (keyOf[p]! >= 0) at[keyOf[p]! + 1]!++;
  for (let c = 1; c < at.length; c++) at[c]! += at[c - 1]!;
  const from = at.slice();
  const members = new Int32Array(at[max + 1]!);
  if (isMulti(k)) {
    for (let i = 0; i + 1 < k.start.length; i++)
      for (let p = k.start[i]!; p < k.start[i + 1]!; p++) members[at[k.ids[p]!]!++] = i;
  } else for (let i = 0; i < k.length; i++) if (k[i]! >= 0) members[at[k[i]!]!++] = i;
  const multi = isMulti(k) ? k : null;
  for (let key = 0; key <= max; key++) {
    const s = from[key]!;
    const e = from[key + 1]!;
    for (let x = s; x < e; x++)
      for (let y = x + 1; y < e; y++) {
        const a = members[x]!;
        const b = members[y]!;
        if (multi && firstShared(multi.start, multi.ids, a, b) !== key) continue;
        visit(a, b);
      }
  }
}
