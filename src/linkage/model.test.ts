import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { floored, matchClassLeads, runEm } from './model.js';
import { Rng } from './random.js';
import type { FieldType } from './types.js';

/**
 * Pairs drawn from three classes with known level probabilities: same person, relatives (same
 * surname and place, own given name) and strangers. Fields: given name, surname, place (all
 * two-level "exact" fields for simplicity).
 */
function simulate(pairs: number, seed: number) {
  const types: FieldType[] = ['exact', 'exact', 'exact'];
  const m = [0.9, 0.95, 0.999];
  const r = [0.02, 0.9, 0.8];
  const u = [0.02, 0.03, 0.1];
  const rng = new Rng(seed);
  const levels = new Uint8Array(pairs * 3);
  for (let k = 0; k < pairs; k++) {
    const x = rng.float();
    const p = x < 0.3 ? m : x < 0.5 ? r : u;
    for (let f = 0; f < 3; f++) levels[k * 3 + f] = rng.float() < p[f]! ? 0 : 1;
  }
  return { types, levels, u: u.map((x) => [x, 1 - x]) };
}

describe('EM', () => {
  it('floored keeps every level above the floor and the whole summing to one', () => {
    for (const p of [
      [1, 0],
      [0.9999, 0.0001, 0],
      [0.5, 0.3, 0.2],
    ]) {
      const q = floored(p);
      assert.ok(Math.abs(q.reduce((a, b) => a + b, 0) - 1) < 1e-12, `${q}`);
      assert.ok(
        q.every((x) => x >= 0.0005 - 1e-15),
        `${q}`,
      );
    }
    assert.deepEqual(floored([0.5, 0.3, 0.2]), [0.5, 0.3, 0.2]);
  });

  it('m and r of every field sum to one even when a level sits at the floor', () => {
    const { types, levels, u } = simulate(20_000, 3);
    const em = runEm(levels, 20_000, types, [true, true, true], u);
    for (const f of [0, 1, 2]) {
      assert.ok(Math.abs(em.m[f]!.reduce((a, b) => a + b, 0) - 1) < 1e-9, `m ${em.m[f]}`);
      assert.ok(Math.abs(em.r[f]!.reduce((a, b) => a + b, 0) - 1) < 1e-9, `r ${em.r[f]}`);
    }
    // The place field never disagrees for the same person here: m sits at the floor, renormalised.
    assert.ok(em.m[2]![1]! < 0.01);
  });

  it('the related class models relatives: given names at random, surname and place shared', () => {
    const { types, levels, u } = simulate(20_000, 5);
    const em = runEm(levels, 20_000, types, [true, true, true], u, 300, [true, false, false]);
    assert.deepEqual(em.r[0], u[0], 'given names of relatives agree as at random');
    assert.ok(em.r[1]![0]! > 0.7, `relatives share the surname (r ${em.r[1]})`);
    assert.ok(em.m[0]![0]! > 0.8, `the same person keeps the given name (m ${em.m[0]})`);
    assert.ok(Math.abs(em.lambda - 0.3) < 0.05, `match share ${em.lambda}`);
    assert.ok(Math.abs(em.lambdaR - 0.2) < 0.05, `related share ${em.lambdaR}`);
    assert.equal(em.classesSwapped, false);
  });

  it('the class guard names the class that agrees more the match class', () => {
    const m = [
      [0.9, 0.1],
      [0.95, 0.05],
    ];
    const r = [
      [0.05, 0.95],
      [0.9, 0.1],
    ];
    assert.equal(matchClassLeads(m, r, [0, 1]), true);
    assert.equal(matchClassLeads(r, m, [0, 1]), false);
    // A field whose r is pinned to u does not count.
    assert.equal(matchClassLeads(r, m, [0, 1], [true, false]), false);
  });
});
