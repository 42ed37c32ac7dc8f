import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { handModel } from '../test-support/link-model.js';
import { Comparator, scorePair } from './compare.js';
import { RecordEncoder } from './encode.js';
import { estimateDependencies, estimateU, fieldModel, randomPairs, scoreTables } from './model.js';
import { Rng } from './random.js';
import { levelsOf } from './score.js';
import type { FieldSpec } from './types.js';

/**
 * Records in 4 states of 10 municipalities each (municipality names unique to their state), and
 * an independent field (a 20-value code): the municipality implies the state, the code implies
 * nothing.
 */
function places() {
  const specs: FieldSpec[] = [
    { column: 'state', type: 'place' },
    { column: 'municipality', type: 'place' },
    { column: 'code', type: 'exact' },
  ];
  const enc = new RecordEncoder(specs);
  const s = enc.addSource('t.csv');
  const rng = new Rng(3);
  for (let i = 0; i < 4000; i++) {
    const st = rng.int(4);
    enc.add(s, `r${i}`, [
      `Estado${'ABCD'[st]}`,
      `Muni${'ABCD'[st]}${'KLMNOPQRST'[rng.int(10)]}`,
      `c${rng.int(20)}`,
    ]);
  }
  const { data } = enc.finish(false);
  const cmp = new Comparator(data);
  const rp = randomPairs(data.n, 200_000, new Rng(5));
  const levels = levelsOf(cmp, rp.a, rp.b);
  return { data, cmp, levels, pairs: rp.a.length, types: data.fields.map((f) => f.type) };
}

describe('dependent fields', () => {
  it('finds that the municipality implies the state, and no dependence on an independent field', () => {
    const { levels, pairs, types } = places();
    const deps = estimateDependencies(levels, pairs, types);
    assert.equal(deps.length, 1, JSON.stringify(deps.map((d) => [d.a, d.b])));
    const d = deps[0]!;
    assert.deepEqual([d.a, d.b], [0, 1]);
    // Both agree: the state's own weight (log2 of 1/u_state ≈ 2 bits with 4 equal states) is taken back.
    assert.ok(Math.abs(d.bits[0]! - Math.log2(0.25)) < 0.15, `correction ${d.bits[0]}`);
  });

  it('a pair agreeing on municipality and state scores the municipality once, not the state on top', () => {
    const { data, cmp, levels, pairs, types } = places();
    const u = estimateU(levels, pairs, types);
    const m = [
      [0.98, 0.01, 0.01],
      [0.98, 0.01, 0.01],
      [0.98, 0.02],
    ];
    const model = handModel(
      data.fields.map((f, i) => fieldModel(f.column, f.type, m[i]!, u[i]!, [...u[i]!], 'test')),
      { randomPairs: pairs },
    );
    // Two records of one municipality and code.
    let a = -1;
    let b = -1;
    for (let i = 0; i < data.n && b < 0; i++)
      for (let j = i + 1; j < data.n; j++)
        if (cmp.level(1, i, j) === 0 && cmp.level(2, i, j) === 0) {
          a = i;
          b = j;
          break;
        }
    const independent = scorePair(cmp, scoreTables(model, data), a, b, Number.NEGATIVE_INFINITY);
    const deps = estimateDependencies(levels, pairs, types);
    const joint = scorePair(
      cmp,
      scoreTables({ ...model, dependencies: deps }, data),
      a,
      b,
      Number.NEGATIVE_INFINITY,
    );
    // The state's ≈2 bits are no longer added to the municipality's ≈5.3.
    assert.ok(independent - joint > 1.7 && independent - joint < 2.3, `${independent} → ${joint}`);
    // A pruning bound still holds: asking for the exact weight never prunes it.
    const t = scoreTables({ ...model, dependencies: deps }, data);
    assert.equal(scorePair(cmp, t, a, b, joint - 1e-9), joint);
  });
});
