/**
 * Field-level encryption over time, on both engines: rotating a case's data key re-encrypts every
 * sealed record and list row (and seals legacy clear records), keeps blind-index lookups and
 * search working, leaves the audit chain intact and old audit bodies readable with the retired
 * key; a sealed envelope moved to another record does not open.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { IntegrityError } from '../domain/errors.js';
import { termsOf } from '../search/text.js';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import { keyStatus, rotateCaseKey } from './key-rotation.js';
import { draftPlace, openDraft } from './sealing.js';

for (const backend of BACKENDS) {
  describe(`data key rotation (${backend.name})`, () => {
    let t: TestStore;
    let caseId: string;
    const DRAFT = 'draft-rotation-000001';
    const STATEMENT = JSON.stringify({ statement: 'Me detuvieron en El Helicoide' });
    const ids: string[] = [];
    before(async () => {
      t = await backend.open();
      const s = t.store;
      caseId = (await s.createCase({ title: 'Rotación' }, 'test')).id;
      for (const [g, f] of [
        ['Yusleidy', 'Carrasquel'],
        ['Gualberto', 'Perozo'],
        ['Anais', 'Quintero'],
      ])
        ids.push(
          (
            await s.create(
              'person',
              caseId,
              { givenNames: g, firstSurname: f, protection: 'protected' },
              'test',
            )
          ).id,
        );
      await s.create(
        'person',
        caseId,
        { givenNames: 'Comandante', firstSurname: 'Público', protection: 'public' },
        'test',
      );
      await s.importSourceList(
        caseId,
        { name: 'Lista', columns: ['nombre'], fileName: 'l.csv', sha256: '0'.repeat(64) } as never,
        Array.from({ length: 30 }, (_, i) => ({ rowNo: i + 1, recordId: `R${i}`, values: [`Nombre ${i}`] })),
        'test',
      );
      // An interview in progress: a witness's statement not yet a testimony.
      const keys = await s.keySet(caseId);
      await s.interviewDrafts.insert({
        id: DRAFT,
        caseId,
        ownerId: 'u1',
        data: keys.current.seal(STATEMENT, draftPlace(caseId, DRAFT)),
        seq: 1,
        at: new Date().toISOString(),
      });
    });
    after(async () => t?.dispose());

    const tableText = async (table: string) =>
      JSON.stringify(await t.store.sqlHandle.all(`SELECT * FROM ${table}`));

    it('starts with one key; everything sealed under it', async () => {
      const st = await keyStatus(t.store, caseId);
      assert.deepEqual(
        st.keys.map((k) => [k.version, k.retiredAt === null]),
        [['k1', true]],
      );
      assert.deepEqual(st.records, { k1: 3 });
      assert.deepEqual(st.rows, { k1: 30 });
      assert.deepEqual(st.drafts, { k1: 1 });
    });

    it('rotates: new key, everything re-encrypted and still readable, findable and searchable', async () => {
      // A record from before field encryption (clear JSON), as an upgraded store has them.
      await t.store.sqlHandle.run('UPDATE person SET data = ? WHERE id = ?', [
        JSON.stringify({
          givenNames: 'Anais',
          firstSurname: 'Quintero',
          protection: 'protected',
          aliases: [],
          documents: [],
          nationalities: [],
          affiliations: [],
          photoEvidenceIds: [],
        }),
        ids[2],
      ]);
      assert.equal((await keyStatus(t.store, caseId)).records.clear, 1);
      const head = await t.store.auditHead();
      const r = await rotateCaseKey(t.store, caseId, 'test');
      assert.equal(r.current, 'k2');
      assert.deepEqual(r.previous, ['k1']);
      assert.equal(r.records, 3);
      assert.equal(r.rows, 30);
      assert.equal(r.drafts, 1);
      assert.equal(r.skipped, 0);
      const st = await keyStatus(t.store, caseId);
      assert.deepEqual(st.records, { k2: 3 });
      assert.deepEqual(st.rows, { k2: 30 });
      assert.deepEqual(st.drafts, { k2: 1 });
      const draft = (await t.store.interviewDrafts.byId(DRAFT))!;
      assert.match(draft.data, /^tgf1\.k2\./);
      assert.equal(openDraft(await t.store.keySet(caseId), caseId, DRAFT, draft.data), STATEMENT);
      assert.ok(st.keys[0]!.retiredAt, 'k1 retired');
      const persons = await tableText('person');
      assert.ok(!persons.includes('tgf1.k1.') && !persons.includes('Quintero'));

      assert.equal((await t.store.get('person', ids[0]!))?.body.givenNames, 'Yusleidy');
      assert.equal((await t.store.get('person', ids[2]!))?.body.firstSurname, 'Quintero');
      assert.deepEqual(
        (await t.store.list('person', caseId, { where: { firstSurname: 'perozo' } })).map((p) => p.id),
        [ids[1]],
      );
      assert.equal((await t.store.list('person', caseId, { where: { firstSurname: 'Público' } })).length, 1);
      const hits = await t.store.search({
        caseId,
        terms: [termsOf('carrasquel')],
        tier: 'cleared',
        clearedPersons: [],
        filters: {},
        limit: 10,
        offset: 0,
      });
      assert.deepEqual(
        hits.hits.map((h) => h.recordId),
        [ids[0]],
      );
      const list = (await t.store.list('sourceList', caseId))[0]!;
      assert.equal((await t.store.sourceRecords(list.id))[29]?.data.nombre, 'Nombre 29');
      // Persons still sort by name for those who may see names (sealed: sorted in memory).
      assert.deepEqual(
        (await t.store.list('person', caseId)).map((p) => p.body.firstSurname),
        ['Carrasquel', 'Perozo', 'Público', 'Quintero'],
      );

      // The audit chain holds, grew by the rotation's entries, and history sealed under k1 still opens.
      const v = await t.store.verifyAudit();
      assert.equal(v.ok, true);
      assert.ok(v.head.seq > head.seq);
      const first = (await t.store.auditEntries({ caseId, limit: 50 })).find(
        (e) => e.entityId === ids[0] && e.action === 'create',
      )!;
      const opened = await t.store.openAuditBody(
        'person',
        ids[0]!,
        caseId,
        JSON.parse(first.after!) as Record<string, unknown>,
      );
      assert.equal(opened.givenNames, 'Yusleidy');
    });

    it('an envelope moved to another record does not open', async () => {
      const [a, b] = await t.store.sqlHandle.all<{ id: string; data: string }>(
        'SELECT id, data FROM person WHERE id IN (?, ?)',
        [ids[0], ids[1]],
      );
      await t.store.sqlHandle.run('UPDATE person SET data = ? WHERE id = ?', [a!.data, b!.id]);
      await assert.rejects(() => t.store.get('person', b!.id), IntegrityError);
      await t.store.sqlHandle.run('UPDATE person SET data = ? WHERE id = ?', [b!.data, b!.id]);
      assert.equal((await t.store.get('person', b!.id))?.body.firstSurname !== undefined, true);
    });
  });
}
