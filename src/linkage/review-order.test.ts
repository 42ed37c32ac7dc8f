import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type LinkOutcome, reviewPairs } from './link.js';

describe('review queue order', () => {
  it('puts the most uncertain pairs (probability nearest one half) first', () => {
    const outcome = {
      clusterOf: Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7]),
      pairs: {
        a: Int32Array.from([0, 2, 4, 6]),
        b: Int32Array.from([1, 3, 5, 7]),
        w: Float64Array.from([3, -1, 0.2, -2.5]),
      },
      refused: [{ a: 1, b: 2, w: 9, reason: 'chain' }],
      thresholdWeight: 3.17,
    } as unknown as LinkOutcome;
    assert.deepEqual(
      reviewPairs(outcome).map((r) => r.w),
      [0.2, -1, -2.5, 3, 9],
    );
  });
});
