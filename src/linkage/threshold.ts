/**
 * The link threshold the model itself recommends, and the precision and recall it expects. With
 * calibrated match probabilities p, linking the pairs above a cut t expects Σp true links among
 * them, and Σp over every pair (scored pairs, divided by the blocking recall for the pairs never
 * compared) same-person pairs in all. The cut maximising the expected F1 is taken, but never one
 * below an even chance: a link the model finds less likely than not is a review item, not a link.
 */
import { probability, weightOf } from './model.js';

export interface ExpectedQuality {
  /** Probability at or above which pairs are linked, and its weight (log2 odds). */
  threshold: number;
  weight: number;
  chosen: 'auto' | 'given';
  /** The model's own expectations of pairwise precision and recall at this threshold (before clustering). */
  expectedPrecision: number;
  expectedRecall: number;
  /** Same-person pairs the model expects in the data. */
  expectedMatches: number;
}

/** Weight bins per bit: candidate cuts sit on bin edges. */
const BINS_PER_BIT = 32;
const SPAN_BITS = 48;

export function expectedQuality(
  w: Float32Array,
  threshold: { weight: number; chosen: 'auto' | 'given' } | { floor: number },
  blockingRecall: number,
): ExpectedQuality {
  const floorWeight = 'floor' in threshold ? weightOf(threshold.floor) : threshold.weight;
  const B = SPAN_BITS * BINS_PER_BIT;
  const count = new Float64Array(B + 1);
  const mass = new Float64Array(B + 1);
  let total = 0;
  for (let k = 0; k < w.length; k++) {
    const p = probability(w[k]!);
    total += p;
    if (w[k]! < floorWeight) continue;
    const bin = Math.min(B, Math.floor((w[k]! - floorWeight) * BINS_PER_BIT));
    count[bin]!++;
    mass[bin]! += p;
  }
  const matches = total / Math.min(1, Math.max(0.5, blockingRecall));
  // From the top bin down: links and expected true links above each edge.
  let links = 0;
  let tp = 0;
  let best = { f1: -1, bin: 0, links: 0, tp: 0 };
  for (let bin = B; bin >= 0; bin--) {
    links += count[bin]!;
    tp += mass[bin]!;
    const f1 = links + matches > 0 ? (2 * tp) / (links + matches) : 0;
    if ('floor' in threshold ? f1 >= best.f1 : bin === 0) best = { f1, bin, links, tp };
  }
  const weight = floorWeight + best.bin / BINS_PER_BIT;
  return {
    threshold: probability(weight),
    weight,
    chosen: 'floor' in threshold ? 'auto' : threshold.chosen,
    expectedPrecision: best.links > 0 ? best.tp / best.links : 1,
    expectedRecall: matches > 0 ? Math.min(1, best.tp / matches) : 1,
    expectedMatches: matches,
  };
}
