/**
 * The precision and recall the model itself expects at the link threshold. With calibrated match
 * probabilities p, linking the pairs above a cut expects Σp true links among them, and Σp over
 * every scored pair (divided by the blocking recall, for the pairs never compared) same-person
 * pairs in all.
 *
 * Why the default threshold is 0.5: a pair with probability p raises the expected F1 exactly when
 * p > F1/2, and F1 ≤ 1, so the expected-F1 cut of a calibrated model is never above an even
 * chance; below it a link would be more likely wrong than right, so it is a review item. (This
 * needs calibration: see `dependencies` in model.ts, without which the default was 0.9.)
 */
import { probability } from './model.js';

export interface ExpectedQuality {
  /** Probability at or above which pairs are linked, and its weight (log2 odds). */
  threshold: number;
  weight: number;
  chosen: 'default' | 'given';
  /** The model's own expectations of pairwise precision and recall at this threshold (before clustering). */
  expectedPrecision: number;
  expectedRecall: number;
  /** Same-person pairs the model expects in the data. */
  expectedMatches: number;
  /**
   * How uncertain the recall is: `expectedRecall` counts only the matches among the pairs scored
   * at or above the review probability, so same-person pairs the model scores lower (a list
   * written unlike the data EM learned from) are missing from its denominator and it is an upper
   * bound. The lower end divides by EM's own count of matching pairs (per blocking rule, at any
   * score) when that is larger. Measured on the English list pair (bench/link/README.md): names
   * only, recall 0.934 against [0.89, 0.99].
   */
  recallRange: [number, number];
  /** EM's count of same-person pairs (model.ts `matchingPairs`), when given. */
  matchesFromEm?: number;
}

export function expectedQuality(
  w: Float32Array,
  weight: number,
  chosen: 'default' | 'given',
  blockingRecall: number,
  /** EM's estimate of all same-person pairs (whatever their score), when known. */
  matchesFromEm?: number,
): ExpectedQuality {
  let total = 0;
  let links = 0;
  let tp = 0;
  for (let k = 0; k < w.length; k++) {
    const p = probability(w[k]!);
    total += p;
    if (w[k]! >= weight) {
      links++;
      tp += p;
    }
  }
  const matches = total / Math.min(1, Math.max(0.5, blockingRecall));
  const recall = matches > 0 ? Math.min(1, tp / matches) : 1;
  const most = Math.max(matches, Number.isFinite(matchesFromEm) ? matchesFromEm! : 0);
  const low = most > 0 ? Math.min(recall, tp / most) : recall;
  return {
    threshold: probability(weight),
    weight,
    chosen,
    expectedPrecision: links > 0 ? tp / links : 1,
    expectedRecall: recall,
    expectedMatches: matches,
    recallRange: [low, recall],
    ...(matchesFromEm !== undefined ? { matchesFromEm } : {}),
  };
}
