import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateDemoCaseWithTruth } from '../demo/generate.js';
import type { ListTruth } from '../demo/lists.js';
import { pairwiseScores } from '../linkage/evaluate.js';
import { openDemoCase } from '../test-support/demo-case.js';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import { linkCaseFile } from './case-linkage.js';
import type { CaseStore } from './case-store.js';

/** Every list record of the case with the person it is linked to. */
async function linked(store: CaseStore, caseId: string) {
  const out: { listId: string; rowNo: number; personId: string | null }[] = [];
  for (const l of await store.list('sourceList', caseId, { limit: 100 })) {
    let afterRow = 0;
    for (;;) {
      const page = await store.sourceRecords(l.id, { afterRow, limit: 5000 });
      if (page.length === 0) break;
      for (const r of page) out.push({ listId: l.id, rowNo: r.rowNo, personId: r.personId });
      afterRow = page[page.length - 1]!.rowNo;
    }
  }
  return out;
}

for (const backend of BACKENDS) {
  describe(`record linkage in the case file (${backend.name})`, () => {
    let t: TestStore;
    let caseId: string;
    let truth: ListTruth[];
    before(async () => {
      // The demo case as imported (on SQLite a copy of the one built per run); its truth is regenerated.
      ({ t, caseId } = await openDemoCase(backend, 'imported'));
      truth = generateDemoCaseWithTruth().listTruth;
    });
    after(async () => t?.dispose());

    it('links every list record to a person, mostly the right documented person, and audits it', async () => {
      const persons0 = await t.store.count('person', caseId);
      const r = await linkCaseFile(t.store, caseId, 'test:analyst', { executor: undefined });
      assert.equal(r.records, truth.length);
      assert.equal(r.newRecords, truth.length);
      const rows = await linked(t.store, caseId);
      assert.ok(
        rows.every((x) => x.personId),
        'no record left unlinked',
      );
      const truthOf = new Map(truth.map((x) => [`${x.listId}|${x.rowNo}`, x.personId]));
      const predicted = rows.map((x) => x.personId!);
      const actual = rows.map((x) => truthOf.get(`${x.listId}|${x.rowNo}`)!);
      const s = pairwiseScores(predicted, actual);
      assert.ok(
        s.f1 >= 0.9,
        `pairwise F1 ${s.f1.toFixed(3)} (P ${s.precision.toFixed(3)}, R ${s.recall.toFixed(3)})`,
      );
      const right = rows.filter((x, i) => x.personId === actual[i]).length;
      assert.ok(
        right / rows.length >= 0.85,
        `${right}/${rows.length} records linked to their documented person`,
      );
      assert.equal((await t.store.count('person', caseId)) - persons0, r.personsCreated);
      // A created person says where it came from, by list name and row, in both interface languages.
      assert.ok(r.personsCreated > 0, 'the demo lists name people the case file does not document');
      const known = new Set(truth.map((x) => x.personId));
      const made = rows.find((x) => !known.has(x.personId!));
      const note = (await t.store.get('person', made!.personId!))?.body.notes;
      assert.match(
        String(note),
        /^Creada por vinculación de registros: lista «.+», fila \d+\. \/ Created by record linkage: list “.+”, row \d+\.$/,
      );
      const audit = await t.store.auditEntries({ caseId, limit: 10_000 });
      assert.ok(audit.some((e) => e.action === 'link' && e.entity === 'source-records'));
      assert.ok((await t.store.verifyAudit()).ok);
      const saved = await t.store.analyses(caseId, 'linkage');
      assert.equal(saved.length, 1);
    });

    it('a second run compares only what is new and changes nothing', async () => {
      const before = await linked(t.store, caseId);
      const r = await linkCaseFile(t.store, caseId, 'test:analyst');
      assert.equal(r.newRecords, 0);
      assert.equal(r.assignments, 0);
      assert.equal(r.personsCreated, 0);
      assert.deepEqual(await linked(t.store, caseId), before);
    });

    it('a new list is linked to the existing persons, and a cannot-link decision separates two records', async () => {
      const rows0 = await linked(t.store, caseId);
      // A fourth organisation lists two people already known, with other spellings.
      const lists = await t.store.list('sourceList', caseId, { limit: 100 });
      const source = lists[0]!;
      const sample = await t.store.sourceRecords(source.id, { limit: 2 });
      const cols = source.body.columns;
      const respell = (v: string) => v.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
      const { list } = await t.store.importSourceList(
        caseId,
        { name: 'Lista nueva', columns: cols, rowCount: 0 },
        sample.map((r, i) => ({
          rowNo: i + 2,
          recordId: `N${i + 1}`,
          values: cols.map((c) => (c === 'record_id' ? `N${i + 1}` : respell(r.data[c] ?? ''))),
        })),
        'test:documenter',
      );
      const r = await linkCaseFile(t.store, caseId, 'test:analyst');
      assert.equal(r.newRecords, 2);
      const after1 = await linked(t.store, caseId);
      const personOf = new Map(after1.map((x) => [`${x.listId}|${x.rowNo}`, x.personId]));
      for (const [i, s] of sample.entries())
        assert.equal(personOf.get(`${list.id}|${i + 2}`), s.personId, `new record ${i + 1} joins its person`);
      // Earlier links are kept.
      for (const x of rows0) assert.equal(personOf.get(`${x.listId}|${x.rowNo}`), x.personId);

      // A reviewer says the new record 1 is not the same person; after a full re-link they differ.
      await t.store.recordLinkDecision(
        caseId,
        { listId: list.id, rowNo: 2 },
        { listId: source.id, rowNo: sample[0]!.rowNo },
        'cannot-link',
        'test:analyst',
        'different father names in the interview',
      );
      const r2 = await linkCaseFile(t.store, caseId, 'test:analyst', { full: true });
      assert.ok(r2.decisionsHonoured >= 1);
      const after2 = new Map(
        (await linked(t.store, caseId)).map((x) => [`${x.listId}|${x.rowNo}`, x.personId]),
      );
      assert.notEqual(after2.get(`${list.id}|2`), after2.get(`${source.id}|${sample[0]!.rowNo}`));
      assert.ok((await t.store.verifyAudit()).ok);
    });
  });
}
