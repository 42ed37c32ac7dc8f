/**
 * The live snapshot (directories synced record by record) must equal the snapshot read from scratch
 * after every kind of write: the analysis a server shows is then the analysis a report computes.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { openDemoCase } from '../test-support/demo-case.js';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import { snapshotSha256 } from './analyse.js';
import { liveCaseSnapshot, loadCaseSnapshot } from './load.js';

const A = 'user:t';

for (const backend of BACKENDS) {
  describe(`live case snapshot (${backend.name})`, () => {
    const opened: TestStore[] = [];
    after(async () => {
      for (const t of opened) await t.dispose();
    });

    it('equals the snapshot read from scratch after every kind of write, reading only what changed', async () => {
      const demo = await openDemoCase(backend, 'imported');
      opened.push(demo.t);
      const s = demo.t.store;
      const caseId = demo.caseId;
      const same = async (step: string) => {
        const live = await liveCaseSnapshot(s, caseId, (await s.auditHead()).seq);
        const scratch = await loadCaseSnapshot(s, caseId);
        assert.deepEqual(live, scratch, `after ${step}`);
        assert.equal(snapshotSha256(live), snapshotSha256(scratch));
        return live;
      };
      const first = await same('nothing');
      assert.ok(first.acts.length > 10 && first.persons.length > 10, 'the demo case has records');
      const acts = await s.kindDirectory('act', caseId, { name: 'snapshot', project: (b) => b });

      const act = first.acts[0]!;
      await s.update('act', act.id, { ...act.body, description: 'Otra descripción' } as never, A);
      await same('an act updated');
      // (The first write after an import reads again the acts stamped at the import's time.)
      const read = acts.rowsRead;
      const other = first.acts[1]!;
      await s.update('act', other.id, { ...other.body, description: 'Y otra' } as never, A);
      await same('another act updated');
      assert.ok(acts.rowsRead - read <= 2, `one act written, ${acts.rowsRead - read} read again`);
      const ana = await s.create(
        'person',
        caseId,
        { givenNames: 'Ana', firstSurname: 'Ortiz', protection: 'protected' },
        A,
      );
      await same('a person created');
      await s.remove('person', ana.id, A);
      const removed = await same('the person deleted');
      assert.ok(!removed.persons.some((p) => p.id === ana.id));
      await s.restore('person', ana.id, A);
      await same('the person restored');
      const testimony = {
        title: 'Relato',
        statement: 'x',
        language: 'es',
        consent: 'courts',
        protection: 'restricted',
      };
      const draft = await s.create('testimony', caseId, { ...testimony, draft: true } as never, A);
      const withDraft = await same('a draft testimony');
      assert.ok(!withDraft.testimonies.some((t) => t.id === draft.id), 'a draft is not evidence');
      await s.update('testimony', draft.id, { ...draft.body, draft: false } as never, A);
      const final = await same('the draft made final');
      assert.ok(final.testimonies.some((t) => t.id === draft.id));
      const event = first.events[0]!;
      await s.update('event', event.id, { ...event.body, title: 'Otro título' } as never, A);
      await same('an event updated');
    });
  });
}
