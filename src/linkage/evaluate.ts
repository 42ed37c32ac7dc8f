/**
 * Pairwise quality of a clustering against the truth: precision = share of record pairs put
 * together that are the same person; recall = share of same-person pairs put together.
 */
export interface PairwiseScores {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  predictedPairs: number;
  truePairs: number;
}

/** `predicted[i]` and `truth[i]` are the cluster and the person of record i (any labels). */
export function pairwiseScores(
  predicted: ArrayLike<number | string>,
  truth: ArrayLike<number | string>,
): PairwiseScores {
  if (predicted.length !== truth.length) throw new Error('predicted and truth must label the same records');
  const pred = new Map<number | string, number>();
  const tru = new Map<number | string, number>();
  const both = new Map<string, number>();
  for (let i = 0; i < predicted.length; i++) {
    const p = predicted[i]!;
    const t = truth[i]!;
    pred.set(p, (pred.get(p) ?? 0) + 1);
    tru.set(t, (tru.get(t) ?? 0) + 1);
    const k = `${p}\u0000${t}`;
    both.set(k, (both.get(k) ?? 0) + 1);
  }
  const pairs = (m: Map<unknown, number>) => {
    let s = 0;
    for (const c of m.values()) s += (c * (c - 1)) / 2;
    return s;
  };
  const predictedPairs = pairs(pred);
  const truePairs = pairs(tru);
  const truePositives = pairs(both);
  const precision = predictedPairs === 0 ? 1 : truePositives / predictedPairs;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePositives, predictedPairs, truePairs };
}
