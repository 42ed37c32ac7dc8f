/**
 * The protection facts are kept incrementally (testimonies, hearings and lists in directories synced
 * record by record): after every kind of write they must equal the facts gathered from scratch by
 * reading every record, the way they were gathered before. A stale fact could show a hearing's
 * transcript, or a list's original file, to someone not cleared for what it covers.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { effectiveProtection, maxProtection, type ProtectionFacts } from '../domain/protection.js';
import { exportCase, importCaseJson } from '../ingest/case-json.js';
import type { Principal } from '../security/policy.js';
import type { CaseStore } from '../store/case-store.js';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import { buildViewContext, factDirectories, factReads } from './presenter.js';

const A = 'user:t';
const day = (value: string) => ({ value, precision: 'day' as const });
const reader = (caseId: string): Principal => ({
  userId: 'u1',
  memberships: new Map([[caseId, { role: 'analyst', cleared: false }]]),
  personClearances: new Map(),
});

/** Every record read and opened again, the facts derived as the presenter derived them before. */
async function fromScratch(store: CaseStore, caseId: string): Promise<ProtectionFacts> {
  const persons = new Map<string, string>();
  const evidenceCovers = new Map<string, string>();
  const cover = (id: string | undefined, level: string) => {
    if (id) evidenceCovers.set(id, maxProtection(evidenceCovers.get(id), level));
  };
  for await (const p of store.iterate('person', caseId, { includeDeleted: true })) {
    persons.set(p.id, p.body.protection);
    for (const e of p.body.photoEvidenceIds ?? []) cover(e, p.body.protection);
  }
  const listFiles = new Set<string>();
  for await (const l of store.iterate('sourceList', caseId, { includeDeleted: true }))
    if (l.body.sha256) listFiles.add(l.body.sha256);
  const hearingTestimonies = new Map<string, string>();
  for await (const t of store.iterate('testimony', caseId, { includeDeleted: true })) {
    const h = t.body.hearingId;
    if (h) hearingTestimonies.set(h, maxProtection(hearingTestimonies.get(h), t.body.protection));
  }
  const facts: ProtectionFacts = { persons, listFiles, hearingTestimonies, evidenceCovers };
  for await (const h of store.iterate('hearing', caseId, { includeDeleted: true }))
    cover(
      (h.body as { transcriptEvidenceId?: string }).transcriptEvidenceId,
      effectiveProtection('hearing', h.id, h.body as Record<string, unknown>, facts),
    );
  return facts;
}

const plain = (f: ProtectionFacts) => ({
  persons: [...f.persons].sort(),
  listFiles: [...f.listFiles].sort(),
  hearingTestimonies: [...f.hearingTestimonies].sort(),
  evidenceCovers: [...f.evidenceCovers].sort(),
});

async function assertExact(store: CaseStore, caseId: string, step: string): Promise<void> {
  const kept = (await buildViewContext(store, reader(caseId), caseId)).facts;
  assert.deepEqual(plain(kept), plain(await fromScratch(store, caseId)), `after ${step}`);
}

