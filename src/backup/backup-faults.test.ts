/**
 * The backup writer under disk faults, on both engines: ENOSPC and EIO injected at the Nth write
 * of the archive (and of the encrypted dump in server mode), at fsync and at the final rename.
 * Every time: one clear error naming the file and the cause, no archive at the target path, no
 * temporary file or directory left beside it, and the store untouched — its audit chain verifies,
 * its head has not moved, and the next backup succeeds and restores.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BACKENDS, createPgDatabase, TEST_PASSPHRASE, type TestStore } from '../test-support/stores.js';
import { backupStore, restoreStore } from './backup.js';
import { type BackupFs, BackupWriteError } from './backup-fs.js';

const KEY = { kind: 'passphrase' as const, passphrase: TEST_PASSPHRASE };

type Fault = { code: 'ENOSPC' | 'EIO'; at: 'write' | 'sync' | 'rename'; n: number };

function fault(code: string, syscall: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: injected, ${syscall}`) as NodeJS.ErrnoException;
  e.code = code;
  e.syscall = syscall;
  return e;
}

/** Real file operations, except that the chosen one fails (counting calls from 1). */
function faultyFs(f: Fault | undefined, counts = { write: 0, sync: 0, rename: 0 }): BackupFs {
  return {
    mkdir: fsp.mkdir,
    rm: fsp.rm,
    rename: (async (a: string, b: string) => {
      counts.rename++;
      if (f?.at === 'rename' && counts.rename === f.n) throw fault(f.code, 'rename');
      return fsp.rename(a, b);
    }) as typeof fsp.rename,
    open: (async (...args: Parameters<typeof fsp.open>) => {
      const fh = await fsp.open(...args);
      return new Proxy(fh, {
        get(target, prop) {
          if (prop === 'write')
            return async (...a: unknown[]) => {
              counts.write++;
              if (f?.at === 'write' && counts.write === f.n) throw fault(f.code, 'write');
              return (target.write as (...x: unknown[]) => unknown)(...a);
            };
          if (prop === 'sync')
            return async () => {
              counts.sync++;
              if (f?.at === 'sync' && counts.sync === f.n) throw fault(f.code, 'fsync');
              return target.sync();
            };
          const v = Reflect.get(target, prop, target);
          return typeof v === 'function' ? v.bind(target) : v;
        },
      });
    }) as typeof fsp.open,
  };
}

for (const backend of BACKENDS) {
  describe(`backup writer under I/O faults (${backend.name})`, () => {
    let t: TestStore;
    const dir = mkdtempSync(join(tmpdir(), 'testigo-backup-faults-'));
    before(async () => {
      t = await backend.open();
      const caseId = (await t.store.createCase({ title: 'Fallos de disco' }, 'test')).id;
      for (let i = 0; i < 30; i++)
        await t.store.create(
          'person',
          caseId,
          { givenNames: `Persona ${i}`, notes: 'x'.repeat(3000) } as never,
          'test',
        );
      await t.store.addEvidence(
        caseId,
        Buffer.alloc(200_000, 7),
        {
          title: 'Video',
          kind: 'document',
          mediaType: 'application/octet-stream',
          acquisition: { by: 'Documentadora', at: '2019-03-01T10:00:00Z', method: 'entregado' },
        } as never,
        'test',
      );
    });
    after(async () => {
      await t?.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    it('fails cleanly at any write, fsync or rename, leaving no archive and the store intact', async () => {
      const counts = { write: 0, sync: 0, rename: 0 };
      const clean = join(dir, 'clean.backup');
      await backupStore(t.store, t.dataDir, clean, { fs: faultyFs(undefined, counts) });
      rmSync(clean);
      assert.ok(counts.write >= 3, `the archive took ${counts.write} writes`);
      const head = await t.store.auditHead();
      // Every write position when there are few, else first, last and evenly spread ones.
      const positions = new Set<number>([1, 2, counts.write - 1, counts.write]);
      for (let k = 1; k <= 8; k++) positions.add(Math.max(1, Math.round((k * counts.write) / 9)));
      const faults: Fault[] = [];
      for (const n of positions)
        for (const code of ['ENOSPC', 'EIO'] as const) faults.push({ code, at: 'write', n });
      for (let n = 1; n <= counts.sync; n++) faults.push({ code: 'EIO', at: 'sync', n });
      faults.push({ code: 'EIO', at: 'rename', n: counts.rename });
      for (const f of faults) {
        const out = join(dir, 'case.backup');
        await assert.rejects(
          backupStore(t.store, t.dataDir, out, { fs: faultyFs(f) }),
          (err: unknown) =>
            err instanceof BackupWriteError &&
            err.message.includes(out) &&
            err.message.includes(f.code) &&
            !err.message.includes('\n'),
          `${f.code} at ${f.at} #${f.n}`,
        );
        assert.deepEqual(
          readdirSync(dir),
          [],
          `${f.code} at ${f.at} #${f.n}: nothing left beside the target`,
        );
      }
      assert.deepEqual(await t.store.auditHead(), head, 'the store did not change');
      assert.equal((await t.store.verifyAudit()).ok, true);
      process.stderr.write(
        `# ${backend.name}: ${faults.length} injected faults over an archive of ${counts.write} writes, ${counts.sync} fsyncs\n`,
      );

      // And the next backup, with a healthy disk, is whole and restores.
      const out = join(dir, 'after.backup');
      await backupStore(t.store, t.dataDir, out);
      const db = backend.name === 'postgres' ? await createPgDatabase() : undefined;
      try {
        const r = await restoreStore(out, join(dir, 'restored'), KEY, { databaseUrl: db?.url });
        assert.deepEqual(r.auditHead, head);
        assert.equal(r.evidenceVerified, 1);
      } finally {
        await db?.drop();
      }
    });
  });
}
