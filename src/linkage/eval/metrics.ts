/**
 * Pairwise precision and recall of a clustering, overall and on a subset: pairs that touch at
 * least one marked record (the records a perturbation changed). Counted from group sizes, so the
 * cost is linear in the records whatever the cluster sizes.
 */
export interface SubsetScores {
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
  truePositives: number;
}

const pairs = (c: number) => (c * (c - 1)) / 2;

/** Pairs in groups of `labels` that touch a marked record (all pairs when `marked` is null). */
function touchingPairs(labels: readonly string[], marked: readonly boolean[] | null): number {
  const all = new Map<string, number>();
  const clean = new Map<string, number>();
  labels.forEach((l, i) => {
    all.set(l, (all.get(l) ?? 0) + 1);
    if (marked && !marked[i]) clean.set(l, (clean.get(l) ?? 0) + 1);
  });
  let s = 0;
  for (const c of all.values()) s += pairs(c);
  if (marked) for (const c of clean.values()) s -= pairs(c);
  return s;
}

export function subsetScores(
  predicted: readonly (string | number)[],
  truth: readonly (string | number)[],
  marked: readonly boolean[] | null = null,
): SubsetScores {
  if (predicted.length !== truth.length || (marked && marked.length !== truth.length))
    throw new Error('predicted, truth and marked must label the same records');
  const p = predicted.map(String);
  const t = truth.map(String);
  const both = p.map((x, i) => `${x}\u0000${t[i]}`);
  const predictedPairs = touchingPairs(p, marked);
  const truePairs = touchingPairs(t, marked);
  const truePositives = touchingPairs(both, marked);
  const precision = predictedPairs === 0 ? 1 : truePositives / predictedPairs;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePairs, predictedPairs, truePositives };
}
