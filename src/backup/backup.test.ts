/**
 * The restore drill: back up an embedded store while writes keep coming, restore into an empty
 * directory, and find the same records, audit head and verified evidence. Then the ways a backup
 * can be damaged or misused — an altered evidence file, an edited manifest, a missing file, the
 * wrong passphrase, a non-empty target — each refused with nothing left behind.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { IntegrityError, KeyError, UsageError } from '../domain/errors.js';
import { openStore } from '../store/open.js';
import { sqliteBackend, TEST_PASSPHRASE, type TestStore } from '../test-support/stores.js';
import { readZip, writeZip } from '../test-support/zip.js';
import { backupStore, restoreStore } from './backup.js';

const KEY = { kind: 'passphrase' as const, passphrase: TEST_PASSPHRASE };
const work = mkdtempSync(join(tmpdir(), 'testigo-backup-'));
after(() => rmSync(work, { recursive: true, force: true }));

describe('backup and restore (embedded store)', () => {
  let t: TestStore;
  let caseId: string;
  let backup: string;
  let headAtBackup: { seq: number; hash: string };
  before(async () => {
    t = await sqliteBackend.open();
    caseId = (await t.store.createCase({ title: 'Backup drill' }, 'test')).id;
    for (let i = 0; i < 20; i++)
      await t.store.create('person', caseId, { givenNames: `Persona ${i}`, firstSurname: 'Prueba' }, 'test');
    for (const text of ['Acta de detención', 'Informe médico'])
      await t.store.addEvidence(
        caseId,
        Buffer.from(text),
        {
          title: text,
          kind: 'document',
          mediaType: 'text/plain',
          acquisition: { by: 'Documentadora', at: '2019-03-01T10:00:00Z', method: 'entregado' },
        } as never,
        'test',
      );
  });
  after(async () => t?.dispose());

  it('backs up while writes continue, and restores the snapshot exactly, verified', async () => {
    backup = join(work, 'store.backup');
    // Writers keep going during the backup: the snapshot is whatever was committed when it began.
    let writing = true;
    const writer = (async () => {
      let i = 0;
      while (writing) {
        await t.store.create('person', caseId, { givenNames: `Durante ${i++}` }, 'test');
        // Let the backup's file I/O run between writes (SQLite calls are synchronous).
        await new Promise((r) => setImmediate(r));
      }
      return i;
    })();
    const manifest = await backupStore(t.store, t.dataDir, backup);
    writing = false;
    const during = await writer;
    headAtBackup = manifest.auditHead;
    assert.ok(during > 0, 'writes happened during the backup');
    assert.equal(manifest.files.filter((f) => f.path.startsWith('blobs/')).length, 2);

    const target = join(work, 'restored');
    const r = await restoreStore(backup, target, KEY);
    assert.equal(r.evidenceVerified, 2);
    assert.deepEqual(r.auditHead, headAtBackup);
    const restored = await openStore({ dataDir: target, key: KEY });
    try {
      assert.deepEqual(await restored.auditHead(), headAtBackup);
      const n = await restored.count('person', caseId);
      assert.ok(n >= 20 && n <= 20 + during);
      assert.equal((await restored.verifyAudit()).ok, true);
      const [e] = await restored.list('evidence', caseId);
      assert.ok(e);
    } finally {
      await restored.close();
    }
    // Nothing of the key or the data is readable in the backup file itself.
    const bytes = readFileSync(backup);
    for (const secret of ['Persona 1', 'Acta de detención', 'Informe médico'])
      assert.equal(bytes.indexOf(Buffer.from(secret)), -1, `${secret} in clear in the backup`);
  });

  it('refuses a damaged backup, the wrong key and a non-empty target, leaving nothing behind', async () => {
    const entries = new Map(await readZip(backup));
    const blob = [...entries.keys()].find((k) => k.startsWith('blobs/'))!;
    const cases: [string, Map<string, Buffer>, RegExp][] = [];
    const flipped = new Map(entries);
    const b = Buffer.from(entries.get(blob)!);
    b[b.length - 3]! ^= 1;
    flipped.set(blob, b);
    cases.push(['altered evidence file', flipped, new RegExp(`${blob.replace(/[/.]/g, '.')} was altered`)]);
    const missing = new Map(entries);
    missing.delete(blob);
    cases.push(['missing evidence file', missing, /is missing/]);
    const edited = new Map(entries);
    const m = JSON.parse(entries.get('manifest.json')!.toString());
    m.auditHead.seq -= 1;
    edited.set('manifest.json', Buffer.from(JSON.stringify(m)));
    cases.push(['edited manifest', edited, /signature is invalid/]);
    const extra = new Map(entries);
    extra.set('blobs/zz/extra.blob', Buffer.from('x'));
    cases.push(['extra file', extra, /not in the manifest/]);
    for (const [name, zipEntries, message] of cases) {
      const file = join(work, `${name.replaceAll(' ', '-')}.backup`);
      await writeZip(file, zipEntries);
      const target = join(work, `target-${name.replaceAll(' ', '-')}`);
      await assert.rejects(
        restoreStore(file, target, KEY),
        (err: unknown) => err instanceof IntegrityError && message.test((err as Error).message),
        name,
      );
      assert.ok(!existsSync(target), `${name}: nothing restored`);
      assert.ok(!existsSync(`${target}.restoring-${process.pid}`), `${name}: no temporary directory left`);
    }
    const target = join(work, 'wrong-key');
    await assert.rejects(
      restoreStore(backup, target, { kind: 'passphrase', passphrase: 'not the passphrase at all' }),
      KeyError,
    );
    assert.ok(!existsSync(target));
    await assert.rejects(restoreStore(backup, t.dataDir, KEY), UsageError);
  });
});
