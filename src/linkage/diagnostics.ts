/**
 * How far a run can be trusted, from the data: the recall of its blocking (share of same-person
 * pairs that some rule compared at all — a pair never compared is never linked) and the
 * calibration of its match probabilities against human decisions.
 *
 * Blocking recall is estimated two ways and the lower is reported. (1) From the model: each rule's
 * share of same-person pairs agreeing on its keys (EM posteriors on other rules' pairs), combined
 * as if rules missed independently. (2) From high-confidence pairs (p ≥ 0.99): for each rule, a
 * capture–recapture (Lincoln–Petersen) estimate of all such pairs from that rule and the union of
 * the others. Both lean optimistic when rules miss the same pairs (records with many fields
 * missing), which is why the warning threshold is strict.
 */
import { type BlockKeys, sharesBlock } from './blocking.js';
import { probability } from './model.js';
import type { ScoredPairs } from './score.js';

export const BLOCKING_RECALL_WARNING = 0.98;

export interface RuleRecall {
  label: string;
  /** High-confidence pairs this rule compares. */
  found: number;
  /** Share of high-confidence pairs this rule compares. */
  share: number;
  /** The model's estimate of the share of same-person pairs agreeing on this rule's keys. */
  modelRecall: number;
}

export interface BlockingRecall {
  estimate: number;
  fromModel: number;
  /** null when there is one rule (nothing to recapture with) or no high-confidence pairs. */
  fromHighConfidencePairs: number | null;
  highConfidencePairs: number;
  rules: RuleRecall[];
  warning?: string;
}

export interface RuleKeys extends BlockKeys {
  label: string;
  /** Empty rule: every pair compared. */
  all: boolean;
  modelRecall: number;
}

export function blockingRecall(pairs: ScoredPairs, rules: readonly RuleKeys[]): BlockingRecall {
  if (rules.some((r) => r.all))
    return {
      estimate: 1,
      fromModel: 1,
      fromHighConfidencePairs: 1,
      highConfidencePairs: 0,
      rules: rules.map((r) => ({ label: r.label, found: 0, share: 1, modelRecall: 1 })),
    };
  const minWeight = Math.log2(0.99 / 0.01);
  const R = rules.length;
  const found = new Float64Array(R);
  // Per rule: high-confidence pairs found by the others, and by both.
  const others = new Float64Array(R);
  const both = new Float64Array(R);
  let basis = 0;
  const hit = new Uint8Array(R);
  for (let k = 0; k < pairs.w.length; k++) {
    if (pairs.w[k]! < minWeight) continue;
    const a = pairs.a[k]!;
    const b = pairs.b[k]!;
    let count = 0;
    for (let r = 0; r < R; r++) {
      hit[r] = sharesBlock(rules[r]!, a, b) ? 1 : 0;
      count += hit[r]!;
    }
    if (count === 0) continue;
    basis++;
    for (let r = 0; r < R; r++) {
      found[r]! += hit[r]!;
      const o = count - hit[r]! > 0 ? 1 : 0;
      others[r]! += o;
      both[r]! += o & hit[r]!;
    }
  }
  let fromPairs: number | null = null;
  if (R >= 2 && basis > 0)
    for (let r = 0; r < R; r++) {
      // Lincoln–Petersen: all = found_r × found_others / found_both.
      const all = both[r]! > 0 ? (found[r]! * others[r]!) / both[r]! : Number.POSITIVE_INFINITY;
      const recall = all === Number.POSITIVE_INFINITY ? 0 : Math.min(1, basis / all);
      fromPairs = fromPairs === null ? recall : Math.min(fromPairs, recall);
    }
  let missed = 1;
  for (const r of rules) missed *= 1 - Math.min(1, Math.max(0, r.modelRecall));
  const fromModel = 1 - missed;
  const estimate = fromPairs === null ? fromModel : Math.min(fromModel, fromPairs);
  return {
    estimate,
    fromModel,
    fromHighConfidencePairs: fromPairs,
    highConfidencePairs: basis,
    rules: rules.map((r, i) => ({
      label: r.label,
      found: found[i]!,
      share: basis > 0 ? found[i]! / basis : 0,
      modelRecall: r.modelRecall,
    })),
    warning:
      estimate < BLOCKING_RECALL_WARNING
        ? `estimated blocking recall ${estimate.toFixed(3)} is below ${BLOCKING_RECALL_WARNING}: some records of one person were never compared; add blocking rules (--block) or fill more fields`
        : undefined,
  };
}

export interface CalibrationRow {
  /** Probability band [from, to). */
  from: number;
  to: number;
  /** Scored pairs in the band (the review sample and the links). */
  pairs: number;
  /** Mean predicted probability of those pairs: the matches the model expects, per pair. */
  predicted: number;
  /** Pairs in the band a person decided on. */
  decided: number;
  /** Share of the decided pairs found to be the same person; null without decisions. */
  observed: number | null;
  /** Mean predicted probability of the decided pairs (to compare with `observed`). */
  predictedDecided: number | null;
}

export const CALIBRATION_BANDS = [0, 0.2, 0.5, 0.8, 0.9, 0.99, 1.000001] as const;

/** Predicted vs observed match rates per probability band. */
export function calibration(
  pairs: ScoredPairs,
  decided: readonly { w: number; same: boolean }[],
): CalibrationRow[] {
  const B = CALIBRATION_BANDS.length - 1;
  const band = (p: number) => {
    for (let i = 0; i < B; i++) if (p < CALIBRATION_BANDS[i + 1]!) return i;
    return B - 1;
  };
  const rows: CalibrationRow[] = Array.from({ length: B }, (_, i) => ({
    from: CALIBRATION_BANDS[i]!,
    to: Math.min(1, CALIBRATION_BANDS[i + 1]!),
    pairs: 0,
    predicted: 0,
    decided: 0,
    observed: null,
    predictedDecided: null,
  }));
  for (let k = 0; k < pairs.w.length; k++) {
    const p = probability(pairs.w[k]!);
    const row = rows[band(p)]!;
    row.pairs++;
    row.predicted += p;
  }
  const same = new Float64Array(B);
  const pd = new Float64Array(B);
  for (const d of decided) {
    const p = probability(d.w);
    const i = band(p);
    rows[i]!.decided++;
    pd[i]! += p;
    if (d.same) same[i]!++;
  }
  rows.forEach((r, i) => {
    r.predicted = r.pairs > 0 ? r.predicted / r.pairs : 0;
    if (r.decided > 0) {
      r.observed = same[i]! / r.decided;
      r.predictedDecided = pd[i]! / r.decided;
    }
  });
  return rows;
}
