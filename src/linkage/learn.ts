/**
 * Review that learns. Pairs a person decided on enter EM (model.ts `runEm`) with fixed
 * membership: a "same" pair counts wholly as a match, a "different" one never does (whether it is
 * related or unrelated people is still EM's call). That alone would be lost among 200,000 sampled
 * pairs, so a decision also speaks for the undecided pairs that compare the same way (same level
 * on every field): their share of matches gets a Beta prior centred on the model's posterior,
 * worth DECISION_PRIOR decisions, updated by the decisions on that pattern. m and r then follow
 * from the M-step as usual; u stays with random pairs, where it belongs.
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
}

/**
 * How many decisions the model's own posterior for a pattern is worth. Not less: the decided pairs
 * of a pattern are not a random sample of it — the review queue holds its pairs with common values
 * (term frequency puts them there), so a few decisions must not speak for the whole pattern. On the
 * English list pair (bench/link/README.md) 2 cost names-only recall 0.06 after 59 decisions; 8
 * gained; 32 gained more there but taught the common-name case almost nothing (learn.test.ts).
 */
export const DECISION_PRIOR = 8;

/**
 * Match share of the undecided pairs of a pattern whose model posterior is `p`, after `same` and
 * `different` decisions on pairs of that pattern.
 */
export function decidedShare(p: number, same: number, different: number): number {
  return (same + DECISION_PRIOR * p) / (same + different + DECISION_PRIOR);
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
