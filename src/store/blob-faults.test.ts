/**
 * I/O faults in the blob store: through the BlobFs seam, every file operation of an evidence
 * upload (mkdir, open, each write, fsync, close, stat, rename, rm, the directory's open, fsync
 * and close) fails in turn with ENOSPC and with EIO — once, and "sticky" (that operation and
 * every later one except cleanup fail, as a full disk does). After each fault, addEvidence must
 * either have failed with a BlobStoreError naming the reason and the step, leaving no evidence
 * record, no audit entry and no temporary file, or (where the fault cannot harm the result, e.g.
 * a failed existence check) have stored a whole, verifiable file. Earlier evidence stays intact,
 * and the same upload succeeds once the fault is gone. Real engines, real files: only the
 * failures are injected.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TestigoError } from '../domain/errors.js';
import { unlockKeyring } from '../security/keyring.js';
import { BACKENDS, TEST_PASSPHRASE, type TestStore } from '../test-support/stores.js';
import { type BlobFs, BlobStore, BlobStoreError } from './blobs.js';
import { CaseStore } from './case-store.js';

type Code = 'ENOSPC' | 'EIO';
interface Fault {
  /** Index of the operation that fails first (in the order the upload performs them). */
  at: number;
  code: Code;
  /** Once: only that operation fails. Sticky: it and every later one fail, except cleanup (rm, close). */
  sticky: boolean;
}

const errnoError = (code: Code, op: string) =>
  Object.assign(new Error(`${code}: ${code === 'ENOSPC' ? 'no space left on device' : 'i/o error'}, ${op}`), {
    code,
    errno: code === 'ENOSPC' ? -28 : -5,
    syscall: op,
  });

/**
 * The real node:fs/promises with a log of every operation (file handle methods included) and an
 * optional fault. Operation names say what they touch: "open tmp", "open dir", "write", "fsync
 * dir", …
 */
class FaultFs implements BlobFs {
  readonly ops: string[] = [];
  constructor(private readonly fault?: Fault) {}

  private step(op: string): void {
    const i = this.ops.length;
    this.ops.push(op);
    const f = this.fault;
    if (!f) return;
    const cleanup = op.startsWith('rm') || op.startsWith('close');
    if (i === f.at || (f.sticky && i > f.at && !cleanup)) throw errnoError(f.code, op);
  }

  private wrap(fh: FileHandle, what: string): FileHandle {
    return new Proxy(fh, {
      get: (target, prop) => {
        const value = Reflect.get(target, prop, target);
        if (typeof value !== 'function') return value;
        const name = { write: 'write', sync: 'fsync', close: 'close' }[String(prop)];
        if (!name) return value.bind(target);
        return async (...args: unknown[]) => {
          // A failing close(2) still releases the descriptor: close for real, then report the fault.
          if (name === 'close') {
            await value.apply(target, args);
            this.step(`${name} ${what}`);
            return;
          }
          this.step(`${name} ${what}`);
          return value.apply(target, args);
        };
      },
    });
  }

  open: typeof fsp.open = (async (path: Parameters<typeof fsp.open>[0], ...rest: unknown[]) => {
    const what = String(path).endsWith('.part') ? 'tmp' : String(path).endsWith('.blob') ? 'blob' : 'dir';
    this.step(`open ${what}`);
    return this.wrap(await (fsp.open as (...a: unknown[]) => Promise<FileHandle>)(path, ...rest), what);
  }) as typeof fsp.open;
  rename: typeof fsp.rename = async (from, to) => {
    this.step('rename');
    return fsp.rename(from, to);
  };
  mkdir: typeof fsp.mkdir = (async (
    path: Parameters<typeof fsp.mkdir>[0],
    opts?: Parameters<typeof fsp.mkdir>[1],
  ) => {
    this.step(String(path).endsWith('tmp') ? 'mkdir tmp' : 'mkdir dir');
    return fsp.mkdir(path, opts);
  }) as typeof fsp.mkdir;
  rm: typeof fsp.rm = async (path, opts) => {
    this.step('rm tmp');
    return fsp.rm(path, opts);
  };
  stat: typeof fsp.stat = (async (path: Parameters<typeof fsp.stat>[0]) => {
    this.step('stat');
    return fsp.stat(path);
  }) as typeof fsp.stat;
}

const META = {
  title: 'fault test',
  kind: 'document',
  mediaType: 'application/octet-stream',
  acquisition: { by: 'fault harness', at: '2026-01-01T00:00:00Z', method: 'generated' },
  consent: 'internal',
  protection: 'restricted',
  graphic: false,
  supports: { eventIds: [], actIds: [], personIds: [] },
} as const;

/** The operations a successful upload must not survive failing: the blob write itself. */
const MUST_FAIL = /^(mkdir|open tmp|write tmp|fsync tmp|close tmp|rename|open dir|fsync dir)/;

