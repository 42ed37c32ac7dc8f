import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { weightOf } from './model.js';
import { expectedQuality } from './threshold.js';

/** Weights of pairs with the given probabilities, `count` each. */
const pairsAt = (probs: [number, number][]) =>
  Float32Array.from(probs.flatMap(([p, count]) => new Array<number>(count).fill(weightOf(p))));

describe('expected precision and recall at the threshold', () => {
  it('counts Σp above the threshold as true links and Σp over all pairs as the matches', () => {
    const w = pairsAt([
      [0.999, 900],
      [0.8, 100],
      [0.6, 100],
      [0.3, 100],
    ]);
    const q = expectedQuality(w, weightOf(0.5), 'default', 1);
    const tp = 900 * 0.999 + 80 + 60;
    assert.ok(Math.abs(q.threshold - 0.5) < 1e-9);
    assert.ok(Math.abs(q.expectedPrecision - tp / 1100) < 1e-3, `${q.expectedPrecision}`);
    assert.ok(Math.abs(q.expectedMatches - (tp + 30)) < 1e-3, `${q.expectedMatches}`);
    assert.ok(Math.abs(q.expectedRecall - tp / (tp + 30)) < 1e-3, `${q.expectedRecall}`);
  });

  it('counts the matches blocking never compared', () => {
    const w = pairsAt([
      [0.999, 100],
      [0.7, 100],
    ]);
    const q = expectedQuality(w, weightOf(0.9), 'given', 0.5);
    assert.equal(q.chosen, 'given');
    assert.ok(Math.abs(q.expectedMatches - (99.9 + 70) / 0.5) < 1e-3);
    assert.ok(Math.abs(q.expectedPrecision - 0.999) < 1e-6);
    assert.ok(Math.abs(q.expectedRecall - 99.9 / ((99.9 + 70) / 0.5)) < 1e-6);
  });

  it('gives a range for recall: matches scored below the review band count at its lower end', () => {
    // Scored pairs hold Σp = tp + 30 matches; EM counted 2,000 matching pairs at any score (a list
    // whose matches score low, unlike the data the model learned from).
    const w = pairsAt([
      [0.999, 900],
      [0.3, 100],
    ]);
    const q = expectedQuality(w, weightOf(0.5), 'default', 1, 2000);
    const tp = 900 * 0.999;
    assert.ok(Math.abs(q.recallRange[1] - q.expectedRecall) < 1e-12);
    assert.ok(Math.abs(q.recallRange[0] - tp / 2000) < 1e-6, `${q.recallRange}`);
    assert.equal(q.matchesFromEm, 2000);
    // EM counting fewer matches than the scored pairs hold: no wider range.
    const narrow = expectedQuality(w, weightOf(0.5), 'default', 1, 10);
    assert.equal(narrow.recallRange[0], narrow.recallRange[1]);
  });
});
