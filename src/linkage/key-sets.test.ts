import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  combineKeySets,
  firstShared,
  forEachPairSharingKeys,
  isMulti,
  KeySetBuilder,
  type KeySets,
  keysAgree,
  pairsSharingKeys,
} from './key-sets.js';
import { Rng } from './random.js';

const sets = (lists: number[][]): KeySets => {
  const b = new KeySetBuilder();
  for (const l of lists) b.push(l);
  return b.finish();
};

describe('key sets (several blocking keys per record)', () => {
  it('keeps each record’s keys ascending and distinct, dropping missing (-1) keys', () => {
    const k = sets([[5, 2, 5, -1], [], [7]]);
    assert.deepEqual(Array.from(k.start), [0, 2, 2, 3]);
    assert.deepEqual(Array.from(k.ids), [2, 5, 7]);
  });

  it('finds the smallest key two records share, or none', () => {
    const k = sets([
      [1, 4, 9],
      [4, 9],
      [2, 3],
    ]);
    assert.equal(firstShared(k.start, k.ids, 0, 1), 4);
    assert.equal(firstShared(k.start, k.ids, 0, 2), -1);
    assert.equal(keysAgree(k, 1, 0), true);
    assert.equal(
      keysAgree(Int32Array.from([3, 3, -1, -1]), 2, 3),
      false,
      'two missing keys are no agreement',
    );
  });

  it('combines a word key with a single key as every pair of values (cross product)', () => {
    // Words of a given name × the surname: "Ana Daniela Pérez" is in (ANA, PÉREZ) and (DANIELA, PÉREZ).
    const words = sets([[10, 11], [11], [11], [10]]);
    const surname = Int32Array.from([1, 1, 2, -1]);
    const c = combineKeySets([words, surname], 4);
    assert.ok(isMulti(c));
    assert.equal(c.start[1]! - c.start[0]!, 2);
    assert.ok(keysAgree(c, 0, 1), 'DANIELA + same surname');
    assert.ok(!keysAgree(c, 1, 2), 'other surname');
    assert.equal(c.start[4]! - c.start[3]!, 0, 'no surname: no key at all');
    // Only single keys: one key per record, as before.
    assert.ok(!isMulti(combineKeySets([surname], 4)));
  });

  it('agrees with a direct check on random keys: two records share a block when some value of every key matches', () => {
    const rng = new Rng(7);
    const rnd = (m: number) => rng.int(m);
    const n = 60;
    const lists = Array.from({ length: 2 }, () =>
      Array.from({ length: n }, () => Array.from({ length: rnd(3) }, () => rnd(4))),
    );
    const single = Int32Array.from({ length: n }, () => rnd(4) - 1);
    const keys = [sets(lists[0]!), single, sets(lists[1]!)];
    const c = combineKeySets(keys, n);
    const has = (l: number[], x: number[]) => l.some((v) => x.includes(v));
    let shared = 0;
    for (let a = 0; a < n; a++)
      for (let b = a + 1; b < n; b++) {
        const direct =
          has(lists[0]![a]!, lists[0]![b]!) &&
          single[a]! >= 0 &&
          single[a] === single[b] &&
          has(lists[1]![a]!, lists[1]![b]!);
        assert.equal(keysAgree(c, a, b), direct, `records ${a}, ${b}`);
        if (direct) shared++;
      }
    assert.ok(shared > 0);
    assert.equal(pairsSharingKeys(c), shared);
  });

  it('counts a pair that shares two keys once', () => {
    // Three "Juan Carlos" share JUAN and CARLOS: 3 distinct pairs, 6 pair-visits in the blocks.
    const k = sets([[1, 2], [1, 2], [1, 2], [2], [9]]);
    assert.equal(pairsSharingKeys(k), 3 + 3);
    assert.equal(pairsSharingKeys(k, 5), 3 + 6, 'over the cap: the block sum, no exact count');
    assert.equal(pairsSharingKeys(Int32Array.from([0, 0, 0, -1, 1])), 3);
  });

  it('visits each pair sharing a key once, smaller record first (random keys against a direct check)', () => {
    const rng = new Rng(11);
    const n = 80;
    const lists = Array.from({ length: n }, () => Array.from({ length: rng.int(4) }, () => rng.int(6)));
    const single = Int32Array.from({ length: n }, () => rng.int(7) - 1);
    for (const k of [sets(lists), single]) {
      const seen = new Set<string>();
      forEachPairSharingKeys(k, (a, b) => {
        assert.ok(a < b, `pair ${a}, ${b} out of order`);
        assert.ok(!seen.has(`${a},${b}`), `pair ${a}, ${b} visited twice`);
        seen.add(`${a},${b}`);
      });
      let direct = 0;
      for (let a = 0; a < n; a++)
        for (let b = a + 1; b < n; b++)
          if (keysAgree(k, a, b)) {
            direct++;
            assert.ok(seen.has(`${a},${b}`), `pair ${a}, ${b} not visited`);
          }
      assert.ok(direct > 0);
      assert.equal(seen.size, direct);
      assert.equal(pairsSharingKeys(k), direct);
    }
  });
});

describe('combineKeySets ids', () => {
  // The ids it gave with a Map keyed by a·2^27 + b (before pair-ids.ts): first appearance order.
  const reference = (keys: (Int32Array | KeySets)[], n: number) => {
    const ids = new Map<number, number>();
    const id = (c: number) => {
      if (!ids.has(c)) ids.set(c, ids.size);
      return ids.get(c)!;
    };
    const of = (k: Int32Array | KeySets, i: number) =>
      isMulti(k) ? Array.from(k.ids.subarray(k.start[i]!, k.start[i + 1]!)) : k[i]! >= 0 ? [k[i]!] : [];
    const rows = Array.from({ length: n }, (_, i) => of(keys[0]!, i));
    const step = (j: number, i: number) => {
      rows[i] = rows[i]!.flatMap((x) => of(keys[j]!, i).map((y) => id(x * 2 ** 27 + y)));
    };
    // One key per record: each record through every key in turn; several: each key over every record.
    if (keys.some(isMulti)) for (let j = 1; j < keys.length; j++) for (let i = 0; i < n; i++) step(j, i);
    else for (let i = 0; i < n; i++) for (let j = 1; j < keys.length; j++) step(j, i);
    const out = rows.map((r) => (keys.length === 1 ? r.map(id) : r));
    return out.map((r) => [...new Set(r)].sort((x, y) => x - y));
  };

  it('are those the composite-number map gave, for one and several keys per record', () => {
    const rng = new Rng(3);
    const n = 3000;
    const single = () =>
      Int32Array.from({ length: n }, () => (rng.float() < 0.1 ? -1 : Math.floor(rng.float() * 50)));
    const multi = () =>
      sets(
        Array.from({ length: n }, () =>
          Array.from({ length: Math.floor(rng.float() * 3) }, () => Math.floor(rng.float() * 40)),
        ),
      );
    for (const keys of [
      [single()],
      [single(), single()],
      [multi()],
      [single(), multi(), single()],
      [multi(), multi()],
    ]) {
      const got = combineKeySets(keys, n);
      const want = reference(keys, n);
      const rows = Array.from({ length: n }, (_, i) =>
        isMulti(got)
          ? Array.from(got.ids.subarray(got.start[i]!, got.start[i + 1]!))
          : got[i]! >= 0
            ? [got[i]!]
            : [],
      );
      assert.deepEqual(rows, want);
    }
  });
});
