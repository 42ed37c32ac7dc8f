/**
 * Backups cover evidence on object storage: a server-mode store (real PostgreSQL) whose evidence
 * is on a real S3-compatible server is backed up with its evidence (downloaded still encrypted),
 * and restored into a new database and a new, empty bucket — or onto local disk, the archive is
 * the same. A restore into a bucket that already holds evidence is refused and leaves the new
 * database empty.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { UsageError } from '../domain/errors.js';
import type { CaseStore } from '../store/case-store.js';
import { openStore } from '../store/open.js';
import { startTestS3, type TestS3 } from '../test-support/s3-server.js';
import { createPgDatabase, FAST_SCRYPT, TEST_PASSPHRASE, tempDir } from '../test-support/stores.js';
import { readZip } from '../test-support/zip.js';
import { backupStore, restoreStore } from './backup.js';

const KEY = { kind: 'passphrase' as const, passphrase: TEST_PASSPHRASE };
const META = {
  kind: 'document',
  mediaType: 'application/octet-stream',
  acquisition: { by: 'documenter', at: '2026-01-01T00:00:00Z', method: 'upload' },
  consent: 'internal',
  protection: 'restricted',
  graphic: false,
  supports: { eventIds: [] as string[], actIds: [] as string[], personIds: [] as string[] },
};

describe('backup and restore with evidence on S3-compatible storage (PostgreSQL)', () => {
  let s3: TestS3;
  let store: CaseStore;
  const cleanup: (() => Promise<void>)[] = [];
  const work = tempDir('testigo-s3backup-');
  const files = new Map<string, Buffer>();
  let archive: string;
  let caseId: string;

  before(async () => {
    s3 = await startTestS3();
    const db = await createPgDatabase();
    cleanup.push(db.drop);
    const { url } = await s3.newBucket('source');
    store = await openStore({
      dataDir: join(work, 'source'),
      databaseUrl: db.url,
      key: KEY,
      create: true,
      scrypt: FAST_SCRYPT,
      blobUrl: url,
      s3: s3.config,
    });
    caseId = (await store.createCase({ title: 'Respaldo con objetos' }, 'user:test')).id;
    for (let i = 0; i < 3; i++) {
      const bytes = randomBytes(70_000 * (i + 1));
      const ev = await store.addEvidence(caseId, bytes, { ...META, title: `file ${i}` }, 'user:test');
      files.set(ev.id, bytes);
    }
    archive = join(work, 'backup.zip');
    await backupStore(store, join(work, 'source'), archive);
  });
  after(async () => {
    await store?.close();
    for (const c of cleanup) await c().catch(() => {});
    await s3.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('puts every evidence file from the bucket into the archive, as stored', async () => {
    const entries = new Map(await readZip(archive));
    const blobs = [...entries.keys()].filter((p) => p.startsWith('blobs/'));
    assert.equal(blobs.length, 3);
    for (const p of blobs) {
      const sha = /([0-9a-f]{64})\.blob$/.exec(p)![1]!;
      const raw: Buffer[] = [];
      for await (const b of store.blobs.readRaw(sha)) raw.push(b);
      assert.ok(entries.get(p)!.equals(Buffer.concat(raw)), `${p} is the stored (encrypted) object`);
    }
  });

  it('restores into a new database and a new, empty bucket; the evidence reads back verified', async () => {
    const db = await createPgDatabase();
    cleanup.push(db.drop);
    const { url } = await s3.newBucket('restored');
    const dataDir = join(work, 'restored');
    const report = await restoreStore(archive, dataDir, KEY, {
      databaseUrl: db.url,
      blobUrl: url,
      s3: s3.config,
    });
    assert.equal(report.evidenceVerified, 3);
    assert.deepEqual(readdirSync(dataDir), [], 'no evidence left on local disk');
    const restored = await openStore({ dataDir, databaseUrl: db.url, key: KEY, blobUrl: url, s3: s3.config });
    try {
      for (const [id, bytes] of files)
        assert.ok((await restored.readEvidence(id, 'user:test')).equals(bytes));
    } finally {
      await restored.close();
    }
  });

  it('restores the same archive onto local disk', async () => {
    const db = await createPgDatabase();
    cleanup.push(db.drop);
    const dataDir = join(work, 'on-disk');
    const report = await restoreStore(archive, dataDir, KEY, { databaseUrl: db.url });
    assert.equal(report.evidenceVerified, 3);
    const restored = await openStore({ dataDir, databaseUrl: db.url, key: KEY });
    try {
      for (const [id, bytes] of files)
        assert.ok((await restored.readEvidence(id, 'user:test')).equals(bytes));
    } finally {
      await restored.close();
    }
  });

  it('refuses a bucket that already holds evidence and leaves the new database empty', async () => {
    const db = await createPgDatabase();
    cleanup.push(db.drop);
    // The source store's own bucket: it holds evidence.
    const { url } = await s3.newBucket('busy');
    const busyDb = await createPgDatabase();
    cleanup.push(busyDb.drop);
    const busy = await openStore({
      dataDir: join(work, 'busy'),
      databaseUrl: busyDb.url,
      key: KEY,
      create: true,
      scrypt: FAST_SCRYPT,
      blobUrl: url,
      s3: s3.config,
    });
    await busy.blobs.put(Buffer.from('already here'));
    await busy.close();
    const dataDir = join(work, 'refused');
    await assert.rejects(
      restoreStore(archive, dataDir, KEY, { databaseUrl: db.url, blobUrl: url, s3: s3.config }),
      (e: unknown) => e instanceof UsageError && /already holds evidence files/.test(e.message),
    );
    const pg = await import('pg');
    const c = new pg.default.Client({ connectionString: db.url });
    await c.connect();
    const r = await c.query(
      "SELECT COUNT(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
    );
    await c.end();
    assert.equal(r.rows[0].n, 0);
  });
});