for (const backend of BACKENDS) {
  describe(`I/O faults in the blob store during addEvidence (${backend.name})`, () => {
    let t: TestStore;
    let caseId: string;
    let blobsDir: string;
    let withFs: (fs: BlobFs) => CaseStore;
    const earlier: { id: string; sha256: string }[] = [];

    before(async () => {
      t = await backend.open();
      caseId = (await t.store.createCase({ title: 'Faults' }, 'user:test')).id;
      const keyring =
        backend.name === 'sqlite'
          ? readFileSync(join(t.dataDir, 'keyring.json'), 'utf8')
          : (await t.store.sqlHandle.get<{ data: string }>('SELECT data FROM keyring WHERE id = 1'))!.data;
      const master = await unlockKeyring(JSON.parse(keyring), {
        kind: 'passphrase',
        passphrase: TEST_PASSPHRASE,
      });
      blobsDir = (t.store.blobs as BlobStore).dir;
      withFs = (fs) => new CaseStore(t.store.db, new BlobStore(blobsDir, master, fs), t.store.sealer);
      for (const size of [0, 100, 300_000]) {
        const rec = await t.store.addEvidence(caseId, randomBytes(size), META as never, 'user:test');
        earlier.push({ id: rec.id, sha256: rec.body.sha256 });
      }
    });
    after(async () => t?.dispose());

    const tempFiles = () => (existsSync(join(blobsDir, 'tmp')) ? readdirSync(join(blobsDir, 'tmp')) : []);

    /** Runs one upload under a fault and checks the outcome; returns what happened. */
    async function uploadUnder(fault: Fault, bytes: Buffer, label: string): Promise<'failed' | 'stored'> {
      const fs = new FaultFs(fault);
      const before = {
        evidence: await t.store.count('evidence', caseId, { includeDeleted: true }),
        head: await t.store.auditHead(),
      };
      let outcome: 'failed' | 'stored';
      try {
        const rec = await withFs(fs).addEvidence(caseId, bytes, META as never, 'user:test');
        outcome = 'stored';
        assert.equal(rec.body.size, bytes.length);
        assert.deepEqual(await t.store.blobs.get(rec.body.sha256), bytes, `${label}: stored bytes differ`);
        earlier.push({ id: rec.id, sha256: rec.body.sha256 });
      } catch (err) {
        outcome = 'failed';
        assert.ok(err instanceof BlobStoreError, `${label}: not a BlobStoreError: ${String(err)}`);
        assert.ok(err instanceof TestigoError);
        assert.equal(err.code, fault.code);
        const reason = fault.code === 'ENOSPC' ? /the disk is full/ : /the disk reported an I\/O error/;
        assert.match(err.message, reason, label);
        assert.match(
          err.message,
          new RegExp(`^cannot store the evidence file: .*\\(${fault.code} while [a-z]`),
        );
        assert.ok(!err.message.includes(blobsDir) && !/\.part|\.blob/.test(err.message), `${label}: a path`);
        // Nothing recorded: no evidence record, no audit entry.
        assert.equal(
          await t.store.count('evidence', caseId, { includeDeleted: true }),
          before.evidence,
          label,
        );
        assert.deepEqual(await t.store.auditHead(), before.head, `${label}: an audit entry was written`);
      }
      assert.deepEqual(tempFiles(), [], `${label}: temporary file left behind`);
      return outcome;
    }

    it('fails cleanly at every file operation, with ENOSPC and EIO, once and sticky', async (tc) => {
      // The operations of one upload of new bytes (5 chunks), then of bytes already stored.
      const probe = new FaultFs();
      const size = 4 * 64 * 1024 + 1000;
      await withFs(probe).addEvidence(caseId, randomBytes(size), META as never, 'user:test');
      const dup = randomBytes(5000);
      await t.store.addEvidence(caseId, dup, META as never, 'user:test');
      const probeDup = new FaultFs();
      await withFs(probeDup).addEvidence(caseId, dup, META as never, 'user:test');
      for (const op of [
        'mkdir tmp',
        'open tmp',
        'write tmp',
        'fsync tmp',
        'close tmp',
        'stat',
        'rename',
        'fsync dir',
      ])
        assert.ok(probe.ops.includes(op), `the upload performs ${op}: ${probe.ops.join(', ')}`);
      assert.ok(
        probeDup.ops.includes('rm tmp') && probeDup.ops.includes('fsync dir'),
        probeDup.ops.join(', '),
      );

      let cases = 0;
      const failedAt = new Set<string>();
      for (const [ops, bytes] of [
        [probe.ops, () => randomBytes(size)],
        [probeDup.ops, () => dup],
      ] as const) {
        for (let at = 0; at < ops.length; at++) {
          for (const code of ['ENOSPC', 'EIO'] as const) {
            for (const sticky of [false, true]) {
              const label = `${ops === probe.ops ? 'new' : 'duplicate'} upload, ${code} ${sticky ? 'sticky' : 'once'} at op ${at} (${ops[at]})`;
              const outcome = await uploadUnder({ at, code, sticky }, bytes(), label);
              cases++;
              if (outcome === 'failed') failedAt.add(ops[at]!);
              else
                assert.doesNotMatch(
                  ops[at]!,
                  MUST_FAIL,
                  `${label}: the upload succeeded although ${ops[at]} failed`,
                );
            }
          }
        }
      }
      assert.ok(cases >= 60, `${cases} fault cases`);
      tc.diagnostic(
        `${cases} fault cases (${probe.ops.length} + ${probeDup.ops.length} operations × ENOSPC/EIO × once/sticky); failed cleanly at: ${[...failedAt].join(', ')}`,
      );
      for (const op of [
        'mkdir tmp',
        'open tmp',
        'write tmp',
        'fsync tmp',
        'close tmp',
        'rename',
        'fsync dir',
        'rm tmp',
      ])
        assert.ok(failedAt.has(op), `a fault at ${op} was reported`);

      // Earlier evidence is intact, and no blob under its final name is partial.
      for (const e of earlier) await t.store.blobs.verify(e.sha256);
      for (const sub of readdirSync(blobsDir).filter((d) => d !== 'tmp'))
        for (const f of readdirSync(join(blobsDir, sub)))
          await t.store.blobs.verify(f.replace(/\.blob$/, ''));
      assert.equal((await t.store.verifyAudit()).ok, true);
    });

    it('accepts the same upload once the fault is gone, even after the directory sync failed', async () => {
      const bytes = randomBytes(70_000);
      const probe = new FaultFs();
      const sha = (await withFs(probe).addEvidence(caseId, randomBytes(10), META as never, 'user:test')).body
        .sha256;
      assert.ok(sha);
      const dirSync = probe.ops.indexOf('fsync dir');
      // The rename happened, the directory sync failed: the whole file is in place but unrecorded.
      await assert.rejects(
        withFs(new FaultFs({ at: dirSync, code: 'EIO', sticky: false })).addEvidence(
          caseId,
          bytes,
          META as never,
          'user:test',
        ),
        /syncing the blob directory/,
      );
      // The retry finds the bytes stored, syncs the directory again and records them.
      const retry = new FaultFs();
      const rec = await withFs(retry).addEvidence(caseId, bytes, META as never, 'user:test');
      assert.ok(retry.ops.includes('fsync dir'), `the retry syncs the directory: ${retry.ops.join(', ')}`);
      assert.deepEqual(await t.store.readEvidence(rec.id, 'user:test'), bytes);
      assert.deepEqual(tempFiles(), []);
    });

    it('sweeps temporary files left by killed writes, sparing young ones', async () => {
      const { mkdirSync, writeFileSync, utimesSync } = await import('node:fs');
      mkdirSync(join(blobsDir, 'tmp'), { recursive: true });
      const old = join(blobsDir, 'tmp', 'old-killed.part');
      writeFileSync(old, 'partial');
      const hourAgo = new Date(Date.now() - 2 * 3_600_000);
      utimesSync(old, hourAgo, hourAgo);
      writeFileSync(join(blobsDir, 'tmp', 'young-upload.part'), 'in progress');
      assert.equal(await t.store.blobs.sweepTemp(), 1);
      assert.deepEqual(tempFiles(), ['young-upload.part']);
      assert.equal(await t.store.blobs.sweepTemp({ olderThanMs: 0 }), 1);
      assert.deepEqual(tempFiles(), []);
      for (const e of earlier) await t.store.blobs.verify(e.sha256);
    });

    it('reports a read that fails with EIO as a BlobStoreError, not a missing file', async () => {
      const keyring =
        backend.name === 'sqlite'
          ? readFileSync(join(t.dataDir, 'keyring.json'), 'utf8')
          : (await t.store.sqlHandle.get<{ data: string }>('SELECT data FROM keyring WHERE id = 1'))!.data;
      const master = await unlockKeyring(JSON.parse(keyring), {
        kind: 'passphrase',
        passphrase: TEST_PASSPHRASE,
      });
      const failing = new BlobStore(blobsDir, master, new FaultFs({ at: 0, code: 'EIO', sticky: true }));
      await assert.rejects(failing.get(earlier[0]!.sha256), (err: unknown) => {
        assert.ok(err instanceof BlobStoreError);
        assert.match(
          err.message,
          /^cannot read evidence file [0-9a-f]{64}: the disk reported an I\/O error \(EIO while opening it\)$/,
        );
        return true;
      });
    });
  });
}
