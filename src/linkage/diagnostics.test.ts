import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blockingRecall, calibration } from './diagnostics.js';

const W_SURE = 20;

/** Pairs (i, i+1) for i even, all high-confidence; two rules with given block keys per record. */
function setup(n: number, keyA: (i: number) => number, keyB: (i: number) => number) {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i + 1 < n; i += 2) {
    a.push(i);
    b.push(i + 1);
  }
  const pairs = { a: Int32Array.from(a), b: Int32Array.from(b), w: Float32Array.from(a, () => W_SURE) };
  const rule = (label: string, key: (i: number) => number) => ({
    label,
    key: Int32Array.from({ length: n }, (_, i) => key(i)),
    all: false,
    modelRecall: 0.9,
  });
  return { pairs, rules: [rule('A', keyA), rule('B', keyB)] };
}

describe('blocking recall from the data', () => {
  it('capture–recapture sees the pairs both rules miss', () => {
    // 1,000 true pairs; rule A finds pairs with p % 10 !== 0 (90%), rule B those with p % 5 !== 1 (80%),
    // independently; pairs missed by both (2%) never reach the scored list.
    const n = 2000;
    const findsA = (p: number) => p % 10 !== 0;
    const findsB = (p: number) => Math.floor(p / 10) % 5 !== 1;
    const { pairs, rules } = setup(
      n,
      (i) => (findsA(i >> 1) ? i >> 1 : -1 - i),
      (i) => (findsB(i >> 1) ? i >> 1 : -1 - i),
    );
    // Only pairs some rule compared are scored.
    const keep = Array.from(pairs.a, (_, k) => findsA(k) || findsB(k));
    const seen = {
      a: pairs.a.filter((_, k) => keep[k]),
      b: pairs.b.filter((_, k) => keep[k]),
      w: pairs.w.filter((_, k) => keep[k]),
    };
    const r = blockingRecall(seen, rules);
    assert.equal(r.highConfidencePairs, 980);
    assert.ok(Math.abs(r.fromHighConfidencePairs! - 0.98) < 0.005, String(r.fromHighConfidencePairs));
    assert.ok(Math.abs(r.fromModel - 0.99) < 1e-9);
    assert.equal(r.estimate, r.fromHighConfidencePairs);
    assert.ok(r.warning === undefined || r.estimate < 0.98);
  });

  it('warns below 0.98', () => {
    const { pairs, rules } = setup(
      400,
      (i) => ((i >> 1) % 2 === 0 ? i >> 1 : -1 - i),
      (i) => ((i >> 1) % 3 === 0 ? i >> 1 : -1 - i),
    );
    const r = blockingRecall(pairs, rules);
    assert.ok(r.estimate < 0.98);
    assert.match(r.warning ?? '', /below 0.98/);
  });
});

describe('calibration', () => {
  it('bands pairs by predicted probability and sets observed shares from decisions', () => {
    const w = (p: number) => Math.log2(p / (1 - p));
    const pairs = {
      a: new Int32Array(3),
      b: new Int32Array(3),
      w: Float32Array.from([w(0.3), w(0.35), w(0.95)]),
    };
    const rows = calibration(pairs, [
      { w: w(0.3), same: true },
      { w: w(0.4), same: false },
    ]);
    const low = rows.find((r) => r.from === 0.2)!;
    assert.equal(low.pairs, 2);
    assert.ok(Math.abs(low.predicted - 0.325) < 1e-6);
    assert.equal(low.decided, 2);
    assert.equal(low.observed, 0.5);
    const high = rows.find((r) => r.from === 0.9)!;
    assert.equal(high.pairs, 1);
    assert.equal(high.observed, null);
  });
});
