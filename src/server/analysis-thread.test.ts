import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { analyseCase } from '../analysis/analyse.js';
import { loadCaseSnapshot } from '../analysis/load.js';
import type { CaseSnapshot } from '../analysis/types.js';
import { openDemoCase } from '../test-support/demo-case.js';
import { sqliteBackend, type TestStore } from '../test-support/stores.js';
import { AnalysisThread } from './analysis-thread.js';

describe('the legal analysis in a worker thread', () => {
  let t: TestStore;
  let snapshot: CaseSnapshot;
  before(async () => {
    const demo = await openDemoCase(sqliteBackend, 'imported');
    t = demo.t;
    snapshot = await loadCaseSnapshot(t.store, demo.caseId);
  });
  after(async () => t?.dispose());

  it('gives exactly the analysis computed in this thread', async () => {
    const thread = new AnalysisThread();
    try {
      const [a, b] = await Promise.all([thread.analyse(snapshot), thread.analyse(snapshot)]);
      const here = analyseCase(snapshot);
      assert.deepEqual(a, here);
      assert.deepEqual(b, here);
      assert.ok(here.crimes.length > 0, 'the demo case has findings to compare');
    } finally {
      await thread.close();
    }
  });

  it("reports the analysis' own error as an error", async () => {
    const thread = new AnalysisThread();
    try {
      const broken = { ...snapshot, acts: null } as unknown as CaseSnapshot;
      await assert.rejects(thread.analyse(broken), /TypeError|null/);
      assert.deepEqual(await thread.analyse(snapshot), analyseCase(snapshot), 'and the thread goes on');
    } finally {
      await thread.close();
    }
  });

  it('with a feed, is sent what changed and gives exactly the analysis computed here', async () => {
    const thread = new AnalysisThread();
    try {
      assert.deepEqual(await thread.analyse(snapshot, 'f'), analyseCase(snapshot));
      const last = snapshot.acts[snapshot.acts.length - 1]!;
      const changed: CaseSnapshot = {
        ...snapshot,
        persons: snapshot.persons.slice(1),
        acts: [...snapshot.acts.slice(0, -1), { ...last, body: { ...last.body, notes: 'otra' } }],
      };
      assert.deepEqual(await thread.analyse(changed, 'f'), analyseCase(changed));
      assert.deepEqual(await thread.analyse(snapshot, 'f'), analyseCase(snapshot), 'and back');
      // A new thread holds nothing: it is sent everything again.
      await thread.close();
      assert.deepEqual(await thread.analyse(changed, 'f'), analyseCase(changed));
    } finally {
      await thread.close();
    }
  });

  it('still answers when the thread dies under a computation (computed here instead)', async () => {
    const thread = new AnalysisThread();
    const running = thread.analyse(snapshot);
    await thread.close();
    assert.deepEqual(await running, analyseCase(snapshot));
  });
});
