import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calibration } from './diagnostics.js';
import { ADVERSARIAL_FIELDS, adversarialSet } from './eval/adversarial.js';
import { DECISION_PRIOR, decidedShare, qualityFromDecisions } from './learn.js';
import { linkRecords, recordKey } from './link.js';
import { runEm } from './model.js';
import { Rng } from './random.js';
import type { FieldType, RecordRef } from './types.js';

describe('review that learns', () => {
  it('a pattern’s match share moves from the model’s posterior toward the decisions', () => {
    assert.equal(decidedShare(0.3, 0, 0), 0.3);
    assert.equal(decidedShare(0.3, 3, 0), (3 + DECISION_PRIOR * 0.3) / (3 + DECISION_PRIOR));
    assert.ok(decidedShare(0.9, 0, 20) < 0.3);
  });

  it('decided pairs enter EM with fixed membership and change m', () => {
    // Given name, surname, place (two-level fields). Pairs agreeing on both names but not the
    // place are ambiguous for EM; reviewers found them to be different people (namesakes).
    const types: FieldType[] = ['exact', 'exact', 'exact'];
    const rng = new Rng(5);
    const pairs = 20_000;
    const levels = new Uint8Array(pairs * 3);
    const classes = [
      { share: 0.2, p: [0.95, 0.95, 0.95] },
      { share: 0.1, p: [0.9, 0.9, 0.05] }, // namesakes in other places
      { share: 0.7, p: [0.05, 0.05, 0.1] },
    ];
    for (let k = 0; k < pairs; k++) {
      const x = rng.float();
      const c = x < 0.2 ? classes[0]! : x < 0.3 ? classes[1]! : classes[2]!;
      for (let f = 0; f < 3; f++) levels[k * 3 + f] = rng.float() < c.p[f]! ? 0 : 1;
    }
    const u = [
      [0.05, 0.95],
      [0.05, 0.95],
      [0.1, 0.9],
    ];
    const use = [true, true, true];
    const free = runEm(levels, pairs, types, use, u);
    const decided = 40;
    const labelled = {
      levels: Uint8Array.from({ length: decided * 3 }, (_, i) => (i % 3 === 2 ? 1 : 0)),
      same: new Uint8Array(decided),
      count: decided,
    };
    const taught = runEm(levels, pairs, types, use, u, undefined, [], [], labelled);
    // Unsupervised EM takes most namesakes for the same person with a mis-recorded place.
    assert.ok(free.m[2]![1]! > 0.2, `free m(place differs) ${free.m[2]![1]}`);
    // Taught that namesakes are other people, the same person rarely differs in place.
    assert.ok(taught.m[2]![1]! < free.m[2]![1]! / 2, `taught ${taught.m[2]![1]} vs free ${free.m[2]![1]}`);
  });

  it('a re-run with the review decisions ranks the undecided pairs better (common names)', async () => {
    const fields = [...ADVERSARIAL_FIELDS];
    // Seed 2: the unsupervised run leaves ~20 errors on undecided pairs (seed 3 left 2 once blocking
    // keyed on any word of the given name, too few to measure a cut; see notes/linkblock.md).
    const set = adversarialSet('common_name', { people: 400, seed: 2 });
    const person = new Map(set.records.map((r, i) => [recordKey(r), set.person[i]!]));
    const same = (a: RecordRef, b: RecordRef) => person.get(recordKey(a)) === person.get(recordKey(b));
    const first = await linkRecords(set.records, { fields });
    // A reviewer decides the first 60 pairs of the queue (truth stands in for the reviewer).
    const decisions = first.review.slice(0, 60).map((p) => ({ a: p.a, b: p.b, same: same(p.a, p.b) }));
    const second = await linkRecords(set.records, { fields }, { decisions });
    const key = (a: RecordRef, b: RecordRef) => `${recordKey(a)}|${recordKey(b)}`;
    const decided = new Set(decisions.map((d) => key(d.a, d.b)));
    const pairsOf = (r: typeof first) => new Map(r.pairs.map((p) => [key(p.a, p.b), p]));
    const p1 = pairsOf(first);
    const p2 = pairsOf(second);
    // Errors on pairs no one decided: linked (p ≥ 0.5) but different people, or the same person
    // and not linked; a pair absent from a run was scored below the review band there.
    const errors = (run: Map<string, { probability: number }>) => {
      let e = 0;
      for (const [k, p] of new Map([...p1, ...p2])) {
        if (decided.has(k)) continue;
        const linked = (run.get(k)?.probability ?? 0) >= 0.5;
        if (linked !== same(p.a, p.b)) e++;
      }
      return e;
    };
    const before = errors(p1);
    const after = errors(p2);
    // Fewer errors, not a set share: the cut is noisy at this size (notes/linkbudget.md: seeds 1–6,
    // 400 people). Seed 2: 20 → 14 with 16 rules charged per rule, 17 → 14 with the union budget.
    assert.ok(after < before, `errors on undecided pairs: ${before} before, ${after} after`);
  });

  it('precision and recall from the decisions follow what reviewers observed', () => {
    // 100 pairs at p ≈ 0.6 (links at threshold 0.5) and 100 at p ≈ 0.3; reviewers found the
    // linked band to hold only 20 % true pairs.
    const w = Float32Array.from([...Array<number>(100).fill(0.585), ...Array<number>(100).fill(-1.222)]);
    const pairs = { a: new Int32Array(200), b: new Int32Array(200), w };
    const decided = Array.from({ length: 50 }, (_, k) => ({ w: 0.585, same: k < 10 }));
    const bands = calibration(pairs, decided);
    const q = qualityFromDecisions(w, 0, bands, 1)!;
    assert.equal(q.decided, 50);
    assert.equal(q.bandsFromDecisions, 1);
    // Model: precision 0.6. Observed 0.2, shrunk by DECISION_PRIOR toward 0.6: (10 + 2·0.6)/52.
    assert.ok(
      Math.abs(q.precision - (10 + DECISION_PRIOR * 0.6) / (50 + DECISION_PRIOR)) < 0.01,
      `${q.precision}`,
    );
    assert.equal(qualityFromDecisions(w, 0, calibration(pairs, []), 1), null);
  });
});