for (const backend of BACKENDS) {
  describe(`protection facts kept incrementally (${backend.name})`, () => {
    const opened: TestStore[] = [];
    after(async () => {
      for (const t of opened) await t.dispose();
    });

    it('equal the facts gathered from scratch after every kind of write', async () => {
      const t = await backend.open();
      opened.push(t);
      const s = t.store;
      const caseId = (await s.createCase({ title: 'Hechos' }, A)).id;
      await assertExact(s, caseId, 'nothing');
      const person = await s.create(
        'person',
        caseId,
        { givenNames: 'Ana', firstSurname: 'Ortiz', protection: 'protected' },
        A,
      );
      const transcript = await s.addEvidence(
        caseId,
        Buffer.from('transcripción'),
        {
          title: 'Transcripción',
          kind: 'document',
          mediaType: 'text/plain',
          acquisition: { by: 'ONG', at: '2020-01-01T00:00:00Z', method: 'entregada' },
          protection: 'public',
        } as never,
        A,
      );
      const hearing = await s.create(
        'hearing',
        caseId,
        {
          title: 'Audiencia',
          date: day('2018-01-10'),
          protection: 'public',
          transcriptEvidenceId: transcript.id,
        } as never,
        A,
      );
      await assertExact(s, caseId, 'a hearing with a transcript');
      const testimony = (protection: string, hearingId?: string) =>
        s.create(
          'testimony',
          caseId,
          {
            title: 'Relato',
            statement: 'x',
            language: 'es',
            consent: 'courts',
            protection,
            ...(hearingId ? { hearingId } : {}),
          } as never,
          A,
        );
      const t1 = await testimony('restricted', hearing.id);
      await assertExact(s, caseId, 'a restricted testimony in the hearing');
      const t2 = await testimony('protected', hearing.id);
      await assertExact(s, caseId, 'a protected testimony in the hearing');
      for (let i = 0; i < 6; i++) await testimony('public');
      await assertExact(s, caseId, 'more testimonies');
      const before = (await factDirectories(s, caseId)).testimonies.rowsRead;
      await s.update('testimony', t1.id, { ...t1.body, protection: 'public' }, A);
      await assertExact(s, caseId, 'a testimony lowered');
      // The one written, and those updated at the newest time seen before (read again: `>=`).
      const read = (await factDirectories(s, caseId)).testimonies.rowsRead - before;
      assert.ok(read >= 1 && read <= 2, `one testimony written: ${read} of 8 read again`);
      await s.remove('testimony', t2.id, A);
      await assertExact(s, caseId, 'a protected testimony deleted (it still protects the hearing)');
      await s.restore('testimony', t2.id, A);
      await assertExact(s, caseId, 'the testimony restored');
      await s.update('testimony', t2.id, { ...t2.body, hearingId: undefined }, A);
      await assertExact(s, caseId, 'the testimony moved out of the hearing');
      await s.update('hearing', hearing.id, { ...hearing.body, protection: 'restricted' }, A);
      await assertExact(s, caseId, 'the hearing raised');
      const other = await s.create(
        'hearing',
        caseId,
        {
          title: 'Otra',
          date: day('2018-02-10'),
          protection: 'protected',
          transcriptEvidenceId: transcript.id,
        } as never,
        A,
      );
      await assertExact(s, caseId, 'a protected hearing with the same transcript');
      await s.remove('hearing', other.id, A);
      await assertExact(s, caseId, 'the hearing deleted');
      await s.restore('hearing', other.id, A);
      await assertExact(s, caseId, 'the hearing restored');
      await s.update('person', person.id, { ...person.body, photoEvidenceIds: [transcript.id] }, A);
      await assertExact(s, caseId, 'a protected person’s photo');
      // Kept person by person (factReads.persons counts rebuilds from every person).
      const builds = factReads.persons;
      const second = await s.create(
        'person',
        caseId,
        {
          givenNames: 'Beto',
          firstSurname: 'Paz',
          protection: 'restricted',
          photoEvidenceIds: [transcript.id],
        },
        A,
      );
      await assertExact(s, caseId, 'a restricted person in the same photo');
      await s.update(
        'person',
        person.id,
        { ...person.body, protection: 'public', photoEvidenceIds: [transcript.id] },
        A,
      );
      await assertExact(s, caseId, 'the protected person lowered');
      await s.update(
        'person',
        person.id,
        { ...person.body, protection: 'protected', photoEvidenceIds: [] },
        A,
      );
      await assertExact(s, caseId, 'the photo no longer of that person');
      await s.remove('person', second.id, A);
      await assertExact(s, caseId, 'the other person deleted (still hidden, the photo still covered)');
      assert.equal(factReads.persons, builds, 'no person write read every person again');
      const csv = 'record_id,given_names\n1,Ana\n';
      const list = await s.importSourceList(
        caseId,
        {
          name: 'Lista',
          fileName: 'l.csv',
          sha256: createHash('sha256').update(csv).digest('hex'),
          columns: ['given_names'],
          rowCount: 1,
        },
        [{ rowNo: 1, recordId: '1', values: ['Ana'] }],
        A,
      );
      await assertExact(s, caseId, 'a list imported');
      assert.ok(list.list.id);

      // A whole case imported into another store, deleted records included, then written to.
      const doc = await exportCase(s, caseId);
      const t2store = await backend.open();
      opened.push(t2store);
      const imported = (await importCaseJson(t2store.store, JSON.parse(JSON.stringify(doc)), A)).caseId;
      await assertExact(t2store.store, imported, 'a case imported');
      await t2store.store.update('testimony', t1.id, { ...t1.body, protection: 'protected' }, A);
      await assertExact(t2store.store, imported, 'a write after the import');
    });
  });
}
