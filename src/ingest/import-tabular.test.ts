import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import writeXlsxFile from 'write-excel-file/node';
import { InputError } from '../domain/errors.js';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import { exportCase, importCaseJson } from './case-json.js';
import { importTabular } from './import-tabular.js';
import { MappingSpec } from './mapping.js';

const ACTOR = 'user:test';
const spec = (s: unknown) => MappingSpec.parse(s);

for (const backend of BACKENDS) {
  describe(`import (${backend.name})`, () => {
    let t: TestStore;
    let caseId: string;
    before(async () => {
      t = await backend.open();
      caseId = (await t.store.createCase({ title: 'Importaciones' }, ACTOR)).id;
    });
    after(async () => t?.dispose());

    it('imports acts with victims, events and gazetteer places, reusing persons by cédula', async () => {
      const file = join(t.dataDir, 'actos.csv');
      writeFileSync(
        file,
        [
          'Nombres,Apellido 1,Apellido 2,Cédula,Sexo,Nacimiento,Tipo,Fecha,Estado,Municipio,Métodos',
          'María José,Pérez,Rangel,V-12.345.678,F,03/05/1990,detención arbitraria,12/02/2014,Distrito Capital,Libertador,',
          'Maria Jose,Perez,,12345678,femenino,,tortura,13/02/2014,Distrito Capital,Libertador,electric_shock;beating',
          'Luis,Gómez,Díaz,V-9876543,M,1985,arbitrary_detention,2017-05,Miranda,Sucre,',
        ].join('\n'),
      );
      const m = spec({
        kind: 'acts',
        columns: {
          Nombres: 'givenNames',
          'Apellido 1': 'firstSurname',
          'Apellido 2': 'secondSurname',
          Cédula: 'document',
          Sexo: 'sex',
          Nacimiento: 'birthDate',
          Tipo: 'actType',
          Fecha: 'actDate',
          Estado: 'state',
          Municipio: 'municipality',
          Métodos: 'methods',
        },
      });
      const dry = await importTabular(t.store, caseId, file, m, ACTOR, { dryRun: true });
      assert.deepEqual(dry.created, { person: 2, place: 4, event: 3, act: 3 });
      assert.equal(await t.store.count('act', caseId), 0, 'a dry run writes nothing');

      const rep = await importTabular(t.store, caseId, file, m, ACTOR);
      assert.deepEqual(rep.created, { person: 2, place: 4, event: 3, act: 3 });
      assert.deepEqual(rep.reused, { person: 1 });
      const acts = await t.store.list('act', caseId);
      const torture = acts.find((a) => a.body.type === 'torture')!;
      assert.deepEqual(torture.body.methods, ['electric_shock', 'beating']);
      const victim = await t.store.get('person', torture.body.victimId);
      assert.deepEqual(victim?.body.documents, [{ type: 'cedula_venezolana', number: '12345678' }]);
      const places = await t.store.list('place', caseId);
      assert.ok(places.some((p) => p.body.kind === 'state' && p.body.stateCode === 'VE-A'));
      const events = await t.store.list('event', caseId);
      assert.ok(
        events.every((e) => !e.body.title.includes('Pérez')),
        'event titles never carry victim names',
      );
    });

    it('commits nothing when one row is bad and names file, row and column', async () => {
      const file = join(t.dataDir, 'personas.csv');
      const lines = ['givenNames,firstSurname,birthDate,sex,document'];
      for (let i = 0; i < 50; i++) lines.push(`Ana ${i},Suárez,01/01/1980,F,V-${1000000 + i}`);
      lines[31] = 'Pedro,Mora,31/02/1980,Z,V-2000000';
      writeFileSync(file, lines.join('\n'));
      const before = await t.store.count('person', caseId);
      const head = await t.store.auditHead();
      await assert.rejects(
        importTabular(t.store, caseId, file, spec({ kind: 'persons' }), ACTOR),
        (err: unknown) => {
          assert.ok(err instanceof InputError);
          assert.match(err.message, /personas\.csv: 2 problems found; nothing was imported/);
          assert.deepEqual(
            err.issues.map((i) => [i.file, i.row, i.field]),
            [
              ['personas.csv', 32, 'sex'],
              ['personas.csv', 32, 'birthDate'],
            ],
          );
          return true;
        },
      );
      assert.equal(await t.store.count('person', caseId), before);
      assert.deepEqual(await t.store.auditHead(), head);
    });

    it('rejects ragged rows, invalid UTF-8, empty files and unknown mapped columns', async () => {
      const ragged = join(t.dataDir, 'ragged.csv');
      writeFileSync(ragged, 'record_id,name\n1,Ana\n2,Luis,extra\n');
      await assert.rejects(
        importTabular(t.store, caseId, ragged, spec({ kind: 'source-records' }), ACTOR),
        /ragged\.csv row 3 has 3 cells but the header has 2/,
      );
      const latin1 = join(t.dataDir, 'latin1.csv');
      writeFileSync(
        latin1,
        Buffer.concat([Buffer.from('record_id,name\n1,Jos'), Buffer.from([0xe9]), Buffer.from('\n')]),
      );
      await assert.rejects(
        importTabular(t.store, caseId, latin1, spec({ kind: 'source-records' }), ACTOR),
        /latin1\.csv is not valid UTF-8/,
      );
      const empty = join(t.dataDir, 'empty.csv');
      writeFileSync(empty, '');
      await assert.rejects(
        importTabular(t.store, caseId, empty, spec({ kind: 'source-records' }), ACTOR),
        /empty\.csv is empty/,
      );
      const ok = join(t.dataDir, 'ok.csv');
      writeFileSync(ok, 'a,b\n1,2\n');
      await assert.rejects(
        importTabular(
          t.store,
          caseId,
          ok,
          spec({ kind: 'persons', columns: { Nombre: 'givenNames' } }),
          ACTOR,
        ),
        /mapped column "Nombre" is not in the file/,
      );
      assert.equal(await t.store.count('sourceList', caseId), 0);
    });

    it('imports an organization list as raw source records, rejecting duplicate ids', async () => {
      const file = join(t.dataDir, 'lista.csv');
      const rows = ['record_id,given_names,first_surname,document_id'];
      for (let i = 0; i < 3000; i++) rows.push(`A${i},Nombre${i},Apellido,V-${5000000 + i}`);
      writeFileSync(file, rows.join('\n'));
      const rep = await importTabular(
        t.store,
        caseId,
        file,
        spec({ kind: 'source-records', columns: { record_id: 'recordId' }, list: { name: 'ONG A' } }),
        ACTOR,
      );
      assert.equal(rep.rows, 3000);
      const recs = await t.store.sourceRecords(rep.listId!, { limit: 2 });
      assert.deepEqual(recs[0], {
        listId: rep.listId,
        rowNo: 2,
        recordId: 'A0',
        data: {
          record_id: 'A0',
          given_names: 'Nombre0',
          first_surname: 'Apellido',
          document_id: 'V-5000000',
        },
        personId: null,
      });

      rows[2000] = 'A5,Duplicado,X,V-1';
      writeFileSync(file, rows.join('\n'));
      const lists = await t.store.count('sourceList', caseId);
      await assert.rejects(
        importTabular(
          t.store,
          caseId,
          file,
          spec({ kind: 'source-records', columns: { record_id: 'recordId' } }),
          ACTOR,
        ),
        /row 2001: record id "A5" was already used on row 7/,
      );
      assert.equal(await t.store.count('sourceList', caseId), lists);
    });

    it('reads XLSX files with dates and numbers', async () => {
      const file = join(t.dataDir, 'detenciones.xlsx');
      await writeXlsxFile([
        [
          { value: 'givenNames' },
          { value: 'firstSurname' },
          { value: 'document' },
          { value: 'status' },
          { value: 'from' },
          { value: 'to' },
          { value: 'state' },
        ],
        [
          { value: 'Rosa' },
          { value: 'Linares' },
          { value: 14567890, type: Number },
          { value: 'detenido' },
          { value: new Date(Date.UTC(2018, 7, 4)), type: Date, format: 'dd/mm/yyyy' },
          { value: '' },
          { value: 'Zulia' },
        ],
        [
          { value: 'Rosa' },
          { value: 'Linares' },
          { value: 14567890, type: Number },
          { value: 'house_arrest' },
          { value: '2019-01' },
          { value: '' },
          { value: 'Zulia' },
        ],
      ] as never).toFile(file);
      const rep = await importTabular(t.store, caseId, file, spec({ kind: 'detentions' }), ACTOR);
      assert.deepEqual(rep.created.detention, 2);
      assert.equal(rep.created.person, 1);
      const dets = await t.store.list('detention', caseId);
      const first = dets.find((d) => d.body.status === 'detained');
      assert.deepEqual(first?.body.from, { precision: 'day', value: '2018-08-04' });
    });

    it('round-trips the case file through JSON export and import', async () => {
      const doc = await exportCase(t.store, caseId);
      const t2 = await backend.open();
      try {
        const res = await importCaseJson(t2.store, JSON.parse(JSON.stringify(doc)), ACTOR);
        assert.equal(res.caseId, caseId);
        const again = await exportCase(t2.store, caseId);
        const strip = (d: typeof doc) => ({ ...d, exportedAt: '', auditHead: undefined });
        assert.deepEqual(strip(again), strip(doc));
        assert.equal((await t2.store.verifyAudit()).ok, true);
        // Importing the same case file twice is refused.
        await assert.rejects(importCaseJson(t2.store, doc, ACTOR), /already exists/);
        // A broken reference rolls everything back.
        const broken = JSON.parse(JSON.stringify(doc));
        broken.case.id = 'cas_0000000000BROKENBROKEN00';
        broken.records.acts[0].body.victimId = 'per_0000000000NOSUCHPERSON0';
        for (const list of Object.values(broken.records) as { id: string }[][])
          for (const r of list) r.id = r.id.replace(/_(.{6})/, '_ZZZZZZ');
        await assert.rejects(importCaseJson(t2.store, broken, ACTOR), InputError);
        assert.equal(await t2.store.getCase(broken.case.id), undefined);
      } finally {
        await t2.dispose();
      }
    });
  });
}
