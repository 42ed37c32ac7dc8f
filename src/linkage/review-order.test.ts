import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type LinkOutcome, reviewPairs } from './link.js';
import { expectedInformation, pairEntropy } from './review-order.js';

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

describe('review queue by expected information', () => {
  const outcomeOf = (ws: number[]) =>
    ({
      clusterOf: Int32Array.from({ length: 2 * ws.length }, (_, i) => i),
      pairs: {
        a: Int32Array.from(ws.map((_, k) => 2 * k)),
        b: Int32Array.from(ws.map((_, k) => 2 * k + 1)),
        w: Float64Array.from(ws),
      },
      refused: [],
      thresholdWeight: 0,
    }) as unknown as LinkOutcome;

  it('puts a doubt many pairs share before a slightly nearer one-off doubt', () => {
    // Ten pairs compare the same way (w −0.6, p 0.40); one pair stands alone at w −0.2 (p 0.47).
    // A decision on one of the ten teaches about all ten (semi-supervised EM): it comes first.
    const order = reviewPairs(outcomeOf([-0.2, ...Array<number>(10).fill(-0.6)])).map((r) => r.w);
    assert.equal(order[0], -0.6);
  });

  it('values a second pair of one kind of doubt less than the first, and never below its own doubt', () => {
    const info = expectedInformation([
      { a: 0, b: 1, w: -0.5 },
      { a: 2, b: 3, w: -0.5 },
      { a: 4, b: 5, w: -0.5 },
      { a: 6, b: 7, w: -0.5 },
    ]);
    const h = pairEntropy(-0.5);
    assert.deepEqual(
      Array.from(info, (x) => +(x / h).toFixed(6)),
      [3, 2, 1.666667, 1.5],
    );
  });

  it('gives pairs nothing to learn from when they are certain', () => {
    const info = expectedInformation([
      { a: 0, b: 1, w: 80 },
      { a: 2, b: 3, w: 0 },
    ]);
    assert.equal(info[0], 0);
    assert.equal(info[1], 1);
    assert.ok(Math.abs(pairEntropy(0) - 1) < 1e-12);
  });
});
