import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../domain/errors.js';
import { publishedTable } from '../test-support/mse-reference.js';
import { estimate } from './estimate.js';
import { tablesFromLinkedRecords, uncertaintyFromLinkedRecords } from './from-case.js';
import {
  baseTable,
  drawTable,
  type LinkageUncertainty,
  linkageSentence,
  type UncertainLink,
  withLinkageError,
} from './linkage-error.js';
import { Random } from './random.js';
import type { CaptureTable } from './table.js';

/** One person per count of the table, in pattern order. */
function people(t: CaptureTable): number[] {
  const out: number[] = [];
  for (let w = 1; w < t.counts.length; w++) for (let i = 0; i < t.counts[w]!; i++) out.push(w);
  return out;
}

/** `n` pairs, each joining a person seen only on list `x` to a different person seen only on list `y`. */
function singletonPairs(patterns: number[], x: number, y: number, n: number, p: number): UncertainLink[] {
  const onX = patterns.flatMap((w, i) => (w === 1 << x ? [i] : []));
  const onY = patterns.flatMap((w, i) => (w === 1 << y ? [i] : []));
  return Array.from({ length: n }, (_, i) => ({ a: onX[i]!, b: onY[i]!, probability: p }));
}

const logWidth = ([lo, hi]: [number, number]) => Math.log(hi / lo);

