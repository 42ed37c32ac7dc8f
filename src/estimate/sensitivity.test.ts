import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedTable } from '../test-support/mse-reference.js';
import { estimate } from './estimate.js';
import { sensitivity, sensitivityParagraph, withoutList } from './sensitivity.js';

describe('sensitivity analyses', () => {
  it('leaves a list out by merging the patterns that differ only on it', () => {
    // Lists A, B, C; patterns by bit: A=1, B=2, C=4.
    const t = { lists: ['A', 'B', 'C'], counts: [0, 10, 20, 3, 30, 4, 5, 1] };
    const noB = withoutList(t, 1);
    assert.deepEqual(noB.lists, ['A', 'C']);
    // A only: 10 + AB 3 = 13; C only: 30 + BC 5 = 35; AC: 4 + ABC 1 = 5; B only (20) is no longer seen.
    assert.deepEqual(noB.counts, [0, 13, 35, 5]);
  });

  it('log-linear on Kosovo: one row per list left out and per averaged model, with a paragraph in es and en', () => {
    const t = publishedTable('kosovo-1999');
    const main = estimate(t, { method: 'loglinear' });
    const rows = sensitivity(t, main, { method: 'loglinear' });
    assert.deepEqual(
      rows.filter((r) => r.kind === 'leave-one-out').map((r) => r.variant),
      ['without list EXH', 'without list ABA', 'without list OSCE', 'without list HRW'],
    );
    assert.equal(rows.filter((r) => r.kind === 'model').length, main.averaged!.length);
    for (const r of rows) {
      assert.ok(r.interval[0] <= r.estimate && r.estimate <= r.interval[1], r.variant);
      assert.ok(Math.abs(r.change - (r.estimate / main.estimate - 1)) < 1e-12);
    }
    const leave = rows.find((r) => r.variant === 'without list HRW')!;
    assert.equal(leave.observed, 4400 - 306, 'people only on HRW drop out');
    const en = sensitivityParagraph(main, rows, 'en');
    const es = sensitivityParagraph(main, rows, 'es');
    assert.match(en, new RegExp(`repeated ${rows.length} times`));
    assert.match(es, new RegExp(`repitió ${rows.length} veces`));
    assert.match(en, /moves the figure most is "/);
  });

  it('LCMCR: adds K* and prior variants', () => {
    const t = publishedTable('kosovo-1999');
    const opts = {
      method: 'lcmcr' as const,
      iterations: 400,
      maxIterations: 400,
      burnIn: 100,
      chains: 2,
      thin: 4,
    };
    const main = estimate(t, opts);
    const rows = sensitivity(t, main, opts);
    assert.deepEqual(
      rows.filter((r) => r.kind !== 'leave-one-out').map((r) => r.variant),
      ['K* = 5', 'K* = 20', 'α ~ Gamma(1, 1)'],
    );
    assert.ok(rows.every((r) => r.method === 'lcmcr' && typeof r.converged === 'boolean'));
  });
});
