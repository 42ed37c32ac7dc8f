import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { summarizeAnalysis } from '../analysis/types.js';
import { sqliteBackend, type TestStore } from '../test-support/stores.js';
import { AnalysisCache } from './analysis-cache.js';

describe('shared legal analysis (bounded staleness, one computation at a time)', () => {
  let t: TestStore;
  let caseId: string;
  before(async () => {
    t = await sqliteBackend.open();
    caseId = (await t.store.createCase({ title: 'Caché' }, 'test')).id;
  });
  after(async () => t?.dispose());

  const person = () =>
    t.store.create('person', caseId, { givenNames: 'Ana', protection: 'protected' }, 'test');

  it('reuses while nothing changed, serves at most maxAge-old results otherwise, and says as of when', async () => {
    const cache = new AnalysisCache(t.store, { maxAgeMs: 60_000 });
    const a1 = await cache.whole(caseId);
    assert.equal(await cache.whole(caseId), a1, 'same head: same result');
    await person();
    const a2 = await cache.whole(caseId);
    assert.equal(a2, a1, 'changed, but within the age allowance');
    assert.ok(a2.asOf.auditSeq < (await t.store.auditHead()).seq, 'and the response says it is older');
    const a3 = await cache.whole(caseId, { fresh: true });
    assert.notEqual(a3, a1);
    assert.equal(a3.asOf.auditSeq, (await t.store.auditHead()).seq);
    assert.equal(a3.whole.snapshot.persons.length, a1.whole.snapshot.persons.length + 1);
  });

  it('concurrent requests share one computation; with no allowance every change is seen', async () => {
    const cache = new AnalysisCache(t.store, { maxAgeMs: 0 });
    await cache.get(caseId);
    await person();
    const [x, y] = await Promise.all([cache.get(caseId), cache.get(caseId)]);
    assert.equal(x, y, 'one computation for both');
    assert.equal(x.asOf.auditSeq, (await t.store.auditHead()).seq);
    await person();
    assert.notEqual(await cache.get(caseId), x);
  });

  it('joins a computation begun within the allowance though the head moved (no pile-up under writes)', async () => {
    const cache = new AnalysisCache(t.store, { maxAgeMs: 60_000 });
    await person();
    const first = cache.get(caseId, { fresh: true });
    await person();
    const second = cache.get(caseId);
    assert.equal(await second, await first, 'joined, not a second computation');
    assert.ok((await second).asOf.auditSeq < (await t.store.auditHead()).seq, 'and it says it is older');
    const third = await cache.get(caseId, { fresh: true });
    assert.equal(third.asOf.auditSeq, (await t.store.auditHead()).seq, 'fresh still sees every change');
  });

  it('past half the allowance it answers at once with what it holds and computes the next value meanwhile', async () => {
    let clock = 1_000_000;
    const cache = new AnalysisCache(t.store, { maxAgeMs: 10_000, now: () => clock });
    const a1 = await cache.whole(caseId);
    await person();
    clock += 4_000;
    assert.equal(await cache.whole(caseId), a1, 'under half the allowance: held, nothing started');
    clock += 2_000;
    assert.equal(await cache.whole(caseId), a1, 'past half: still answered with the held value');
    const head = (await t.store.auditHead()).seq;
    await person();
    clock += 5_000;
    // Past the allowance: the computation that request started (at `head`) is what this one gets,
    // not one begun now at the newer head.
    const a2 = await cache.whole(caseId);
    assert.notEqual(a2, a1);
    assert.equal(a2.asOf.auditSeq, head, 'computed from the head of the request that started it');
    assert.ok(
      a2.whole.snapshot.persons.length > a1.whole.snapshot.persons.length,
      'it saw the write made before it',
    );
    assert.equal(await cache.whole(caseId), a2, 'and it is held from then on');
  });

  it('lets a costly analysis be older, so that computing it takes at most its share of the time', async () => {
    // The first computation "takes" 3 s: the clock jumps once, when it starts.
    let clock = 0;
    let jump = 3_000;
    const now = () => {
      const t = clock;
      clock += jump;
      jump = 0;
      return t;
    };
    const cache = new AnalysisCache(t.store, { maxAgeMs: 5_000, now, maxShare: 0.1 });
    const a1 = await cache.get(caseId);
    assert.equal(cache.allowanceMs(caseId), 60_000, '3 s every 30 s is a tenth of the time');
    await person();
    clock += 20_000;
    assert.equal(await cache.get(caseId), a1, 'past the configured 5 s, within the grown allowance');
    assert.equal(await cache.get(caseId), a1, 'and nothing was started before half of it');
    clock += 15_000;
    assert.equal(await cache.get(caseId), a1, 'past half: answered with the held value, the next started');
    const a2 = await cache.get(caseId, { fresh: true });
    assert.notEqual(a2, a1);
    assert.equal(
      new AnalysisCache(t.store, { maxAgeMs: 0 }).allowanceMs(caseId),
      0,
      'an allowance of 0 sees every change',
    );
  });

  it('holds the whole analysis only while someone asked for it lately; the dashboard gets its part', async () => {
    let clock = 1_000_000;
    const cache = new AnalysisCache(t.store, { maxAgeMs: 0, now: () => clock, keepWholeMs: 60_000 });
    const s1 = await cache.get(caseId);
    assert.equal(s1.whole, undefined, 'the dashboard alone: no whole analysis computed or held');
    assert.ok(s1.summary.indicators, 'its part is there');
    const w1 = await cache.whole(caseId);
    assert.ok(w1.whole.analysis.crimes, 'asked for: computed');
    assert.deepEqual(w1.summary, summarizeAnalysis(w1.whole.analysis));
    assert.equal(await cache.get(caseId), w1, 'and served to the dashboard while nothing changed');
    await person();
    clock += 30_000;
    const s2 = await cache.get(caseId);
    assert.ok(s2.whole, 'within the minute after, later values keep it too');
    assert.equal(await cache.whole(caseId), s2, 'so the drill-down need not compute again');
    clock += 61_000;
    const s3 = await cache.get(caseId);
    assert.equal(s3.whole, undefined, 'a minute without asking: let go');
    await person();
    assert.equal((await cache.get(caseId)).whole, undefined, 'and not computed again');
    assert.ok((await cache.whole(caseId)).whole.analysis, 'until asked for');
  });
});
