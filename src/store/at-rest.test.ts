/**
 * What a seized, powered-off device shows: the raw SQLite file and the raw blob files hold no
 * identity, document number or testimony text in clear, and the database has no SQLite header
 * (every page is encrypted, including page 1).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sqliteBackend, type TestStore } from '../test-support/stores.js';

const SECRETS = ['Yusleidy', 'Carrasquel', '18765432', 'descargas eléctricas en el sótano'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('data at rest (SQLite store)', () => {
  let t: TestStore;
  before(async () => {
    t = await sqliteBackend.open();
    const s = t.store;
    const caseId = (await s.createCase({ title: 'At rest' }, 'test')).id;
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
    await s.create(
      'testimony',
      caseId,
      {
        title: 'Relato',
        statement: 'Me aplicaron descargas eléctricas en el sótano.',
        witnessId: p.id,
        protection: 'protected',
        language: 'es',
        consent: 'internal',
      },
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
          assert.equal(bytes.indexOf(Buffer.from(secret, enc)), -1, `${secret} (${enc}) in clear in ${f}`);
      }
      assert.notEqual(
        bytes.subarray(0, 15).toString('latin1'),
        'SQLite format 3',
        `${f} has a plain SQLite header`,
      );
    }
  });
});
