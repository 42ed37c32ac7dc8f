import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { convergenceCheck } from './lcmcr.js';
import { Random } from './random.js';

/** 4 chains of 2,000 independent N(0, 1) draws; chain 0 shifted by +5 over its first `stuck` draws. */
function chains(stuck: number): number[][] {
  const r = new Random(3);
  return [0, 1, 2, 3].map((c) =>
    Array.from({ length: 2000 }, (_, i) => r.normal() + (c === 0 && i < stuck ? 5 : 0)),
  );
}

describe('LCMCR convergence check', () => {
  it('takes every draw when the chains agree from the start', () => {
    const d = convergenceCheck(chains(0), 1.01, 400);
    assert.equal(d.converged, true);
    assert.equal(d.from, 0);
    assert.ok(d.rhat <= 1.01 && d.ess >= 400, `R-hat ${d.rhat}, ESS ${d.ess}`);
  });

  it('leaves out the first half as warm-up when one chain began in a start-up state', () => {
    // Chain 0 spends its first 30% elsewhere (the UK table's N ≈ 12,000 start-up state): on
    // every draw R-hat is far above target; the later half agrees.
    const d = convergenceCheck(chains(600), 1.01, 400);
    assert.equal(d.converged, true);
    assert.equal(d.from, 1000);
    assert.ok(d.rhat <= 1.01, `R-hat ${d.rhat}`);
  });

  it('is not converged when the chains still disagree in the later half', () => {
    const d = convergenceCheck(chains(1400), 1.01, 400);
    assert.equal(d.converged, false);
    assert.equal(d.from, 0);
    assert.ok(d.rhat > 1.01, `R-hat ${d.rhat}`);
  });

  it('is not converged when the later half has too few effective draws', () => {
    // Every chain agrees, but 1,000 draws × 4 in the later half fall short of an ESS of 5,000.
    const d = convergenceCheck(chains(600), 1.01, 5000);
    assert.equal(d.converged, false);
  });
});
