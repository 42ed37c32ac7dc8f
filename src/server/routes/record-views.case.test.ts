/**
 * The record screens' API on both engines: list rows carry the labels of what they reference,
 * a filtered list exports (CSV, XLSX) exactly the rows the list shows and through the same
 * redaction, a record's history shows its versions with their changes (never an identity that is
 * protected now), and saved filters belong to their author alone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { Accounts } from '../../services/accounts.js';
import { addMembers, requestAs } from '../../test-support/members.js';
import { BACKENDS, type TestStore } from '../../test-support/stores.js';
import { createApp } from '../app.js';

const PW = 'una contraseña larga de prueba';
const A = 'user:setup';
const day = (value: string) => ({ precision: 'day' as const, value });
const HIDDEN = /Carrasquel|Yusleidy/i;

for (const backend of BACKENDS) {
  describe(`record views: labels, export, history, saved filters (${backend.name})`, () => {
    let t: TestStore;
    let app: ReturnType<typeof createApp>;
    let caseId: string;
    const ids: Record<string, string> = {};
    const tokens: Record<string, string> = {};

    before(async () => {
      t = await backend.open();
      const s = t.store;
      caseId = (await s.createCase({ title: 'Vistas' }, A)).id;
      const create = async (kind: string, body: object) =>
        (await s.create(kind as never, caseId, body, A)).id;
      ids.P = await create('person', {
        givenNames: 'Yusleidy',
        firstSurname: 'Carrasquel',
        protection: 'protected',
      });
      ids.Q = await create('person', {
        givenNames: 'Wilmer',
        firstSurname: 'Restrepo',
        protection: 'public',
      });
      ids.pl = await create('place', { name: 'El Helicoide', kind: 'detention_site', stateCode: 'VE-S' });
      ids.u = await create('unit', { name: 'SEBIN', kind: 'intelligence_service' });
      ids.ev = await create('event', { title: 'Allanamiento', date: day('2017-05-03'), placeId: ids.pl });
      ids.a1 = await create('act', { eventId: ids.ev, victimId: ids.P, type: 'torture', placeId: ids.pl });
      ids.a2 = await create('act', {
        eventId: ids.ev,
        victimId: ids.Q,
        type: 'torture',
        notes: '=HYPERLINK("x")',
      });
      ids.a3 = await create('act', { eventId: ids.ev, victimId: ids.Q, type: 'arbitrary_detention' });
      await create('involvement', { actId: ids.a1, unitId: ids.u, degree: 'directly_carried_out' });
      // A person public at first, then raised to protected: the old public version must not show.
      ids.R = await create('person', {
        givenNames: 'Nairobis',
        firstSurname: 'Quevedo',
        protection: 'public',
      });
      const r = (await s.get('person', ids.R))!;
      await s.update('person', ids.R, { ...r.body, occupation: 'docente' }, A);
      const r2 = (await s.get('person', ids.R))!;
      await s.update('person', ids.R, { ...r2.body, protection: 'protected' }, A);

      const members = await addMembers(
        s,
        caseId,
        [
          ['admin', 'administrator', true],
          ['analyst', 'analyst', false],
          ['documenter', 'documenter', false],
          ['viewer', 'viewer', false],
        ],
        { actor: A, displayName: (name) => `Sr. ${name}` },
      );
      Object.assign(tokens, members.tokens);
      app = createApp(s, { loginAttempts: 10 });
    });
    after(async () => t?.dispose());

    const req = async (method: string, path: string, who: string, body?: unknown) => {
      const r = await requestAs(app, tokens[who], method, path, body);
      const bytes = new Uint8Array(await r.arrayBuffer());
      return { status: r.status, text: new TextDecoder().decode(bytes), bytes, headers: r.headers };
    };
    const json = async (path: string, who: string) => {
      const r = await req('GET', path, who);
      assert.equal(r.status, 200, `${who} ${path}: ${r.text}`);
      return JSON.parse(r.text);
    };

    it('list rows carry the labels of what they reference, redacted like the records', async () => {
      const cleared = await json(`/api/cases/${caseId}/records/acts?limit=50`, 'admin');
      assert.equal(cleared.labels[ids.P!].label, 'Yusleidy Carrasquel');
      assert.equal(cleared.labels[ids.pl!].label, 'El Helicoide');
      assert.equal(cleared.labels[ids.ev!].label, 'Allanamiento');
      for (const who of ['analyst', 'viewer', 'documenter']) {
        const r = await req('GET', `/api/cases/${caseId}/records/acts?limit=50`, who);
        assert.doesNotMatch(r.text, HIDDEN, who);
        const page = JSON.parse(r.text);
        assert.match(page.labels[ids.P!].label, /^Persona /, who);
        assert.equal(page.labels[ids.Q!].label, 'Wilmer Restrepo', who);
      }
    });

    it('event rows say who did what to whom (victims, perpetrator units, act types)', async () => {
      const page = await json(`/api/cases/${caseId}/records/events?lang=en`, 'analyst');
      const s = page.summaries[ids.ev!];
      assert.deepEqual(s.victims.map((v: { id: string }) => v.id).sort(), [ids.P, ids.Q].sort());
      assert.deepEqual(s.perpetrators, [{ id: ids.u, kind: 'unit', label: 'SEBIN' }]);
      assert.equal(s.actTypes.length, 2);
      assert.doesNotMatch(JSON.stringify(page), HIDDEN);
    });

    it('a CSV export holds exactly the rows of the filtered list, in its order, redacted', async () => {
      const list = await json(
        `/api/cases/${caseId}/records/acts?type=torture&sort=created&order=desc&limit=500`,
        'analyst',
      );
      const r = await req(
        'GET',
        `/api/cases/${caseId}/export/acts?type=torture&sort=created&order=desc`,
        'analyst',
      );
      assert.equal(r.status, 200, r.text);
      assert.match(r.headers.get('content-type') ?? '', /text\/csv/);
      assert.doesNotMatch(r.text, HIDDEN);
      const [head, ...rows] = parse(r.text.replace(/^\ufeff/, '')) as string[][];
      assert.deepEqual(
        rows.map((row) => row[head!.indexOf('id')]),
        list.items.map((i: { id: string }) => i.id),
      );
      assert.equal(rows.length, 2);
      const victimLabel = head!.indexOf('victimId.label');
      assert.ok(victimLabel > 0);
      assert.ok(rows.some((row) => row[victimLabel] === 'Wilmer Restrepo'));
      assert.ok(rows.some((row) => /^Persona /.test(row[victimLabel]!)));
      // A cell that would start a formula in a spreadsheet is written as text.
      assert.ok(rows.some((row) => row.includes(`'=HYPERLINK("x")`)));
      // The cleared administrator's export names the protected victim.
      const full = await req('GET', `/api/cases/${caseId}/export/acts?type=torture`, 'admin');
      assert.match(full.text, /Yusleidy Carrasquel/);
    });

    it('an XLSX export has the same rows as the CSV export', async () => {
      const csv = await req('GET', `/api/cases/${caseId}/export/persons?format=csv`, 'analyst');
      const x = await req('GET', `/api/cases/${caseId}/export/persons?format=xlsx`, 'analyst');
      assert.equal(x.status, 200);
      const { readSheet } = await import('read-excel-file/node');
      const sheet = (await readSheet(Buffer.from(x.bytes))) as unknown[][];
      const fromCsv = parse(csv.text.replace(/^\ufeff/, '')) as string[][];
      assert.deepEqual(
        sheet.map((row) => row.map((v) => (v === null ? '' : String(v)))),
        fromCsv,
      );
      assert.doesNotMatch(Buffer.from(x.bytes).toString('latin1'), HIDDEN);
    });

    it('a body field named like the presentation (a place’s own kind) is exported and diffed', async () => {
      const r = await req('GET', `/api/cases/${caseId}/export/places`, 'analyst');
      const [head, ...rows] = parse(r.text.replace(/^\ufeff/, '')) as string[][];
      assert.equal(rows[0]![head!.indexOf('kind')], 'detention_site');
      const h = await json(`/api/cases/${caseId}/records/places/${ids.pl}/history`, 'analyst');
      assert.ok(h.versions[0].changes.some((c: { field: string }) => c.field === 'kind'));
    });

    it('search pages through every hit and names what each hit references, redacted like the records', async () => {
      const q = `/api/cases/${caseId}/search?q=tortura&lang=en`;
      const all = await json(`${q}&limit=100`, 'analyst');
      assert.equal(all.total, 2);
      const pages = [
        ...(await json(`${q}&limit=1&offset=0`, 'analyst')).items,
        ...(await json(`${q}&limit=1&offset=1`, 'analyst')).items,
      ];
      assert.deepEqual(
        pages.map((h: { record: { id: string } }) => h.record.id),
        all.items.map((h: { record: { id: string } }) => h.record.id),
      );
      // Facet values as words in the reader's language: no "VE-S", no act-type code.
      assert.equal(all.facetLabels.state_code['VE-S'], 'Táchira');
      assert.equal(all.facetLabels.act_type.torture, 'Torture');
      assert.equal(all.labels[ids.pl!].label, 'El Helicoide');
      assert.equal(all.labels[ids.Q!].label, 'Wilmer Restrepo');
      assert.match(all.labels[ids.P!].label, /^Persona /);
      assert.doesNotMatch(JSON.stringify(all), HIDDEN);
      const cleared = await json(`${q}&limit=100`, 'admin');
      assert.equal(cleared.labels[ids.P!].label, 'Yusleidy Carrasquel');
    });

    it('list exports: documenters, analysts and administrators (not viewers), a known format', async () => {
      assert.equal((await req('GET', `/api/cases/${caseId}/export/acts`, 'viewer')).status, 403);
      // A documenter's export is the documenter's list: same rows, same order, same redaction.
      const list = await json(`/api/cases/${caseId}/records/acts?sort=created&limit=500`, 'documenter');
      const r = await req('GET', `/api/cases/${caseId}/export/acts?sort=created`, 'documenter');
      assert.equal(r.status, 200, r.text);
      assert.doesNotMatch(r.text, HIDDEN);
      const [head, ...rows] = parse(r.text.replace(/^\ufeff/, '')) as string[][];
      assert.deepEqual(
        rows.map((row) => row[head!.indexOf('id')]),
        list.items.map((i: { id: string }) => i.id),
      );
      // The whole case file stays with administrators and analysts.
      assert.equal((await req('GET', `/api/cases/${caseId}/export`, 'documenter')).status, 403);
      assert.equal((await req('GET', `/api/cases/${caseId}/export/acts?format=pdf`, 'analyst')).status, 400);
      assert.equal((await req('GET', `/api/cases/${caseId}/export/submissions`, 'admin')).status, 403);
    });

    it('history: versions with their changes; writers see who, readers do not', async () => {
      const h = await json(`/api/cases/${caseId}/records/acts/${ids.a2}/history`, 'documenter');
      assert.deepEqual(
        h.versions.map((v: { action: string }) => v.action),
        ['create'],
      );
      const r = await req('PUT', `/api/cases/${caseId}/records/acts/${ids.a2}`, 'documenter', {
        eventId: ids.ev,
        victimId: ids.Q,
        type: 'torture',
        outcome: 'lesiones',
      });
      assert.equal(r.status, 200, r.text);
      const h2 = await json(`/api/cases/${caseId}/records/acts/${ids.a2}/history`, 'documenter');
      const last = h2.versions.at(-1);
      assert.equal(last.action, 'update');
      assert.equal(last.actor, 'Sr. documenter');
      assert.deepEqual(last.changes.map((c: { field: string }) => c.field).sort(), ['notes', 'outcome']);
      assert.deepEqual(
        last.changes.find((c: { field: string }) => c.field === 'outcome'),
        { field: 'outcome', after: 'lesiones' },
      );
      const asViewer = await json(`/api/cases/${caseId}/records/acts/${ids.a2}/history`, 'viewer');
      assert.equal(asViewer.versions.at(-1).actor, undefined);
      assert.equal(asViewer.versions.at(-1).changes.length, 2);
    });

    it('history never shows an identity protected now, not even in versions from when it was public', async () => {
      for (const who of ['analyst', 'documenter', 'viewer']) {
        const r = await req('GET', `/api/cases/${caseId}/records/persons/${ids.R}/history`, who);
        assert.equal(r.status, 200);
        assert.doesNotMatch(r.text, /Nairobis|Quevedo/, who);
        const h = JSON.parse(r.text);
        assert.equal(h.versions.length, 3);
        assert.ok(
          h.versions.every((v: { withheld?: boolean }) => v.withheld),
          who,
        );
      }
      const cleared = await json(`/api/cases/${caseId}/records/persons/${ids.R}/history`, 'admin');
      assert.equal(cleared.versions[0].record.displayName, 'Nairobis Quevedo');
      assert.deepEqual(
        cleared.versions[1].changes.map((c: { field: string }) => c.field),
        ['occupation'],
      );
    });

    it('administrators list deleted records and restore one (audited, searchable again); no one else may', async () => {
      const ev = await t.store.create(
        'event',
        caseId,
        { title: 'Retén de Cochecito', date: day('2018-02-01') },
        A,
      );
      const person = await t.store.create(
        'person',
        caseId,
        { givenNames: 'Odalis', protection: 'public' },
        A,
      );
      const act = await t.store.create(
        'act',
        caseId,
        { eventId: ev.id, victimId: person.id, type: 'torture' },
        A,
      );
      await t.store.remove('act', act.id, A);
      await t.store.remove('event', ev.id, A, 'duplicado');
      await t.store.remove('person', person.id, A);
      const deleted = await json(`/api/cases/${caseId}/deleted/events`, 'admin');
      assert.deepEqual(
        deleted.items.map((r: { id: string }) => r.id),
        [ev.id],
      );
      assert.equal(deleted.total, 1);
      assert.ok(deleted.items[0].deletedAt);
      for (const who of ['analyst', 'documenter', 'viewer']) {
        assert.equal((await req('GET', `/api/cases/${caseId}/deleted/events`, who)).status, 403, who);
        assert.equal(
          (await req('POST', `/api/cases/${caseId}/records/events/${ev.id}/restore`, who, {})).status,
          403,
          who,
        );
      }
      assert.equal((await json(`/api/cases/${caseId}/search?q=Cochecito`, 'admin')).total, 0);
      // An act whose victim is still deleted cannot come back first: no reference to a deleted record.
      const refused = await req('POST', `/api/cases/${caseId}/records/acts/${act.id}/restore`, 'admin', {});
      assert.equal(refused.status, 400, refused.text);
      assert.match(refused.text, /victimId/);
      const r = await req('POST', `/api/cases/${caseId}/records/events/${ev.id}/restore`, 'admin', {
        reason: 'borrado por error',
      });
      assert.equal(r.status, 200, r.text);
      assert.equal(JSON.parse(r.text).title, 'Retén de Cochecito');
      assert.equal((await t.store.get('event', ev.id))?.id, ev.id);
      assert.equal((await json(`/api/cases/${caseId}/search?q=Cochecito`, 'admin')).total, 1);
      assert.equal((await json(`/api/cases/${caseId}/deleted/events`, 'admin')).total, 0);
      const again = await req('POST', `/api/cases/${caseId}/records/events/${ev.id}/restore`, 'admin', {});
      assert.equal(again.status, 409);
      const h = await json(`/api/cases/${caseId}/records/events/${ev.id}/history`, 'admin');
      assert.deepEqual(
        h.versions.map((v: { action: string }) => v.action),
        ['create', 'delete', 'restore'],
      );
      assert.equal(h.versions[2].actor, 'Sr. admin');
      assert.equal(h.versions[2].record.title, 'Retén de Cochecito');
      // Once the victim is back, so can the act be.
      await req('POST', `/api/cases/${caseId}/records/persons/${person.id}/restore`, 'admin', {});
      const ok = await req('POST', `/api/cases/${caseId}/records/acts/${act.id}/restore`, 'admin', {});
      assert.equal(ok.status, 200, ok.text);
    });

    it('a deleted protected person is listed under its pseudonym and cannot be restored by the uncleared', async () => {
      const p = await t.store.create(
        'person',
        caseId,
        { givenNames: 'Yusleidy', firstSurname: 'Borrada', protection: 'protected' },
        A,
      );
      await t.store.remove('person', p.id, A);
      const cleared = await json(`/api/cases/${caseId}/deleted/persons`, 'admin');
      assert.ok(cleared.items.some((r: { displayName: string }) => r.displayName === 'Yusleidy Borrada'));
      // The same administrator without clearance: pseudonym only, and no restore.
      const accounts = new Accounts(t.store);
      const u = await accounts.createUser(
        { username: 'admin2', password: PW, displayName: 'Sra. admin2' },
        A,
      );
      await accounts.setMember(caseId, u.id, 'administrator', A);
      tokens.admin2 = (await accounts.createToken(u.id, 'admin2', 'write', A)).token;
      const r = await req('GET', `/api/cases/${caseId}/deleted/persons`, 'admin2');
      assert.equal(r.status, 200);
      assert.doesNotMatch(r.text, HIDDEN);
      assert.doesNotMatch(r.text, /Borrada/);
      assert.equal(
        (await req('POST', `/api/cases/${caseId}/records/persons/${p.id}/restore`, 'admin2', {})).status,
        403,
      );
      assert.equal((await t.store.get('person', p.id))?.id, undefined);
    });

    it('a person’s and an evidence item’s citing testimonies and evidence, redacted like the records', async () => {
      const s = t.store;
      const photo = await s.addEvidence(
        caseId,
        Buffer.from('foto de prueba'),
        {
          title: 'Foto del allanamiento',
          kind: 'photo',
          mediaType: 'image/jpeg',
          acquisition: { by: 'ONG', at: '2020-01-01T00:00:00Z', method: 'entregada' },
          protection: 'restricted',
          supports: { eventIds: [], actIds: [], personIds: [ids.P!] },
        } as never,
        A,
      );
      const own = await s.create(
        'testimony',
        caseId,
        {
          title: 'Relato de Yusleidy Carrasquel',
          statement: 'Yusleidy Carrasquel cuenta el allanamiento.',
          language: 'es',
          consent: 'internal',
          protection: 'protected',
          witnessId: ids.P,
          evidenceIds: [photo.id],
        },
        A,
      );
      const about = await s.create(
        'testimony',
        caseId,
        {
          title: 'Relato de un vecino',
          statement: 'Vi cuando se la llevaron.',
          language: 'es',
          consent: 'internal',
          protection: 'restricted',
          witnessId: ids.Q,
          supports: { eventIds: [], actIds: [], personIds: [ids.P!] },
        },
        A,
      );
      const cleared = await json(`/api/cases/${caseId}/records/persons/${ids.P}/cited-by`, 'admin');
      const [tes, evi] = cleared.groups;
      assert.equal(tes.kind, 'testimonies');
      assert.deepEqual(
        tes.items.map((i: { record: { id: string }; via: string[] }) => [i.record.id, i.via]).sort(),
        [
          [own.id, ['witnessId']],
          [about.id, ['supports.personIds']],
        ].sort(),
      );
      assert.equal(evi.kind, 'evidence');
      assert.deepEqual(
        evi.items.map((i: { record: { id: string } }) => i.record.id),
        [photo.id],
      );
      assert.equal(cleared.labels[ids.Q!].label, 'Wilmer Restrepo');
      // The analyst: the protected testimony is listed withheld; no protected name anywhere.
      const r = await req('GET', `/api/cases/${caseId}/records/persons/${ids.P}/cited-by`, 'analyst');
      assert.equal(r.status, 200);
      assert.doesNotMatch(r.text, HIDDEN);
      const mine = JSON.parse(r.text).groups[0].items.find(
        (i: { record: { id: string } }) => i.record.id === own.id,
      );
      assert.equal(mine.record.title, '[withheld]');
      // The evidence item lists the testimony that cites it.
      const byEvidence = await json(`/api/cases/${caseId}/records/evidence/${photo.id}/cited-by`, 'admin');
      assert.deepEqual(
        byEvidence.groups.map((g: { kind: string; items: { record: { id: string } }[] }) => [
          g.kind,
          g.items.map((i) => i.record.id),
        ]),
        [['testimonies', [own.id]]],
      );
      // A deleted testimony no longer cites.
      await s.remove('testimony', about.id, A);
      const after = await json(`/api/cases/${caseId}/records/persons/${ids.P}/cited-by`, 'admin');
      assert.equal(after.groups[0].total, 1);
    });

    it('saved filters belong to their author alone', async () => {
      const r = await req('POST', `/api/cases/${caseId}/saved-filters`, 'analyst', {
        kind: 'acts',
        name: 'Torturas',
        query: 'type=torture',
      });
      assert.equal(r.status, 201, r.text);
      const id = JSON.parse(r.text).id;
      const mine = await json(`/api/cases/${caseId}/saved-filters?kind=acts`, 'analyst');
      assert.deepEqual(
        mine.items.map((f: { name: string; query: string }) => [f.name, f.query]),
        [['Torturas', 'type=torture']],
      );
      assert.deepEqual((await json(`/api/cases/${caseId}/saved-filters?kind=acts`, 'viewer')).items, []);
      assert.equal((await req('DELETE', `/api/cases/${caseId}/saved-filters/${id}`, 'viewer')).status, 404);
      assert.equal(
        (
          await req('POST', `/api/cases/${caseId}/saved-filters`, 'analyst', {
            kind: 'acts',
            name: ' ',
            query: '',
          })
        ).status,
        400,
      );
      assert.equal((await req('DELETE', `/api/cases/${caseId}/saved-filters/${id}`, 'analyst')).status, 200);
      assert.deepEqual((await json(`/api/cases/${caseId}/saved-filters?kind=acts`, 'analyst')).items, []);
    });
  });
}
