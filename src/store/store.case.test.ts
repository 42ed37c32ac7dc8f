/**
 * Storage conformance suite: every case runs on the encrypted SQLite store and on a real
 * PostgreSQL, so the two engines cannot drift apart.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ConflictError, InputError, IntegrityError, KeyError, NotFoundError } from '../domain/errors.js';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import type { BlobStore } from './blobs.js';
import type { CaseStore } from './case-store.js';
import { openStore } from './open.js';

const ACTOR = 'user:test';
const day = (value: string) => ({ precision: 'day' as const, value });

async function seed(store: CaseStore) {
  const c = await store.createCase({ title: 'Caso de prueba', country: 'VE' }, ACTOR);
  const victim = await store.create(
    'person',
    c.id,
    { givenNames: 'María José', firstSurname: 'Pérez', protection: 'protected' },
    ACTOR,
  );
  const place = await store.create(
    'place',
    c.id,
    { name: 'El Helicoide', kind: 'detention_site', stateCode: 'VE-A' },
    ACTOR,
  );
  const event = await store.create(
    'event',
    c.id,
    { title: 'Detención en protesta', date: day('2017-05-03'), placeId: place.id },
    ACTOR,
  );
  const act = await store.create(
    'act',
    c.id,
    { eventId: event.id, victimId: victim.id, type: 'arbitrary_detention', date: day('2017-05-03') },
    ACTOR,
  );
  return { caseId: c.id, victim, place, event, act };
}

for (const backend of BACKENDS) {
  describe(`store conformance: ${backend.name}`, () => {
    let t: TestStore;
    let store: CaseStore;
    before(async () => {
      t = await backend.open();
      store = t.store;
    });
    after(async () => {
      await t?.dispose();
    });

    it('creates, reads, lists, updates and soft-deletes records', async () => {
      const { caseId, victim, act } = await seed(store);
      const got = await store.get('person', victim.id);
      assert.equal(got?.body.firstSurname, 'Pérez');
      assert.deepEqual(got?.body.aliases, []);
      assert.equal(got?.version, 1);

      const updated = await store.update(
        'person',
        victim.id,
        { ...got!.body, secondSurname: 'Rangel' },
        ACTOR,
        { expectedVersion: 1 },
      );
      assert.equal(updated.version, 2);
      assert.equal(updated.body.secondSurname, 'Rangel');
      await assert.rejects(
        store.update('person', victim.id, got!.body, ACTOR, { expectedVersion: 1 }),
        ConflictError,
      );

      assert.equal((await store.list('act', caseId, { where: { type: 'arbitrary_detention' } })).length, 1);
      assert.equal((await store.list('act', caseId, { where: { type: 'torture' } })).length, 0);
      assert.equal(await store.count('person', caseId), 1);

      // A person an act points to cannot disappear under it.
      await assert.rejects(store.remove('person', victim.id, ACTOR), /still referenced by acts\//);
      await store.remove('act', act.id, ACTOR, 'duplicate entry');
      assert.equal(await store.get('act', act.id), undefined);
      assert.equal((await store.get('act', act.id, { includeDeleted: true }))?.deletedAt !== null, true);
      await store.remove('person', victim.id, ACTOR);
      assert.equal(await store.count('person', caseId), 0);
      assert.equal(await store.count('person', caseId, { includeDeleted: true }), 1);
    });

    it('rejects invalid bodies with field-level issues, and dangling references', async () => {
      const { caseId, event } = await seed(store);
      await assert.rejects(
        store.create(
          'person',
          caseId,
          { givenNames: 'Ana', birthDate: { precision: 'day', value: '2017-02-30' }, protection: 'secret' },
          ACTOR,
        ),
        (err: unknown) => {
          assert.ok(err instanceof InputError);
          const fields = err.issues.map((i) => i.field).sort();
          assert.deepEqual(fields, ['birthDate.value', 'protection']);
          return true;
        },
      );
      await assert.rejects(
        store.create(
          'act',
          caseId,
          { eventId: event.id, victimId: 'per_0000000000AAAAAAAAAAAAAAAA', type: 'torture' },
          ACTOR,
        ),
        (err: unknown) => err instanceof InputError && err.issues[0]?.field === 'victimId',
      );
      await assert.rejects(
        store.create('person', 'cas_0000000000AAAAAAAAAAAAAAAA', { givenNames: 'X' }, ACTOR),
        NotFoundError,
      );
    });

    it('does not let a record reference another case file', async () => {
      const a = await seed(store);
      const other = await store.createCase({ title: 'Otro caso' }, ACTOR);
      const ev = await store.create('event', other.id, { title: 'Evento' }, ACTOR);
      await assert.rejects(
        store.create('act', other.id, { eventId: ev.id, victimId: a.victim.id, type: 'torture' }, ACTOR),
        InputError,
      );
    });

    it('commits a multi-record write whole or not at all', async () => {
      const { caseId } = await seed(store);
      const headBefore = await store.auditHead();
      const personsBefore = await store.count('person', caseId);
      await assert.rejects(
        store.transaction(async (s) => {
          await s.create('person', caseId, { givenNames: 'Uno' }, ACTOR);
          await s.create('person', caseId, { givenNames: 'Dos' }, ACTOR);
          throw new Error('crash in the middle');
        }),
        /crash in the middle/,
      );
      assert.equal(await store.count('person', caseId), personsBefore);
      assert.deepEqual(await store.auditHead(), headBefore);
      assert.equal((await store.verifyAudit()).ok, true);
    });

    it('imports a source list atomically and keeps a digest of its rows in the audit log', async () => {
      const { caseId } = await seed(store);
      const rows = Array.from({ length: 5000 }, (_, i) => ({
        rowNo: i + 2,
        recordId: `R${i}`,
        values: [`Nombre ${i}`, 'González'],
      }));
      const res = await store.importSourceList(
        caseId,
        { name: 'Lista ONG A', columns: ['given_names', 'first_surname'], rowCount: 0 },
        rows,
        ACTOR,
      );
      assert.equal(res.rows, 5000);
      assert.equal(res.list.body.rowCount, 5000);
      assert.match(res.rowsSha256, /^[0-9a-f]{64}$/);
      const page = await store.sourceRecords(res.list.id, { limit: 3 });
      assert.deepEqual(
        page.map((r) => r.recordId),
        ['R0', 'R1', 'R2'],
      );
      assert.deepEqual(page[1]!.data, { given_names: 'Nombre 1', first_surname: 'González' });
      const entries = await store.auditEntries({ caseId, limit: 10_000 });
      const imp = entries.find((e) => e.action === 'import');
      assert.equal(JSON.parse(imp!.after!).rowsSha256, res.rowsSha256);

      const listsBefore = await store.count('sourceList', caseId);
      const recordsBefore = await store.countSourceRecords(caseId);
      async function* failing() {
        for (let i = 0; i < 4500; i++) yield { rowNo: i + 2, recordId: `X${i}`, values: ['b'] };
        throw new Error('disk went away');
      }
      await assert.rejects(
        store.importSourceList(caseId, { name: 'Lista rota', columns: ['a'], rowCount: 0 }, failing(), ACTOR),
        /disk went away/,
      );
      assert.equal(await store.count('sourceList', caseId), listsBefore);
      assert.equal(await store.countSourceRecords(caseId), recordsBefore);
    });

    it('stores evidence encrypted, verifies it on read and logs custody', async () => {
      const { caseId } = await seed(store);
      const secret = Buffer.from('Acta de detención de María José Pérez — CONFIDENCIAL');
      const ev = await store.addEvidence(
        caseId,
        secret,
        {
          title: 'Acta',
          kind: 'document',
          mediaType: 'text/plain',
          acquisition: {
            by: 'Documentadora 1',
            at: '2019-03-01T10:00:00Z',
            method: 'entregado por la familia',
          },
        } as never,
        ACTOR,
      );
      assert.equal(ev.body.size, secret.length);
      const back = await store.readEvidence(ev.id, ACTOR);
      assert.deepEqual(back, secret);
      const custody = await store.custody(ev.id);
      // The stated collection (a documenter, 2019) and what the server saw (who stored it, now).
      assert.deepEqual(
        custody.map((c) => [c.action, c.actor]),
        [
          ['collected', 'Documentadora 1'],
          ['received', ACTOR],
          ['accessed', ACTOR],
        ],
      );
      assert.equal(custody[0]!.at, '2019-03-01T10:00:00Z');
      assert.ok(Date.now() - Date.parse(custody[1]!.at) < 3_600_000);
      // A collection "in the future" is refused, naming the field; nothing is stored.
      const before = await store.count('evidence', caseId);
      await assert.rejects(
        store.addEvidence(
          caseId,
          Buffer.from('x'),
          {
            title: 'Futuro',
            kind: 'document',
            mediaType: 'text/plain',
            acquisition: { by: ACTOR, at: '2999-01-01T00:00:00Z', method: 'x' },
          } as never,
          ACTOR,
        ),
        (e: Error & { issues?: { field: string }[] }) => e.issues?.[0]?.field === 'acquisition.at',
      );
      assert.equal(await store.count('evidence', caseId), before);

      // At rest the blob is ciphertext.
      const path = (store.blobs as BlobStore).pathFor(ev.body.sha256);
      const raw = readFileSync(path);
      assert.equal(raw.includes(Buffer.from('María José')), false);
      assert.equal(raw.includes(Buffer.from('CONFIDENCIAL')), false);

      // One flipped byte is detected, never returned.
      const flipped = Buffer.from(raw);
      flipped[flipped.length - 20]! ^= 0x01;
      writeFileSync(path, flipped);
      await assert.rejects(store.readEvidence(ev.id, ACTOR), IntegrityError);
      writeFileSync(path, raw.subarray(0, raw.length - 5));
      await assert.rejects(store.readEvidence(ev.id, ACTOR), IntegrityError);
      writeFileSync(path, raw);
      assert.deepEqual(await store.readEvidence(ev.id, ACTOR), secret);

      // Declared hash must match the bytes received.
      await assert.rejects(
        store.addEvidence(
          caseId,
          Buffer.from('x'),
          {
            title: 'x',
            kind: 'document',
            mediaType: 'text/plain',
            sha256: 'a'.repeat(64),
            acquisition: { by: 'a', at: '2019-03-01T10:00:00Z', method: 'm' },
          } as never,
          ACTOR,
        ),
        InputError,
      );
      // Large files stream through in chunks and come back identical.
      const big = Buffer.alloc(300_000, 7);
      big.write('tail', big.length - 4);
      const ev2 = await store.addEvidence(
        caseId,
        big,
        {
          title: 'big',
          kind: 'video',
          mediaType: 'video/mp4',
          acquisition: { by: 'a', at: '2019-03-01T10:00:00Z', method: 'm' },
        } as never,
        ACTOR,
      );
      assert.deepEqual(await store.readEvidence(ev2.id, ACTOR), big);
      assert.deepEqual(readdirSync(join(t.dataDir, 'blobs', 'tmp')), []);

      // Originals are never modified: metadata may change, the bytes they point to may not.
      const edited = await store.update('evidence', ev.id, { ...ev.body, title: 'Acta (revisada)' }, ACTOR);
      assert.equal(edited.body.sha256, ev.body.sha256);
      await assert.rejects(
        store.update('evidence', ev.id, { ...ev.body, sha256: ev2.body.sha256, size: ev2.body.size }, ACTOR),
        ConflictError,
      );
      // A derivative links to its original.
      const redacted = await store.addEvidence(
        caseId,
        Buffer.from('Acta de detención de [REDACTADO]'),
        {
          title: 'Acta (redactada)',
          kind: 'document',
          mediaType: 'text/plain',
          derivedFrom: ev.id,
          derivation: 'redacted',
          acquisition: { by: 'Analista', at: '2019-03-02T10:00:00Z', method: 'redacción manual' },
        } as never,
        ACTOR,
      );
      assert.equal(redacted.body.derivedFrom, ev.id);
    });

    it('detects an altered, removed, reordered or truncated audit entry and names it', async () => {
      await seed(store);
      const ok = await store.verifyAudit();
      assert.equal(ok.ok, true);
      assert.ok(ok.entries >= 5);
      const sql = store.db;
      const row = await sql.get<Record<string, unknown>>('SELECT * FROM audit_log WHERE seq = 3');

      await sql.run('UPDATE audit_log SET actor = ? WHERE seq = 3', ['user:mallory']);
      let v = await store.verifyAudit();
      assert.equal(v.ok, false);
      assert.equal(v.problem?.seq, 3);
      assert.equal(v.problem?.problem, 'altered');
      await sql.run('UPDATE audit_log SET actor = ? WHERE seq = 3', [row!.actor]);
      assert.equal((await store.verifyAudit()).ok, true);

      await sql.run('DELETE FROM audit_log WHERE seq = 3');
      v = await store.verifyAudit();
      assert.equal(v.problem?.problem, 'removed');
      assert.match(v.problem!.message, /entry 3 is missing/);
      await sql.run(
        'INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, case_id, before, after, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
          row!.seq,
          row!.at,
          row!.actor,
          row!.action,
          row!.entity,
          row!.entity_id,
          row!.case_id,
          row!.before,
          row!.after,
          row!.prev_hash,
          row!.hash,
        ],
      );
      assert.equal((await store.verifyAudit()).ok, true);

      // Reorder: swap entries 3 and 4, renumbering them so each looks in place.
      const r4 = await sql.get<Record<string, unknown>>('SELECT * FROM audit_log WHERE seq = 4');
      await sql.run('UPDATE audit_log SET seq = -1 WHERE seq = 3');
      await sql.run('UPDATE audit_log SET seq = 3 WHERE seq = 4');
      await sql.run('UPDATE audit_log SET seq = 4 WHERE seq = -1');
      v = await store.verifyAudit();
      assert.equal(v.ok, false);
      assert.equal(v.problem?.seq, 3);
      await sql.run('UPDATE audit_log SET seq = -1 WHERE seq = 3');
      await sql.run('UPDATE audit_log SET seq = 3 WHERE seq = 4');
      await sql.run('UPDATE audit_log SET seq = 4 WHERE seq = -1');
      assert.equal((await store.verifyAudit()).ok, true);
      assert.ok(r4);

      const head = await store.auditHead();
      const last = await sql.get<Record<string, unknown>>('SELECT * FROM audit_log WHERE seq = ?', [
        head.seq,
      ]);
      await sql.run('DELETE FROM audit_log WHERE seq = ?', [head.seq]);
      v = await store.verifyAudit();
      assert.equal(v.problem?.problem, 'truncated');
      await sql.run(
        'INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, case_id, before, after, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
          last!.seq,
          last!.at,
          last!.actor,
          last!.action,
          last!.entity,
          last!.entity_id,
          last!.case_id,
          last!.before,
          last!.after,
          last!.prev_hash,
          last!.hash,
        ],
      );
      assert.equal((await store.verifyAudit()).ok, true);
    });

    it('links list records to persons with provenance, keeps reviewer decisions and analyses', async () => {
      const { caseId, victim } = await seed(store);
      const rows = [1, 2, 3].map((i) => ({ rowNo: i + 1, recordId: `L${i}`, values: [`Nombre ${i}`] }));
      const a = await store.importSourceList(
        caseId,
        { name: 'A', columns: ['name'], rowCount: 0 },
        rows,
        ACTOR,
      );
      const b = await store.importSourceList(
        caseId,
        { name: 'B', columns: ['name'], rowCount: 0 },
        rows,
        ACTOR,
      );
      const n = await store.assignSourceRecords(
        caseId,
        [
          { listId: a.list.id, rowNo: 2, personId: victim.id },
          { listId: b.list.id, rowNo: 2, personId: victim.id },
        ],
        ACTOR,
        { method: 'test' },
      );
      assert.equal(n, 2);
      const recs = [
        ...(await store.sourceRecords(a.list.id)),
        ...(await store.sourceRecords(b.list.id)),
      ].filter((r) => r.personId);
      assert.deepEqual(
        recs.map((r) => [r.listId, r.rowNo, r.recordId]),
        [
          [a.list.id, 2, 'L1'],
          [b.list.id, 2, 'L1'],
        ],
      );
      await assert.rejects(
        store.assignSourceRecords(caseId, [{ listId: a.list.id, rowNo: 99, personId: victim.id }], ACTOR),
        InputError,
      );

      await store.recordLinkDecision(
        caseId,
        { listId: b.list.id, rowNo: 3 },
        { listId: a.list.id, rowNo: 3 },
        'must-link',
        ACTOR,
      );
      await store.recordLinkDecision(
        caseId,
        { listId: a.list.id, rowNo: 3 },
        { listId: b.list.id, rowNo: 3 },
        'cannot-link',
        ACTOR,
        'different mothers',
      );
      const d = await store.linkDecisions(caseId);
      assert.equal(d.length, 1, 'the later decision on the same pair supersedes the earlier one');
      assert.equal(d[0]!.decision, 'cannot-link');
      await assert.rejects(
        store.recordLinkDecision(
          caseId,
          { listId: a.list.id, rowNo: 3 },
          { listId: b.list.id, rowNo: 42 },
          'must-link',
          ACTOR,
        ),
        InputError,
      );

      const id = await store.saveAnalysis(
        caseId,
        'estimate',
        'f'.repeat(64),
        { method: 'lcmcr', seed: 1 },
        { estimate: 1234 },
        ACTOR,
      );
      const got = await store.analyses(caseId, 'estimate');
      assert.deepEqual(
        got.map((x) => [x.id, x.inputsSha256, x.result]),
        [[id, 'f'.repeat(64), { estimate: 1234 }]],
      );
      assert.equal((await store.verifyAudit()).ok, true);
    });

    it('searches one case file only, with the same results on both engines', async () => {
      const a = await store.createCase({ title: 'A' }, ACTOR);
      const b = await store.createCase({ title: 'B' }, ACTOR);
      for (const c of [a, b]) {
        await store.create(
          'event',
          c.id,
          { title: `Detención masiva en Barquisimeto (${c.body.title})`, date: day('2018-01-10') },
          ACTOR,
        );
        await store.create('event', c.id, { title: 'Protesta estudiantil', date: day('2017-04-10') }, ACTOR);
      }
      const { queryTerms } = await import('../search/text.js');
      const run = (caseId: string, q: string, filters = {}) =>
        store.search({
          caseId,
          terms: queryTerms(q),
          tier: 'member',
          clearedPersons: [],
          filters,
          limit: 10,
          offset: 0,
        });
      const ra = await run(a.id, 'detenciones barquisimeto');
      assert.equal(ra.total, 1);
      const rec = await store.get('event', ra.hits[0]!.recordId);
      assert.equal(rec?.caseId, a.id, 'no hit from another case file');
      assert.equal((await run(b.id, 'protesta', { yearFrom: 2017, yearTo: 2017 })).total, 1);
      assert.equal((await run(b.id, 'protesta', { yearFrom: 2018 })).total, 0);
      assert.deepEqual((await run(a.id, 'protesta')).facets.year, [{ value: '2017', count: 1 }]);
    });

    it('refuses a wrong passphrase clearly', async () => {
      await assert.rejects(
        openStore({
          dataDir: t.dataDir,
          databaseUrl: t.databaseUrl,
          key: { kind: 'passphrase', passphrase: 'not the passphrase at all' },
        }),
        (err: unknown) => err instanceof KeyError && /wrong passphrase/.test(err.message),
      );
      const again = await t.reopen();
      assert.ok((await again.listCases()).length > 0);
    });
  });
}
