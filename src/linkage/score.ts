/**
 * The inner loop: every candidate pair of a range of blocks, once (pairs an earlier rule already
 * produced are skipped), scored, and kept when its weight reaches `minWeight`. Runs in worker
 * threads on shared arrays; output goes into growable typed arrays, never one object per pair.
 */
import { type Comparator, PRUNED, type ScoreTables, scorePair } from './compare.js';
import { firstShared } from './key-sets.js';

/** What a worker needs of a rule's blocks (blocking.ts RuleBlocks). */
export interface BlockLayout {
  key: Int32Array;
  /** Rules with several keys per record: record i's blocks keyIds[keyStart[i], keyStart[i+1]), ascending. */
  keyStart?: Int32Array;
  keyIds?: Int32Array;
  order: Int32Array;
  starts: Int32Array;
}

export class PairSink {
  a = new Int32Array(4096);
  b = new Int32Array(4096);
  w = new Float32Array(4096);
  length = 0;
  push(a: number, b: number, w: number): void {
    if (this.length === this.a.length) {
      const size = this.a.length * 2;
      const na = new Int32Array(size);
      na.set(this.a);
      this.a = na;
      const nb = new Int32Array(size);
      nb.set(this.b);
      this.b = nb;
      const nw = new Float32Array(size);
      nw.set(this.w);
      this.w = nw;
    }
    this.a[this.length] = a;
    this.b[this.length] = b;
    this.w[this.length] = w;
    this.length++;
  }
  /** Trimmed copies (transferable). */
  take(): ScoredPairs {
    return {
      a: this.a.slice(0, this.length),
      b: this.b.slice(0, this.length),
      w: this.w.slice(0, this.length),
    };
  }
}

export interface ScoredPairs {
  a: Int32Array;
  b: Int32Array;
  w: Float32Array;
}

export interface RangeStats {
  /** Pairs in the blocks (including duplicates of earlier rules). */
  visited: number;
  /** Pairs actually compared. */
  compared: number;
}

/**
 * Scores blocks [b0, b1) of rule `r`. With `isNew`, only pairs with at least one new record are
 * considered (adding a list compares only what is new). A pair is scored once: skipped when an
 * earlier rule shares a block with it, and, in a rule with several keys per record, everywhere
 * but in the smallest block of this rule the two records share.
 */
export function scoreRange(
  cmp: Comparator,
  tables: ScoreTables,
  rules: readonly BlockLayout[],
  r: number,
  b0: number,
  b1: number,
  minWeight: number,
  isNew: Uint8Array | null,
  out: PairSink,
): RangeStats {
  const { order, starts, keyStart, keyIds } = rules[r]!;
  const earlier = rules.slice(0, r).map((x) => x.key);
  const earlierStart = rules.slice(0, r).map((x) => x.keyStart ?? null);
  const earlierIds = rules.slice(0, r).map((x) => x.keyIds ?? null);
  const nEarlier = earlier.length;
  let visited = 0;
  let compared = 0;
  for (let blk = b0; blk < b1; blk++) {
    const s = starts[blk]!;
    const e = starts[blk + 1]!;
    visited += ((e - s) * (e - s - 1)) / 2;
    for (let i = s; i < e - 1; i++) {
      const a = order[i]!;
      const aNew = isNew ? isNew[a] : 1;
      for (let j = i + 1; j < e; j++) {
        const b = order[j]!;
        if (aNew === 0 && isNew![b] === 0) continue;
        if (keyStart && firstShared(keyStart, keyIds!, a, b) !== blk) continue;
        let dup = false;
        for (let q = 0; q < nEarlier; q++) {
          const ks = earlierStart[q];
          if (ks !== null) {
            if (firstShared(ks, earlierIds[q]!, a, b) >= 0) {
              dup = true;
              break;
            }
            continue;
          }
          const keys = earlier[q]!;
          const k = keys[a]!;
          if (k >= 0 && k === keys[b]) {
            dup = true;
            break;
          }
        }
        if (dup) continue;
        compared++;
        const w = scorePair(cmp, tables, a, b, minWeight);
        if (w !== PRUNED && w >= minWeight) {
          if (a < b) out.push(a, b, w);
          else out.push(b, a, w);
        }
      }
    }
  }
  return { visited, compared };
}

/** Levels of many pairs, F bytes per pair. */
export function levelsOf(cmp: Comparator, a: Int32Array, b: Int32Array): Uint8Array {
  const F = cmp.fields.length;
  const out = new Uint8Array(a.length * F);
  for (let k = 0; k < a.length; k++) cmp.levels(a[k]!, b[k]!, out, k * F);
  return out;
}

/** Splits each rule's blocks into ranges of about `pairsPerTask` pairs, for parallel scoring. */
export function planTasks(
  rules: readonly BlockLayout[],
  pairsPerTask: number,
): { r: number; b0: number; b1: number }[] {
  const tasks: { r: number; b0: number; b1: number }[] = [];
  rules.forEach((rule, r) => {
    const blocks = rule.starts.length - 1;
    let b0 = 0;
    let acc = 0;
    for (let b = 0; b < blocks; b++) {
      const c = rule.starts[b + 1]! - rule.starts[b]!;
      acc += (c * (c - 1)) / 2;
      if (acc >= pairsPerTask) {
        tasks.push({ r, b0, b1: b + 1 });
        b0 = b + 1;
        acc = 0;
      }
    }
    if (b0 < blocks) tasks.push({ r, b0, b1: blocks });
  });
  return tasks;
}
