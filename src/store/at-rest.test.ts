/**
 * What a seized disk, a stolen database dump or a hacked database server shows.
 *
 * SQLite: the raw file and the raw blob files hold no identity, document number or testimony text
 * in clear, and the database has no SQLite header (every page is encrypted, including page 1).
 * Both engines: reading every table of the database with SQL (what someone with database access
 * but without Testigo's master key sees — PostgreSQL has no encryption at rest of its own) finds
 * no protected name, document number, testimony, public submission or victim-list row in clear,
 * in any form the index might keep (as typed, folded, stemmed); while through the store
 * everything still reads, filters (blind index) and searches (hashed terms) as before.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { termsOf, words } from '../search/text.js';
import { BACKENDS, type TestStore } from '../test-support/stores.js';

const SECRETS = [
  'Yusleidy',
  'Carrasquel',
  '18765432',
  'descargas eléctricas en el sótano',
  'Xiomara Quintero', // a public submission's sender
  'Gualberto', // a victim list row
  'Perozo',
  'secuestraron en Tinaquillo', // submission text
];

/** Every form of a secret that could leak: as typed, lower-case, folded, and its index stems. */
function forms(secret: string): string[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');
  const out = new Set([secret, secret.toLowerCase(), fold(secret), fold(secret).toLowerCase()]);
  for (const w of words(secret)) if (w.length >= 5) for (const t of termsOf(w)) if (t.length >= 5) out.add(t);
  return [...out];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

for (const backend of BACKENDS) {
  describe(`data at rest (${backend.name})`, () => {
    let t: TestStore;
    let caseId: string;
    let personId: string;
    before(async () => {
      t = await backend.open();
      const s = t.store;
      caseId = (await s.createCase({ title: 'At rest' }, 'test')).id;
      const p = await s.create(
        'person',
        caseId,
        {
          givenNames: 'Yusleidy',
          firstSurname: 'Carrasquel',
          documents: [{ type: 'cedula_venezolana', number: '18765432' }],
          protection: 'protected',
        },
        'test',
      );
      personId = p.id;
      // An update: the audit log keeps before and after — sealed too.
      await s.update('person', p.id, { ...p.body, notes: 'Vive con Yusleidy Carrasquel, su madre.' }, 'test');
      await s.create(
        'testimony',
        caseId,
        {
          title: 'Relato de Yusleidy',
          statement: 'Me aplicaron descargas eléctricas en el sótano.',
          witnessId: p.id,
          protection: 'protected',
          language: 'es',
          consent: 'internal',
        },
        'test',
      );
      await s.create(
        'submission',
        caseId,
        {
          kind: 'testimony',
          text: 'A mi primo lo secuestraron en Tinaquillo.',
          language: 'es',
          anonymous: false,
          name: 'Xiomara Quintero',
          consent: 'courts',
          receipt: 'ABCD-EFGH',
          receivedAt: '2026-01-01T00:00:00Z',
          spamProbability: 0.1,
        },
        'public-intake',
      );
      await s.importSourceList(
        caseId,
        {
          name: 'Lista ONG',
          sourceId: undefined,
          columns: ['nombre', 'apellido', 'cedula'],
          fileName: 'lista.csv',
          sha256: '0'.repeat(64),
        } as never,
        [{ rowNo: 1, recordId: 'R1', values: ['Gualberto', 'Perozo', 'V-9876543'] }],
        'test',
      );
      await s.addEvidence(
        caseId,
        Buffer.from('Acta: Yusleidy Carrasquel, C.I. 18765432'),
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
        'test',
      );
      // Flush the WAL into the main file so the check covers what stays on disk.
      await t.store.close();
      t.store = await t.reopen();
    });
    after(async () => t?.dispose());

    it('every table read raw holds no protected identity, testimony, submission or list row in clear', async () => {
      const dump: string[] = [];
      if (backend.name === 'sqlite') {
        // The decrypted pages, as someone holding the SQLite page key would read them.
        const tables = await t.store.sqlHandle.all<{ name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        );
        assert.ok(tables.length > 20);
        for (const { name } of tables)
          dump.push(JSON.stringify(await t.store.sqlHandle.all(`SELECT * FROM "${name}"`)));
      } else {
        const c = new pg.Client({ connectionString: t.databaseUrl });
        await c.connect();
        try {
          const tables = await c.query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
          );
          assert.ok(tables.rows.length > 20);
          for (const { table_name } of tables.rows)
            dump.push(
              JSON.stringify((await c.query(`SELECT row_to_json(x)::text AS j FROM "${table_name}" x`)).rows),
            );
        } finally {
          await c.end();
        }
      }
      const all = dump.join('\n');
      assert.match(all, /tgf1\.k1\./, 'sealed fields are there, in their envelope');
      for (const secret of SECRETS)
        for (const f of forms(secret)) assert.equal(all.indexOf(f), -1, `"${f}" (from "${secret}") in clear`);
    });

    it('through the store everything still reads, filters by a sealed field and is searchable by who may', async () => {
      const s = t.store;
      const p = await s.get('person', personId);
      assert.equal(p?.body.firstSurname, 'Carrasquel');
      assert.match(p?.body.notes ?? '', /su madre/);
      const bySurname = await s.list('person', caseId, { where: { firstSurname: 'CARRASQUEL' } });
      assert.deepEqual(
        bySurname.map((r) => r.id),
        [personId],
        'blind index: exact lookup (case and accents folded)',
      );
      assert.equal((await s.list('person', caseId, { where: { firstSurname: 'Perez' } })).length, 0);
      const search = (tier: 'public' | 'member' | 'cleared') =>
        s.search({
          caseId,
          terms: [termsOf('carrasquel')],
          tier,
          clearedPersons: [],
          filters: {},
          limit: 10,
          offset: 0,
        });
      assert.ok((await search('cleared')).hits.some((h) => h.recordId === personId));
      assert.equal((await search('public')).hits.length, 0);
      const rows = await s.sourceRecords((await s.list('sourceList', caseId))[0]!.id);
      assert.equal(rows[0]?.data.nombre, 'Gualberto');
      assert.equal((await s.verifyAudit()).ok, true);
    });

    if (backend.name === 'sqlite')
      it('no protected identity or testimony text in clear in any file of the data directory', () => {
        const files = filesUnder(t.dataDir);
        assert.ok(
          files.some((f) => f.endsWith('.blob')),
          'an evidence blob was written',
        );
        for (const f of files) {
          const bytes = readFileSync(f);
          for (const secret of SECRETS) {
            for (const enc of ['utf8', 'utf16le'] as const)
              assert.equal(
                bytes.indexOf(Buffer.from(secret, enc)),
                -1,
                `${secret} (${enc}) in clear in ${f}`,
              );
          }
          assert.notEqual(
            bytes.subarray(0, 15).toString('latin1'),
            'SQLite format 3',
            `${f} has a plain SQLite header`,
          );
        }
      });
  });
}
