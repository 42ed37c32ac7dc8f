import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ADVERSARIAL_FIELDS, adversarialSet } from './eval/adversarial.js';
import { subsetScores } from './eval/metrics.js';
import { noisyList } from './eval/noisy-list.js';
import { linkRecords } from './link.js';
import { listPairCount, listPairIndex, runEm } from './model.js';
import { Rng } from './random.js';
import type { FieldType } from './types.js';

describe('m per pair of lists', () => {
  it('indexes unordered list pairs densely', () => {
    const seen = new Set<number>();
    for (let a = 0; a < 4; a++)
      for (let b = 0; b < 4; b++) {
        assert.equal(listPairIndex(a, b), listPairIndex(b, a));
        seen.add(listPairIndex(a, b));
      }
    assert.deepEqual(
      [...seen].sort((x, y) => x - y),
      [...Array(listPairCount(4)).keys()],
    );
  });

  it('EM learns each list pair’s m: a noisy pair disagrees more often than a clean one', () => {
    // Three two-level fields; matches of group 1 (pairs with a noisy list) disagree on each field
    // 30 % of the time, those of group 2 (two clean lists) 2 %. Group 0 is within one list.
    const types: FieldType[] = ['exact', 'exact', 'exact'];
    const rng = new Rng(11);
    const pairs = 30_000;
    const levels = new Uint8Array(pairs * 3);
    const of = new Uint16Array(pairs);
    for (let k = 0; k < pairs; k++) {
      const g = 1 + (k % 2);
      of[k] = g;
      const match = rng.float() < 0.3;
      const agree = match ? (g === 1 ? 0.7 : 0.98) : 0.05;
      for (let f = 0; f < 3; f++) levels[k * 3 + f] = rng.float() < agree ? 0 : 1;
    }
    const u = [
      [0.05, 0.95],
      [0.05, 0.95],
      [0.05, 0.95],
    ];
    const em = runEm(levels, pairs, types, [true, true, true], u, undefined, [], [], undefined, {
      of,
      count: 3,
      pooled: Uint8Array.from([1, 0, 0]),
    });
    assert.ok(em.mByGroup, 'EM returns m per group');
    for (let f = 0; f < 3; f++) {
      const noisy = em.mByGroup[1]![f]![1]!;
      const clean = em.mByGroup[2]![f]![1]!;
      assert.ok(Math.abs(noisy - 0.3) < 0.05, `noisy m(disagree) ${noisy}`);
      assert.ok(Math.abs(clean - 0.02) < 0.02, `clean m(disagree) ${clean}`);
      // The pooled m sits between, and the within-list group keeps it.
      assert.ok(em.m[f]![1]! > clean && em.m[f]![1]! < noisy);
      assert.deepEqual(em.mByGroup[0]![f], em.m[f]);
    }
  });

  it('one much noisier list: its pairs gain recall, the clean lists’ pairs lose nothing', async () => {
    const set = noisyList(adversarialSet('none', { people: 2000, seed: 5 }));
    const result = await linkRecords(set.records, { fields: [...ADVERSARIAL_FIELDS] });
    assert.ok(result.model.listPairs, 'the model has m per list pair');
    const touched = subsetScores(result.clusterIds, set.person, set.affected);
    // One m for every list pair (before): touched precision 0.999, recall 0.960.
    assert.ok(touched.recall >= 0.967, `recall on the noisy list's pairs ${touched.recall}`);
    assert.ok(touched.precision >= 0.995, `precision on the noisy list's pairs ${touched.precision}`);
    const keep = set.records.map((r) => r.source !== 'lista2');
    const clean = subsetScores(
      result.clusterIds.filter((_, i) => keep[i]),
      set.person.filter((_, i) => keep[i]),
    );
    assert.ok(clean.precision >= 0.999 && clean.recall >= 0.998, `clean lists ${JSON.stringify(clean)}`);
  });
});
