import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { factReads, matcherBuilds } from '../read-model/presenter.js';
import { addMembers, requestAs } from '../test-support/members.js';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import { AnalysisCache } from './analysis-cache.js';
import { createApp } from './app.js';
import { WarmUpError, warmServer } from './warm.js';

const A = 'user:setup';

for (const backend of BACKENDS) {
  describe(`warm-up before listening (${backend.name})`, () => {
    let t: TestStore;
    let caseId: string;
    let tokens: Record<string, string>;
    const personIds: string[] = [];

    before(async () => {
      t = await backend.open();
      const s = t.store;
      caseId = (await s.createCase({ title: 'Arranque' }, A)).id;
      for (const [givenNames, firstSurname, protection] of [
        ['Yusleidy', 'Carrasquel', 'protected'],
        ['Ramón', 'Quintero', 'public'],
        ['Elena', 'Márquez', 'restricted'],
      ] as const)
        personIds.push((await s.create('person', caseId, { givenNames, firstSurname, protection }, A)).id);
      const h = await s.create(
        'hearing',
        caseId,
        { title: 'Audiencia', date: { value: '2018-01-10', precision: 'day' }, protection: 'restricted' },
        A,
      );
      await s.create(
        'testimony',
        caseId,
        {
          title: 'Relato',
          statement: 'Yusleidy Carrasquel vio a Ramón Quintero.',
          language: 'es',
          consent: 'courts',
          protection: 'protected',
          witnessId: personIds[0],
          hearingId: h.id,
        },
        A,
      );
      ({ tokens } = await addMembers(
        s,
        caseId,
        [
          ['admin', 'administrator', true],
          ['documenter', 'documenter', false],
          ['analyst', 'analyst', false],
          ['viewer', 'viewer', false],
        ],
        { actor: A },
      ));
    });
    after(async () => t?.dispose());

    it('leaves nothing for the first requests to build: directory, matchers, facts, analysis', async () => {
      const app = createApp(t.store);
      const warm = await warmServer(t.store);
      assert.equal(warm.cases, 1);
      // administrator cleared, documenter, analyst, viewer, and a reader who is no member
      assert.equal(warm.views, 5);
      const { directory } = await t.store.personDirectory(caseId);
      const version = directory.version;
      const reads = { ...factReads };
      const builds = matcherBuilds.full;
      const analysed = await AnalysisCache.of(t.store).get(caseId);

      for (const who of Object.keys(tokens)) {
        for (const path of ['person', 'event', 'testimony']) {
          const r = await requestAs(app, tokens[who], 'GET', `/api/cases/${caseId}/records/${path}`);
          assert.ok(r.status === 200 || r.status === 403, `${who} ${path}: ${r.status}`);
          await r.text();
        }
      }
      const r = await requestAs(app, tokens.analyst, 'GET', `/api/cases/${caseId}/analysis?summary=1`);
      assert.equal(r.status, 200);
      const body = (await r.json()) as { asOf: { computedAt: string } };

      assert.equal(directory.version, version, 'no person was read again');
      assert.deepEqual({ ...factReads }, reads, 'no protection fact was gathered again');
      assert.equal(matcherBuilds.full, builds, 'no matcher was built');
      assert.equal(body.asOf.computedAt, analysed.asOf.computedAt, 'the analysis computed at warm-up');
    });

    it('still sees a write made after the warm-up (the caches are checked, not trusted)', async () => {
      const app = createApp(t.store);
      await warmServer(t.store, { analysis: false });
      await t.store.create(
        'person',
        caseId,
        { givenNames: 'Wilmer', firstSurname: 'Zambrano', protection: 'protected' },
        A,
      );
      await t.store.create(
        'event',
        caseId,
        {
          title: 'Detención',
          date: { value: '2019-02-01', precision: 'day' },
          description: 'Wilmer Zambrano fue detenido',
        },
        A,
      );
      const r = await requestAs(app, tokens.viewer, 'GET', `/api/cases/${caseId}/records/event`);
      const text = await r.text();
      assert.equal(r.status, 200, text);
      assert.ok(!/Zambrano/.test(text), 'the new protected name is redacted');
    });

    it('fails clearly, naming the case and the step, when a person cannot be opened', async () => {
      const broken = await backend.open();
      try {
        const s = broken.store;
        const id = (await s.createCase({ title: 'Roto' }, A)).id;
        const a = await s.create(
          'person',
          id,
          { givenNames: 'Ana', firstSurname: 'Zea', protection: 'protected' },
          A,
        );
        const b = await s.create(
          'person',
          id,
          { givenNames: 'Beto', firstSurname: 'Yépez', protection: 'public' },
          A,
        );
        // An envelope moved to another record does not open (its AAD names the record).
        const rows = await s.sqlHandle.all<{ id: string; data: string }>(
          'SELECT id, data FROM person WHERE id IN (?, ?)',
          [a.id, b.id],
        );
        const dataOfA = rows.find((x) => x.id === a.id)!.data;
        await s.sqlHandle.run('UPDATE person SET data = ? WHERE id = ?', [dataOfA, b.id]);
        await assert.rejects(
          () => warmServer(s, { analysis: false }),
          (err: unknown) =>
            err instanceof WarmUpError &&
            err.message.includes(id) &&
            err.message.includes('person directory'),
        );
      } finally {
        await broken.dispose();
      }
    });
  });
}
