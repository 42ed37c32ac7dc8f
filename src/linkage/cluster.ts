/**
 * Pairs → entities. Links are taken strongest first; two groups merge only if no record pair across
 * them is strongly against it (weight more than `chainMargin` bits below the threshold), no
 * recorded decision says two of their records differ, and the result stays within the size limit.
 * This stops chains of individually plausible links (A~B, B~C, C~D) from merging people that a
 * direct comparison (A vs D) clearly separates. Refused links are returned for human review.
 */
import { InputError } from '../domain/errors.js';
import type { ScoredPairs } from './score.js';

export type RefusalReason = 'chain' | 'size' | 'decision';

export interface ClusterOptions {
  n: number;
  thresholdWeight: number;
  chainMargin: number;
  maxClusterSize: number;
  /** Full weight of any record pair (used for the cross-group check). */
  weightOf: (a: number, b: number) => number;
  /** Pairs that must be together (decisions); contradicting `cannotLink` is an error. */
  mustLink?: readonly (readonly [number, number])[];
  /** Groups kept together where no decision says otherwise (clusters of an earlier run). */
  keep?: readonly (readonly number[])[];
  /** Pairs that must not end up together. */
  cannotLink?: readonly (readonly [number, number])[];
}

export interface Refusal {
  a: number;
  b: number;
  w: number;
  reason: RefusalReason;
}

export interface Clustering {
  /** Per record: cluster number, 0.. in order of first record. */
  clusterOf: Int32Array;
  clusters: number;
  refused: Refusal[];
  largest: number;
}

const pairKey = (a: number, b: number, n: number) => (a < b ? a * n + b : b * n + a);

/** Indices of pairs sorted by weight, strongest first (ties by index, so the result is deterministic). */
export function sortByWeight(w: Float32Array, selected: Int32Array): Int32Array {
  // Pack a quantised weight and the index into one float64 and use the native numeric sort.
  const len = selected.length;
  if (len < 1 << 24) {
    const keys = new Float64Array(len);
    for (let k = 0; k < len; k++) {
      const q = Math.round((256 - Math.max(-255, Math.min(255, w[selected[k]!]!))) * 256);
      keys[k] = q * 16777216 + k;
    }
    keys.sort();
    const out = new Int32Array(len);
    for (let k = 0; k < len; k++) out[k] = selected[keys[k]! % 16777216]!;
    return out;
  }
  return Int32Array.from(selected).sort((x, y) => w[y]! - w[x]! || x - y);
}

export function cluster(pairs: ScoredPairs, opts: ClusterOptions): Clustering {
  const { n, thresholdWeight, chainMargin, maxClusterSize } = opts;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const members = new Map<number, number[]>();
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const membersOf = (r: number) => members.get(r) ?? [r];
  const union = (ra: number, rb: number) => {
    const A = membersOf(ra);
    const B = membersOf(rb);
    const [big, small, rBig, rSmall] = A.length >= B.length ? [A, B, ra, rb] : [B, A, rb, ra];
    parent[rSmall] = rBig;
    for (const x of small) big.push(x);
    members.set(rBig, big);
    members.delete(rSmall);
  };
  const cannot = new Set<number>();
  for (const [a, b] of opts.cannotLink ?? []) cannot.add(pairKey(a, b, n));
  const crossesCannot = (A: number[], B: number[]) => {
    if (cannot.size === 0) return false;
    for (const x of A) for (const y of B) if (cannot.has(pairKey(x, y, n))) return true;
    return false;
  };

  for (const [a, b] of opts.mustLink ?? []) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    if (crossesCannot(membersOf(ra), membersOf(rb)))
      throw new InputError(
        'the recorded decisions contradict each other: records that must be together include two that must not',
      );
    union(ra, rb);
  }
  for (const group of opts.keep ?? []) {
    for (let k = 1; k < group.length; k++) {
      const ra = find(group[0]!);
      const rb = find(group[k]!);
      if (ra !== rb && !crossesCannot(membersOf(ra), membersOf(rb))) union(ra, rb);
    }
  }

  const selected: number[] = [];
  for (let k = 0; k < pairs.w.length; k++) if (pairs.w[k]! >= thresholdWeight) selected.push(k);
  const order = sortByWeight(pairs.w, Int32Array.from(selected));
  const refused: Refusal[] = [];
  const floor = thresholdWeight - chainMargin;
  for (let o = 0; o < order.length; o++) {
    const k = order[o]!;
    const a = pairs.a[k]!;
    const b = pairs.b[k]!;
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    const A = membersOf(ra);
    const B = membersOf(rb);
    const w = pairs.w[k]!;
    if (crossesCannot(A, B)) {
      refused.push({ a, b, w, reason: 'decision' });
      continue;
    }
    if (A.length + B.length > maxClusterSize) {
      refused.push({ a, b, w, reason: 'size' });
      continue;
    }
    let ok = true;
    if (A.length > 1 || B.length > 1) {
      for (const x of A) {
        for (const y of B) {
          if ((x === a && y === b) || (x === b && y === a)) continue;
          if (opts.weightOf(x, y) < floor) {
            ok = false;
            break;
          }
        }
        if (!ok) break;
      }
    }
    if (!ok) {
      refused.push({ a, b, w, reason: 'chain' });
      continue;
    }
    union(ra, rb);
  }

  const clusterOf = new Int32Array(n).fill(-1);
  const label = new Int32Array(n).fill(-1);
  let clusters = 0;
  let largest = n > 0 ? 1 : 0;
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if (label[r] === -1) label[r] = clusters++;
    clusterOf[i] = label[r]!;
  }
  for (const m of members.values()) if (m.length > largest) largest = m.length;
  return { clusterOf, clusters, refused, largest };
}