describe('linkage error in the estimate', () => {
  it('a drawn linkage merges people into one on the union of their lists (chains of merges too)', () => {
    // Lists A, B, C: persons 0 (A), 1 (B), 2 (C), 3 (AB).
    const u: LinkageUncertainty = {
      lists: ['A', 'B', 'C'],
      patterns: [1, 2, 4, 3],
      links: [
        { a: 0, b: 1, probability: 1 },
        { a: 1, b: 2, probability: 1 },
        { a: 3, b: 3, probability: 1 },
      ],
    };
    assert.deepEqual(baseTable(u).counts, [0, 1, 1, 1, 1, 0, 0, 0]);
    // 0, 1 and 2 become one person on A, B and C; person 3 stays.
    assert.deepEqual(drawTable(u, new Random(1)).counts, [0, 0, 0, 1, 0, 0, 0, 1]);
    const none = { ...u, links: u.links.map((l) => ({ ...l, probability: 0 })) };
    assert.deepEqual(drawTable(none, new Random(1)).counts, baseTable(u).counts);
  });

  it('merges each pair with its probability', () => {
    const u: LinkageUncertainty = {
      lists: ['A', 'B', 'C'],
      patterns: [...Array(2000).fill(1), ...Array(2000).fill(2)],
      links: Array.from({ length: 2000 }, (_, i) => ({ a: i, b: 2000 + i, probability: 0.3 })),
    };
    const t = drawTable(u, new Random(7));
    // Binomial(2000, 0.3): mean 600, sd ≈ 20.5; 5 sd either side.
    assert.ok(Math.abs(t.counts[3]! - 600) < 103, String(t.counts[3]));
    assert.equal(t.counts[1]! + t.counts[3]!, 2000);
    assert.equal(t.counts[2]! + t.counts[3]!, 2000);
  });

  it('certain linkage leaves the estimate and interval exactly as they were', () => {
    const t = publishedTable('kosovo-1999');
    const patterns = people(t);
    const main = estimate(t, { method: 'loglinear' });
    for (const links of [
      [],
      // Pairs certainly apart (p = 0), or naming the same person twice.
      singletonPairs(patterns, 0, 1, 50, 0),
      [{ a: 3, b: 3, probability: 0.5 }],
    ]) {
      const r = withLinkageError({ lists: t.lists, patterns, links }, main, { method: 'loglinear' });
      assert.equal(r.estimate, main.estimate);
      assert.deepEqual(r.interval, main.interval);
      assert.equal(r.linkage.uncertainLinks, 0);
      assert.deepEqual(r.linkage.linkageInterval, [main.estimate, main.estimate]);
      assert.match(linkageSentence(r, 'en'), /no uncertain pairs/);
    }
  });

  it('many uncertain pairs widen the log-linear interval, and "of which linkage" says by how much', () => {
    const t = publishedTable('kosovo-1999');
    const patterns = people(t);
    const main = estimate(t, { method: 'loglinear' });
    const links = [...singletonPairs(patterns, 0, 1, 150, 0.5), ...singletonPairs(patterns, 2, 3, 150, 0.5)];
    const r = withLinkageError({ lists: t.lists, patterns, links }, main, { method: 'loglinear', seed: 3 });
    assert.equal(r.linkage.uncertainLinks, 300);
    assert.equal(r.linkage.expectedMerges, 150);
    assert.deepEqual(r.linkage.intervalWithoutLinkage, main.interval);
    const [lo, hi] = r.linkage.observedRange;
    assert.ok(lo < 4400 - 100 && hi <= 4400 - 100 + 100 && hi > lo, `${lo}–${hi}`);
    // The spread of the re-estimates widens the interval (on the log scale: the centre may move).
    assert.ok(logWidth(r.interval) > logWidth(main.interval) * 1.1, `${r.interval} vs ${main.interval}`);
    assert.ok(r.linkage.linkageInterval[0] < r.linkage.linkageInterval[1]);
    assert.ok(
      r.warnings.some((w) => /linkage error included: 300 uncertain pair\(s\), about 150 of them/.test(w)),
    );
    assert.match(linkageSentence(r, 'es'), /300 pares dudosos/);
    // Reproducible: same seed, same numbers.
    const again = withLinkageError({ lists: t.lists, patterns, links }, main, {
      method: 'loglinear',
      seed: 3,
    });
    assert.deepEqual(again.interval, r.interval);
  });

  it('LCMCR: pooled posterior draws times linkage ratios; identical tables give ratio 1 exactly', () => {
    const t = publishedTable('kosovo-1999');
    const patterns = people(t);
    const opts = {
      method: 'lcmcr' as const,
      chains: 2,
      burnIn: 500,
      iterations: 2000,
      maxIterations: 2000,
      seed: 5,
    };
    const main = estimate(t, opts);
    const same = withLinkageError(
      { lists: t.lists, patterns, links: singletonPairs(patterns, 0, 1, 20, 0) },
      main,
      opts,
    );
    assert.deepEqual(same.interval, main.interval);
    const r = withLinkageError(
      { lists: t.lists, patterns, links: singletonPairs(patterns, 0, 1, 300, 0.5) },
      main,
      opts,
      { draws: 5, lcmcr: { iterations: 2000, maxIterations: 2000, burnIn: 500 } },
    );
    assert.equal(r.linkage.draws, 5);
    // The short runs' own spread is measured and taken out of the ratios' spread.
    assert.ok(r.linkage.monteCarloSd! > 0, String(r.linkage.monteCarloSd));
    assert.ok(r.linkage.shrink! >= 0 && r.linkage.shrink! <= 1, String(r.linkage.shrink));
    assert.ok(r.linkage.linkageInterval[0] < r.linkage.linkageInterval[1]);
    // Merging people seen only on EXH with people seen only on ABA adds overlap: fewer unseen.
    assert.ok(r.estimate < main.estimate * 0.95, `${r.estimate} vs ${main.estimate}`);
    assert.ok(r.interval[1] < main.interval[1], `${r.interval} vs ${main.interval}`);
    assert.equal(r.draws!.length, 40_000);
  });

  it('refuses malformed input with the pair or person at fault', () => {
    const u: LinkageUncertainty = { lists: ['A', 'B', 'C'], patterns: [1, 2], links: [] };
    const main = estimate(
      { lists: ['A', 'B', 'C'], counts: [0, 50, 40, 10, 30, 8, 6, 2] },
      { method: 'loglinear' },
    );
    assert.throws(
      () => withLinkageError({ ...u, links: [{ a: 0, b: 5, probability: 0.5 }] }, main, {}),
      (e: Error) => e instanceof UsageError && /pair 0 names person 5/.test(e.message),
    );
    assert.throws(
      () => withLinkageError({ ...u, links: [{ a: 0, b: 1, probability: 1.5 }] }, main, {}),
      /probability 1.5/,
    );
    assert.throws(
      () => withLinkageError({ ...u, patterns: [0, 9] }, main, {}),
      /person 0 has capture pattern 0/,
    );
    assert.throws(() => withLinkageError(u, main, {}, { draws: 1 }), /draws must be a whole number ≥ 2/);
  });

  it('from a case: the people of the linked records, pairs by person id', () => {
    const records = [
      { listName: 'A', personId: 'p1' },
      { listName: 'B', personId: 'p1' },
      { listName: 'B', personId: 'p2' },
      { listName: 'C', personId: 'p3' },
    ];
    const u = uncertaintyFromLinkedRecords(
      records,
      ['A', 'B', 'C'],
      [
        { a: 'p2', b: 'p3', probability: 0.4 },
        { a: 'p2', b: 'p2', probability: 0.9 },
        { a: 'p1', b: 'nobody', probability: 0.9 },
      ],
    );
    assert.deepEqual(baseTable(u).counts, tablesFromLinkedRecords(records, ['A', 'B', 'C']).get('')!.counts);
    assert.deepEqual(u.links, [{ a: 1, b: 2, probability: 0.4 }]);
  });
});
