/**
 * Review that learns. A decision speaks for the undecided pairs that compare the same way (same
 * level on every field EM uses): EM (model.ts `runEm`) first converges without decisions, then
 * moves each decided pattern's share of matches by what the decisions say the model got wrong on
 * the decided pairs — observed against the probability the model without decisions gave those
 * very pairs (`LabelledPairs.predicted`; `correctedShare`).
 * Decided pairs add no mass of their own: the review queue picked them for being uncertain, so
 * they are no sample of their pattern, and counting them as data tilted m toward the review band.
 * m and r then follow from the M-step as usual; u stays with random pairs, where it belongs.
 * Decisions are honoured as such in clustering (must-link / cannot-link).
 *
 * The same decisions give a second estimate of precision and recall: the model's own one assumes
 * its probabilities are calibrated; `qualityFromDecisions` replaces, band by band, the predicted
 * match rate with the rate reviewers observed.
 */
import type { CalibrationRow } from './diagnostics.js';

/** Levels of decided pairs (pair k's fields at k × fields …) and whether each was the same person. */
export interface LabelledPairs {
  levels: Uint8Array;
  same: Uint8Array;
  count: number;
  /** List-pair group of each decided pair (model.ts `listPairIndex`), when EM runs per list pair. */
  group?: Uint16Array;
  /**
   * Match probability of each decided pair under the model estimated without any decision — what
   * the model said about the pair when it was put in the review queue. Without it the pattern's
   * own posterior stands in (which over-corrects: see `correctedShare`).
   */
  predicted?: Float64Array;
}

export const logit = (p: number) => {
  const x = Math.min(1 - 1e-12, Math.max(1e-12, p));
  return Math.log(x / (1 - x));
};
export const sigmoid = (l: number) => 1 / (1 + Math.exp(-l));

/**
 * How many decisions the model's own rate is worth in the estimates of precision and recall from
 * the decisions (`qualityFromDecisions`, per probability band), and in `decidedShare`.
 */
export const DECISION_PRIOR = 8;

/**
 * How many decisions the model's own probabilities for the decided pairs of a pattern are worth
 * when EM learns from them (`correctedShare`). Small: the decisions are compared with what the
 * model said of the same pairs, so the queue's choice of pairs no longer biases them (it did when
 * they were compared with the pattern's posterior, which is why this was 8: see the README).
 * (bench/link/README.md, "review that learns": on common-name lists no seed gets worse.)
 */
export const PATTERN_PRIOR = 2;

/**
 * Match share of the undecided pairs of a pattern whose model posterior is `p`, after `same` and
 * `different` decisions on pairs of that pattern.
 */
export function decidedShare(p: number, same: number, different: number): number {
  return (same + DECISION_PRIOR * p) / (same + different + DECISION_PRIOR);
}

/**
 * Match share of the undecided pairs of a pattern whose model posterior is `p`, after decisions on
 * pairs of that pattern that the model gave probabilities `predicted` and of which `same` were the
 * same person. The decisions measure how far the model was off *on those pairs*: the pattern
 * moves in log-odds by the shift δ that best explains them — Σ(decided same − σ(logit pᵢ + δ)) =
 * δ·PATTERN_PRIOR/4, the maximum a posteriori shift under a normal prior worth PATTERN_PRIOR
 * decisions at even odds. Each decision moves δ by at most 4/PATTERN_PRIOR nats, so one
 * "different" on a near-certain pair (a link the chaining guard refused) cannot sink a pattern of
 * near-certain matches, as shrinking the observed rate toward pᵢ ≈ 1 would.
 *
 * Why not the observed rate itself (`decidedShare`): the review queue does not sample a pattern at
 * random. It takes the pattern's uncertain pairs, those whose values are common (term frequency)
 * or whose blocked fields disagree, so their rate of same-person pairs is below the pattern's even
 * when the model is right about every one of them; pulling the whole pattern toward it taught the
 * model that its rare-name pairs were doubtful too (bench/link/README.md: on common-name lists of
 * 1,000 people, 60 decisions took the errors on undecided pairs from 5 to 13). Conditioned on the
 * probability the model gave, the selection carries no bias: a calibrated model is left alone.
 */
export function correctedShare(p: number, predicted: readonly number[], same: number): number {
  if (predicted.length === 0) return p;
  const l = predicted.map(logit);
  const precision = PATTERN_PRIOR / 4;
  let delta = 0;
  for (let it = 0; it < 20; it++) {
    let f = same - precision * delta;
    let slope = precision;
    for (const x of l) {
      const q = sigmoid(x + delta);
      f -= q;
      slope += q * (1 - q);
    }
    const step = f / slope;
    delta += step;
    if (Math.abs(step) < 1e-9) break;
  }
  return sigmoid(logit(p) + delta);
}

export interface DecidedQuality {
  /** Decided pairs that fell in a band of scored pairs. */
  decided: number;
  /** Pairwise precision and recall at the threshold with each band's observed match rate (bands without decisions keep the model's). */
  precision: number;
  recall: number;
  /** Bands whose rate came from decisions. */
  bandsFromDecisions: number;
}

/**
 * Precision and recall at the threshold, from the decisions: each scored pair counts as a match
 * with its band's rate — observed among decided pairs (shrunk toward the model's mean for the band
 * by DECISION_PRIOR decisions' worth), or the model's probability where no one decided — and the
 * pairs never compared are restored by the blocking recall, as in threshold.ts. Null without
 * decisions.
 */
export function qualityFromDecisions(
  w: ArrayLike<number>,
  thresholdWeight: number,
  bands: readonly CalibrationRow[],
  blockingRecall: number,
): DecidedQuality | null {
  const decided = bands.reduce((s, b) => s + b.decided, 0);
  if (decided === 0) return null;
  const ratio = bands.map((b) => {
    if (b.observed === null || b.predictedDecided === null) return null;
    // Observed rate among decided pairs vs. what the model predicted for those same pairs: the
    // band's pairs are rescaled by that ratio (shrunk), so the correction follows the decided pairs.
    const rate =
      (b.observed * b.decided + DECISION_PRIOR * b.predictedDecided) / (b.decided + DECISION_PRIOR);
    return b.predictedDecided > 0 ? rate / b.predictedDecided : null;
  });
  const bandOf = (p: number) => {
    for (let i = 0; i < bands.length; i++) if (p < bands[i]!.to || i === bands.length - 1) return i;
    return bands.length - 1;
  };
  let links = 0;
  let tp = 0;
  let total = 0;
  for (let k = 0; k < w.length; k++) {
    const p = 1 / (1 + 2 ** -w[k]!);
    const r = ratio[bandOf(p)];
    const q = r == null ? p : Math.min(1, p * r);
    total += q;
    if (w[k]! >= thresholdWeight) {
      links++;
      tp += q;
    }
  }
  const matches = total / Math.min(1, Math.max(0.5, blockingRecall));
  return {
    decided,
    precision: links > 0 ? tp / links : 1,
    recall: matches > 0 ? Math.min(1, tp / matches) : 1,
    bandsFromDecisions: ratio.filter((r) => r !== null).length,
  };
}
