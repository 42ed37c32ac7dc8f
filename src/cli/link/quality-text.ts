/**
 * How far to trust a link run, in words and in the review file's columns: the recall the model
 * expects with its range (threshold.ts `recallRange`) and the calibration check — the match
 * probabilities the model gave to the pairs people decided on, against what they decided
 * (diagnostics.ts `calibration`).
 */
import type { CalibrationRow } from '../../linkage/diagnostics.js';
import type { ExpectedQuality } from '../../linkage/threshold.js';

const f3 = (x: number) => x.toFixed(3);

/** "0.940–0.966": the model's recall, from its lower bound to its own (upper) estimate. */
export const recallRangeText = (e: ExpectedQuality) => `${f3(e.recallRange[0])}–${f3(e.recallRange[1])}`;

export function expectationLine(e: ExpectedQuality): string {
  return `link: threshold ${f3(e.threshold)} (${e.chosen}); the model expects precision ${f3(e.expectedPrecision)}, recall ${f3(e.expectedRecall)} (between ${recallRangeText(e)}; pairs, before clustering)`;
}

export interface CalibrationCheck {
  /** Decided pairs among the scored ones. */
  decided: number;
  /** Same-person pairs the model expected among them (Σ p) and those people found. */
  expectedSame: number;
  observedSame: number;
  /** Bands with decisions: predicted (mean p of the decided pairs) against observed share. */
  bands: { from: number; to: number; decided: number; predicted: number; observed: number }[];
}

/** Predicted against observed over the decided pairs; null before anyone decided. */
export function calibrationCheck(rows: readonly CalibrationRow[]): CalibrationCheck | null {
  const bands = rows
    .filter((r) => r.decided > 0 && r.observed !== null && r.predictedDecided !== null)
    .map((r) => ({
      from: r.from,
      to: r.to,
      decided: r.decided,
      predicted: r.predictedDecided!,
      observed: r.observed!,
    }));
  if (bands.length === 0) return null;
  return {
    decided: bands.reduce((s, b) => s + b.decided, 0),
    expectedSame: bands.reduce((s, b) => s + b.predicted * b.decided, 0),
    observedSame: bands.reduce((s, b) => s + b.observed * b.decided, 0),
    bands,
  };
}

export function calibrationLine(check: CalibrationCheck | null): string {
  if (!check)
    return 'link: calibration: no decided pairs yet, the probabilities are unchecked (decide pairs of the --review file)';
  const bands = check.bands
    .map(
      (b) => `[${b.from}, ${b.to}) predicted ${f3(b.predicted)}, observed ${f3(b.observed)} of ${b.decided}`,
    )
    .join('; ');
  return `link: calibration on ${check.decided} decided pair(s): the model expected ${check.expectedSame.toFixed(1)} same person, people found ${Math.round(check.observedSame)} (${bands})`;
}

/**
 * The review file's [predicted, observed] cells for a pair of weight w: in its band, the model's
 * mean probability of the decided pairs and the share of them found to be the same person
 * (blank before decisions).
 */
export function bandCells(rows: readonly CalibrationRow[], w: number): [string, string] {
  const p = 1 / (1 + 2 ** -w);
  const row = rows.find((r) => p >= r.from && (p < r.to || r.to === 1));
  if (row?.observed == null || row.predictedDecided == null) return ['', ''];
  return [f3(row.predictedDecided), `${f3(row.observed)} of ${row.decided}`];
}
