import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pairwiseScores } from '../evaluate.js';
import { subsetScores } from './metrics.js';

test('subset scores count only pairs touching a marked record', () => {
  // Truth: {0,1,2} one person, {3,4} another. Prediction joins 2 with 3 and splits 1.
  const truth = ['p', 'p', 'p', 'q', 'q'];
  const pred = ['a', 'b', 'a', 'a', 'c'];
  const all = subsetScores(pred, truth);
  const ref = pairwiseScores(pred, truth);
  assert.equal(all.precision, ref.precision);
  assert.equal(all.recall, ref.recall);
  // Marked: record 1 only. True pairs touching it: (0,1), (1,2); none predicted.
  const s = subsetScores(pred, truth, [false, true, false, false, false]);
  assert.equal(s.truePairs, 2);
  assert.equal(s.predictedPairs, 0);
  assert.equal(s.recall, 0);
  assert.equal(s.precision, 1);
  // Marked: record 3. Predicted pairs touching it: (0,3), (2,3): both wrong; true pair (3,4) missed.
  const t = subsetScores(pred, truth, [false, false, false, true, false]);
  assert.deepEqual([t.predictedPairs, t.truePositives, t.truePairs], [2, 0, 1]);
});
