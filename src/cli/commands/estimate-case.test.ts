import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Random } from '../../estimate/random.js';
import { estimateCaseFile } from '../../services/estimate.js';
import { sqliteBackend, type TestStore } from '../../test-support/stores.js';

/**
 * `estimate --case` folds the latest linkage run's uncertain pairs into the interval (real SQLite
 * store): none → unchanged; many → wider; pairs a reviewer has decided since are not uncertain.
 */
describe('estimate from a case file: linkage error', () => {
  let t: TestStore;
  let caseId: string;
  const lists: { id: string; rows: { rowNo: number; person: string }[] }[] = [];
  before(async () => {
    t = await sqliteBackend.open();
    caseId = (await t.store.createCase({ title: 'Linkage error' }, 'user:test')).id;
    const rng = new Random(11);
    const people: string[] = [];
    for (let i = 0; i < 400; i++)
      people.push(
        (
          await t.store.create(
            'person',
            caseId,
            { givenNames: `P${i}`, protection: 'restricted' },
            'user:test',
          )
        ).id,
      );
    for (const [name, share] of [
      ['A', 0.5],
      ['B', 0.4],
      ['C', 0.3],
    ] as const) {
      const members = people.filter(() => rng.uniform() < share);
      const res = await t.store.importSourceList(
        caseId,
        { name, columns: ['state'], rowCount: 0 },
        members.map((_, i) => ({ rowNo: i + 2, recordId: `${name}-${i}`, values: ['Lara'] })),
        'user:test',
      );
      const rows = members.map((p, i) => ({ rowNo: i + 2, person: p }));
      await t.store.assignSourceRecords(
        caseId,
        rows.map((r) => ({ listId: res.list.id, rowNo: r.rowNo, personId: r.person })),
        'user:test',
      );
      lists.push({ id: res.list.id, rows });
    }
  });
  after(() => t.dispose());

  it('no linkage run: the interval is the sampling interval, and says no pair was uncertain', async () => {
    const { results } = await estimateCaseFile(t.store, caseId, { method: 'loglinear' }, 'user:test');
    assert.equal(results[0]!.linkage!.uncertainLinks, 0);
    assert.deepEqual(results[0]!.interval, results[0]!.linkage!.intervalWithoutLinkage);
  });

  it('uncertain pairs of the latest linkage run widen it; decided pairs are left out', async () => {
    const [a, b] = lists;
    // Pairs of records of different people on lists A and B, each the same person with p = 0.5.
    const review = a!.rows.slice(0, 60).flatMap((ra, i) => {
      const rb = b!.rows.find(
        (r, j) => j >= i && r.person !== ra.person && !a!.rows.some((x) => x.person === r.person),
      );
      return rb
        ? [
            {
              a: { source: a!.id, id: String(ra.rowNo) },
              b: { source: b!.id, id: String(rb.rowNo) },
              probability: 0.5,
              status: 'uncertain; not linked',
            },
          ]
        : [];
    });
    assert.ok(review.length > 30, String(review.length));
    await t.store.saveAnalysis(caseId, 'linkage', 'x'.repeat(64), {}, { review }, 'user:test');
    const first = review[0]!;
    await t.store.recordLinkDecision(
      caseId,
      { listId: first.a.source, rowNo: Number(first.a.id) },
      { listId: first.b.source, rowNo: Number(first.b.id) },
      'cannot-link',
      'user:test',
    );
    const { results } = await estimateCaseFile(t.store, caseId, { method: 'loglinear' }, 'user:test');
    const r = results[0]!;
    const distinct = new Set(review.slice(1).map((p) => `${p.a.id}-${p.b.id}`)).size;
    assert.equal(r.linkage!.uncertainLinks, distinct, 'the decided pair is not uncertain any more');
    const w = ([lo, hi]: [number, number]) => Math.log(hi / lo);
    assert.ok(
      w(r.interval) > w(r.linkage!.intervalWithoutLinkage),
      `${r.interval} vs ${r.linkage!.intervalWithoutLinkage}`,
    );
    const stored = await t.store.analyses(caseId, 'estimate');
    const last = stored[stored.length - 1]!.result as { linkage: { uncertainLinks: number } }[];
    assert.equal(last[0]!.linkage.uncertainLinks, distinct);
  });
});
