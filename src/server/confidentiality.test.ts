/**
 * Regression tests for the findings of issue 15 (an attacker with ordinary accounts), on both
 * engines. Each test names its finding; each failed on the code before the read model.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { linkCaseFile } from '../store/case-linkage.js';
import { addMembers, requestAs } from '../test-support/members.js';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import { createApp } from './app.js';

const day = (value: string) => ({ precision: 'day' as const, value });
const A = 'user:setup';
/** Forms of the protected person's identity that must never reach an uncleared reader. */
const FORBIDDEN = [/Carrasquel/i, /Yusleidy/i, /18[.]?765[.]?432/, /0414-5550000/];
const leaks = (text: string) => FORBIDDEN.filter((r) => r.test(text)).map(String);

for (const backend of BACKENDS) {
  describe(`confidentiality findings of issue 15 (${backend.name})`, () => {
    let t: TestStore;
    let app: ReturnType<typeof createApp>;
    let caseId: string;
    const ids: Record<string, string> = {};
    const tokens: Record<string, string> = {};
    const users: Record<string, string> = {};

    before(async () => {
      t = await backend.open();
      const s = t.store;
      caseId = (await s.createCase({ title: 'Confidencialidad' }, A)).id;
      const create = async (kind: string, body: object) =>
        (await s.create(kind as never, caseId, body, A)).id;
      ids.P = await create('person', {
        givenNames: 'Yusleidy Andreína',
        firstSurname: 'Carrasquel',
        secondSurname: 'Oropeza',
        aliases: ['Yus'],
        documents: [{ type: 'cedula_venezolana', number: 'V-18.765.432' }],
        contact: '0414-5550000',
        protection: 'protected',
      });
      ids.R = await create('person', {
        givenNames: 'Wilmer',
        firstSurname: 'Restrepo',
        occupation: 'vecino de Carrasquel, Yusleidy',
        notes: 'Conoce a Y. Carrasquel y a "Yus" desde 2010; cédula 18765432.',
        protection: 'restricted',
      });
      ids.D = await create('person', {
        givenNames: 'Marbelis',
        firstSurname: 'Quintanilla',
        documents: [{ type: 'cedula_venezolana', number: '20111222' }],
        protection: 'protected',
      });
      ids.ev = await create('event', {
        title: 'Allanamiento',
        date: day('2017-05-03'),
        description: 'Se llevaron a Marbelis Quintanilla y a Carrasquel Oropeza.',
      });
      await s.remove('person', ids.D, A, 'duplicado');
      ids.tP = await create('testimony', {
        title: 'Relato reservado de la testigo',
        statement: 'Yusleidy Carrasquel fue detenida.',
        language: 'es',
        consent: 'courts',
        protection: 'protected',
        witnessId: ids.P,
      });
      ids.h = await create('hearing', {
        title: 'Sesión reservada',
        date: day('2018-01-10'),
        participants: [{ personId: ids.P, role: 'witness' }],
        transcript: 'Se leyó el "Relato reservado de la testigo".',
      });
      await s.transaction(async (x) => {
        await x.update(
          'testimony',
          ids.tP!,
          { ...(await x.get('testimony', ids.tP!))!.body, hearingId: ids.h },
          A,
        );
      });
      ids.src = await create('source', {
        name: 'Yusleidy Carrasquel',
        kind: 'person',
        protection: 'protected',
      });
      // An organization's list naming the protected person, and its original file as evidence.
      const csv = 'record_id,given_names,first_surname,document_id\n1,Yusleidy,Carrasquel,18765432\n';
      const sha = createHash('sha256').update(csv).digest('hex');
      const list = await s.importSourceList(
        caseId,
        {
          name: 'Lista ONG',
          fileName: 'ong.csv',
          sha256: sha,
          columns: ['given_names', 'first_surname', 'document_id'],
          rowCount: 1,
        },
        [{ rowNo: 1, recordId: '1', values: ['Yusleidy', 'Carrasquel', '18765432'] }],
        A,
      );
      ids.list = list.list.id;
      ids.listFile = (
        await s.addEvidence(
          caseId,
          Buffer.from(csv),
          {
            title: 'Lista ONG (original)',
            kind: 'document',
            mediaType: 'text/csv',
            acquisition: { by: 'ONG', at: '2020-01-01T00:00:00Z', method: 'entregada' },
            protection: 'restricted',
          } as never,
          A,
        )
      ).id;
      ids.evP = (
        await s.addEvidence(
          caseId,
          Buffer.from('foto'),
          {
            title: 'Foto reservada',
            kind: 'photo',
            mediaType: 'application/octet-stream',
            acquisition: { by: 'ONG', at: '2020-01-01T00:00:00Z', method: 'entregada' },
            protection: 'protected',
          } as never,
          A,
        )
      ).id;

      const members = await addMembers(
        s,
        caseId,
        [
          ['admin', 'administrator', true],
          ['admin-uncleared', 'administrator', false],
          ['documenter', 'documenter', false],
          ['analyst', 'analyst', false],
          ['panelist', 'panelist', false],
          ['viewer', 'viewer', false],
        ],
        { actor: A },
      );
      Object.assign(tokens, members.tokens);
      Object.assign(users, members.users);
      app = createApp(s, { loginAttempts: 10 });
    });
    after(async () => t?.dispose());

    const req = async (method: string, path: string, who: string, body?: unknown) => {
      const r = await requestAs(app, tokens[who], method, path, body);
      return { status: r.status, text: await r.text() };
    };
    const uncleared = ['admin-uncleared', 'documenter', 'analyst', 'panelist', 'viewer'];

    it('finding 1: a filter on a surname does not single out a protected person', async () => {
      for (const who of uncleared) {
        const hit = JSON.parse(
          (await req('GET', `/api/cases/${caseId}/records/persons?firstSurname=Carrasquel`, who)).text,
        );
        const miss = JSON.parse(
          (await req('GET', `/api/cases/${caseId}/records/persons?firstSurname=Zzyzx`, who)).text,
        );
        assert.equal(hit.total, miss.total, who);
        assert.deepEqual(hit.items, miss.items, who);
      }
      const cleared = JSON.parse(
        (await req('GET', `/api/cases/${caseId}/records/persons?firstSurname=Carrasquel`, 'admin')).text,
      );
      assert.equal(cleared.total, 1);
    });

    it('finding 2: a list’s original file is as protected as its rows; withheld rows keep no ids', async () => {
      for (const who of ['analyst', 'panelist', 'documenter', 'admin-uncleared']) {
        const file = await req('GET', `/api/cases/${caseId}/evidence/${ids.listFile}/content`, who);
        assert.equal(file.status, 403, who);
        const rows = await req('GET', `/api/cases/${caseId}/source-lists/${ids.list}/records`, who);
        assert.equal(rows.status, 200, who);
        assert.deepEqual(leaks(rows.text), [], who);
        const item = JSON.parse(rows.text).items[0];
        assert.equal(item.withheld, true);
        assert.equal(item.recordId, undefined);
        assert.equal(item.personId, undefined);
      }
      assert.equal(
        (await req('GET', `/api/cases/${caseId}/evidence/${ids.listFile}/content`, 'admin')).status,
        200,
      );
    });

    it('finding 3: an uncleared member cannot lower a protection, nor write what they may not read', async () => {
      const ev = await req('PUT', `/api/cases/${caseId}/records/evidence/${ids.evP}`, 'documenter', {
        title: 'x',
        kind: 'photo',
        sha256: createHash('sha256').update('foto').digest('hex'),
        size: 4,
        mediaType: 'application/octet-stream',
        acquisition: { by: 'ONG', at: '2020-01-01T00:00:00Z', method: 'entregada' },
        protection: 'public',
      });
      assert.equal(ev.status, 403);
      const tes = await req('PUT', `/api/cases/${caseId}/records/testimonies/${ids.tP}`, 'documenter', {
        title: 'sobrescrito',
        statement: 'nada',
        language: 'es',
        consent: 'public',
        protection: 'public',
      });
      assert.equal(tes.status, 403);
      assert.equal(
        (await req('GET', `/api/cases/${caseId}/evidence/${ids.evP}/content`, 'documenter')).status,
        403,
      );
      const del = await req(
        'DELETE',
        `/api/cases/${caseId}/records/testimonies/${ids.tP}`,
        'admin-uncleared',
      );
      assert.equal(del.status, 403);
    });

    it('finding 4: a hearing with a protected witness is withheld from those not cleared', async () => {
      for (const who of uncleared) {
        const h = await req('GET', `/api/cases/${caseId}/records/hearings/${ids.h}`, who);
        assert.equal(h.status, 200);
        assert.doesNotMatch(h.text, /Relato reservado|Sesión reservada/, who);
        assert.equal(JSON.parse(h.text).withheld, true);
      }
      assert.match(
        (await req('GET', `/api/cases/${caseId}/records/hearings/${ids.h}`, 'admin')).text,
        /Relato reservado/,
      );
    });

    it('finding 5: what a member typed comes back as typed, never as a pseudonym that confirms a guess', async () => {
      const typed = 'Interrogaron a Yusleidy Carrasquel en el SEBIN.';
      const r = await req('POST', `/api/cases/${caseId}/records/events`, 'documenter', {
        title: 'Interrogatorio',
        date: day('2017-06-01'),
        description: typed,
      });
      assert.equal(r.status, 201);
      const made = JSON.parse(r.text);
      assert.equal(made.description, typed);
      const later = JSON.parse(
        (await req('GET', `/api/cases/${caseId}/records/events/${made.id}`, 'documenter')).text,
      );
      assert.equal(later.description, typed);
      // Someone else reading it sees no name.
      assert.deepEqual(
        leaks((await req('GET', `/api/cases/${caseId}/records/events/${made.id}`, 'analyst')).text),
        [],
      );
    });

    it('finding 5 holds for a detention period’s notes: its author reads them as typed', async () => {
      const held = await t.store.create('person', caseId, { givenNames: 'Luis', firstSurname: 'Pérez' }, A);
      const typed = 'Compartió celda con Yusleidy Carrasquel.';
      const r = await req('POST', `/api/cases/${caseId}/records/detention-periods`, 'documenter', {
        personId: held.id,
        status: 'detained',
        from: day('2017-06-02'),
        notes: typed,
      });
      assert.equal(r.status, 201, r.text);
      const made = JSON.parse(r.text);
      assert.equal(made.notes, typed);
      const later = JSON.parse(
        (await req('GET', `/api/cases/${caseId}/records/detention-periods/${made.id}`, 'documenter')).text,
      );
      assert.equal(later.notes, typed);
      assert.deepEqual(
        leaks(
          (await req('GET', `/api/cases/${caseId}/records/detention-periods/${made.id}`, 'analyst')).text,
        ),
        [],
      );
    });

    it('finding 6: a person created by linkage from a protected person’s document is protected', async () => {
      // The deleted protected person's document appears in a list: the new person inherits protection.
      const list2 = await t.store.importSourceList(
        caseId,
        { name: 'Lista 2', columns: ['given_names', 'first_surname', 'document_id'], rowCount: 1 },
        [{ rowNo: 1, recordId: 'a', values: ['Marbelis', 'Quintanilla', '20111222'] }],
        A,
      );
      await linkCaseFile(t.store, caseId, A, { seed: 1 });
      const [row] = await t.store.sourceRecords(list2.list.id, { limit: 1 });
      assert.ok(row?.personId);
      assert.equal((await t.store.get('person', row.personId))?.body.protection, 'protected');
    });

    it('findings 7, 8, 9: free text of visible records, deleted persons and the usual name forms are redacted', async () => {
      for (const who of ['analyst', 'panelist', 'documenter', 'viewer']) {
        const r = await req('GET', `/api/cases/${caseId}/records/persons/${ids.R}`, who);
        assert.deepEqual(leaks(r.text), [], who);
        const ev = await req('GET', `/api/cases/${caseId}/records/events/${ids.ev}`, who);
        assert.doesNotMatch(ev.text, /Quintanilla|Marbelis/, who);
        assert.deepEqual(leaks(ev.text), [], who);
      }
      assert.match(
        (await req('GET', `/api/cases/${caseId}/records/persons/${ids.R}`, 'admin')).text,
        /Carrasquel/,
      );
    });

    it('finding 10: the audit log read by an uncleared administrator goes through the read model', async () => {
      const r = await req('GET', `/api/cases/${caseId}/audit?limit=1000`, 'admin-uncleared');
      assert.equal(r.status, 200);
      assert.deepEqual(leaks(r.text), []);
      assert.doesNotMatch(r.text, /Foto reservada|Relato reservado/);
      assert.match(
        (await req('GET', `/api/cases/${caseId}/audit?limit=1000`, 'admin')).text,
        /Foto reservada/,
      );
    });

    it('finding 11: submissions have one definition of what is sensitive', async () => {
      await t.store.create(
        'submission',
        caseId,
        {
          receipt: 'ABCD-1234',
          kind: 'testimony',
          text: 'Secuestraron a mi hermana en Petare',
          when: 'marzo de 2019',
          where: 'Petare',
          language: 'es',
          consent: 'courts',
          anonymous: false,
          name: 'Remitente Reservado',
          receivedAt: '2026-01-01T00:00:00Z',
          status: 'accepted',
          spamProbability: 0,
          classifierExamples: 0,
          protection: 'protected',
        },
        'public',
      );
      const q = await req('GET', `/api/cases/${caseId}/submissions?status=accepted`, 'documenter');
      assert.equal(q.status, 200);
      assert.doesNotMatch(q.text, /hermana|Petare|marzo de 2019|Remitente/);
      const exp = await req('GET', `/api/cases/${caseId}/export`, 'analyst');
      assert.doesNotMatch(exp.text, /hermana|Petare|marzo de 2019|Remitente/);
    });

    it('finding 12: no self-clearance; name-ordered kinds are not ordered by hidden names', async () => {
      const self = await req(
        'PUT',
        `/api/cases/${caseId}/members/${users['admin-uncleared']}/clearance`,
        'admin-uncleared',
        {
          cleared: true,
        },
      );
      assert.equal(self.status, 403);
      const other = await req('PUT', `/api/cases/${caseId}/members/${users.documenter}/clearance`, 'admin', {
        cleared: false,
      });
      assert.equal(other.status, 200);
      await t.store.create(
        'source',
        caseId,
        { name: 'Aaron Abreu', kind: 'person', protection: 'protected' },
        A,
      );
      const list = JSON.parse((await req('GET', `/api/cases/${caseId}/records/sources`, 'viewer')).text);
      const created = [...list.items].sort((a, b) =>
        a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1,
      );
      assert.deepEqual(
        list.items.map((x: { id: string }) => x.id),
        created.map((x) => x.id),
      );
    });

    it('an edit by a member who read the text redacted keeps the hidden names as stored', async () => {
      const got = JSON.parse(
        (await req('GET', `/api/cases/${caseId}/records/persons/${ids.R}`, 'documenter')).text,
      );
      assert.deepEqual(leaks(JSON.stringify(got)), []);
      const {
        id,
        caseId: _c,
        kind,
        version,
        createdAt,
        updatedAt,
        displayName,
        pseudonymised,
        ...body
      } = got;
      const put = await req('PUT', `/api/cases/${caseId}/records/persons/${ids.R}`, 'documenter', {
        ...body,
        notes: `${body.notes} Actualizado en 2021.`,
      });
      assert.equal(put.status, 200, put.text);
      const stored = (await t.store.get('person', ids.R!))!.body;
      assert.match(
        stored.notes ?? '',
        /^Conoce a Y\. Carrasquel y a "Yus" desde 2010; cédula 18765432\. Actualizado en 2021\.$/,
      );
      assert.equal(stored.occupation, 'vecino de Carrasquel, Yusleidy');
      assert.deepEqual(
        leaks((await req('GET', `/api/cases/${caseId}/records/persons/${ids.R}`, 'analyst')).text),
        [],
      );
    });

    it('search: a protected identity in any of its forms is neither matched nor shown', async () => {
      for (const who of uncleared)
        for (const q of ['Carrasquel', 'Yusleidy', '18765432', 'Oropeza']) {
          const r = await req('GET', `/api/cases/${caseId}/search?q=${encodeURIComponent(q)}`, who);
          assert.deepEqual(leaks(r.text), [], `${who} ${q}`);
        }
    });
  });
}
