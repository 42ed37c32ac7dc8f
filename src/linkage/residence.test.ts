import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ENGLISH_FIELDS, englishSet } from './eval/english.js';
import { subsetScores } from './eval/metrics.js';
import { linkRecords } from './link.js';
import { runEm } from './model.js';
import { Rng } from './random.js';
import type { FieldType } from './types.js';

describe('residence fields move together', () => {
  it('EM finds the share of matches that moved, and the m of those who stayed', () => {
    // Name (exact/else) and three residence fields, each address/postcode/locality reduced to its
    // exact level or its last ("else") level. 20 % of matches moved: their residence agrees only
    // as between strangers.
    const types: FieldType[] = ['exact', 'address', 'postcode', 'locality'];
    const last = [1, 4, 3, 2];
    const u = [
      [0.05, 0.95],
      [0.02, 0.001, 0.001, 0.001, 0.977],
      [0.03, 0.001, 0.001, 0.968],
      [0.1, 0.001, 0.899],
    ];
    const rng = new Rng(2);
    const pairs = 40_000;
    const levels = new Uint8Array(pairs * 4);
    for (let k = 0; k < pairs; k++) {
      const match = rng.float() < 0.3;
      const moved = match && rng.float() < 0.2;
      levels[k * 4] = rng.float() < (match ? 0.95 : 0.05) ? 0 : 1;
      for (let f = 1; f < 4; f++) {
        const agree = match && !moved ? 0.97 : u[f]![0]!;
        levels[k * 4 + f] = rng.float() < agree ? 0 : last[f]!;
      }
    }
    const em = runEm(levels, pairs, types, [true, true, true, true], u);
    assert.ok(em.moved !== undefined && Math.abs(em.moved - 0.2) < 0.03, `moved share ${em.moved}`);
    // Without the mixture each field's m(else) would be ~0.2: a move counted three times.
    for (let f = 1; f < 4; f++) assert.ok(em.m[f]![last[f]!]! < 0.06, `m(else) of field ${f}: ${em.m[f]}`);
  });

  it('a person who moved is not punished once per residence field (English list pair)', async () => {
    const set = englishSet({ households: 600, seed: 3 });
    const fields = [...ENGLISH_FIELDS];
    const r = await linkRecords(set.records, { fields });
    assert.ok(r.model.residence, 'the model has a residence group');
    assert.deepEqual(r.model.residence.fields, [4, 5, 6]);
    const s = subsetScores(r.clusterIds, set.person);
    // Fields independent (before): precision 0.945, recall 0.892.
    assert.ok(s.recall >= 0.95, `recall ${s.recall}`);
    assert.ok(s.precision >= 0.94, `precision ${s.precision}`);
  });
});
