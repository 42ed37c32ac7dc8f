/**
 * Order of the review queue: by the information a decision is expected to bring. A decision on a
 * pair settles that pair — worth its binary entropy H(p), highest at p = ½ — and, because decided
 * pairs enter EM with fixed membership (learn.ts), it also moves every pair that compares the same
 * way. Pairs that compare the same way score (almost) the same weight, so pairs are grouped by
 * weight rounded to WEIGHT_BIN bits, and the first decision in a group of n is worth
 * H(p)·(1 + log2 n). What a decision teaches about its group diminishes: the k-th pair of a group
 * adds log2(n)/k, on top of its own H(p), which it always settles.
 */

/** Pairs whose weights differ by less than this many bits are taken to compare the same way. */
export const WEIGHT_BIN = 0.25;

/** Binary entropy (bits) of the match probability of weight w (log2 odds). */
export function pairEntropy(w: number): number {
  const p = w > 60 ? 1 : w < -60 ? 0 : 1 / (1 + 2 ** -w);
  if (p <= 0 || p >= 1) return 0;
  return -(p * Math.log2(p) + (1 - p) * Math.log2(1 - p));
}

export interface ReviewCandidate {
  a: number;
  b: number;
  w: number;
}

/** Expected information of each item (same order as given), see the module comment. */
export function expectedInformation(items: readonly ReviewCandidate[]): Float64Array {
  const bins = new Map<number, number[]>();
  items.forEach((it, k) => {
    const key = Math.round(it.w / WEIGHT_BIN);
    const g = bins.get(key);
    if (g) g.push(k);
    else bins.set(key, [k]);
  });
  const out = new Float64Array(items.length);
  for (const g of bins.values()) {
    // Within a group: the most uncertain first, then a stable order by records.
    g.sort((x, y) => pairEntropy(items[y]!.w) - pairEntropy(items[x]!.w) || tieBreak(items[x]!, items[y]!));
    const shared = Math.log2(g.length);
    g.forEach((k, rank) => {
      out[k] = pairEntropy(items[k]!.w) * (1 + shared / (1 + rank));
    });
  }
  return out;
}

const tieBreak = (x: ReviewCandidate, y: ReviewCandidate) => y.w - x.w || x.a - y.a || x.b - y.b;

/** The items, most informative first (ties: higher weight, then record order). */
export function orderByInformation<T extends ReviewCandidate>(items: readonly T[]): T[] {
  const info = expectedInformation(items);
  const idx = items.map((_, k) => k);
  idx.sort((x, y) => info[y]! - info[x]! || tieBreak(items[x]!, items[y]!));
  return idx.map((k) => items[k]!);
}
