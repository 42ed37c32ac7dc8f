/**
 * The blob store contract, run on every place evidence can live: the local disk and a real
 * S3-compatible server (s3rver from npm, over HTTP with SigV4, as AWS or MinIO). Whatever holds
 * them, evidence files are content-addressed, deduplicated, encrypted before they leave the
 * process (the storage never holds a plaintext byte), verified on every read, never visible
 * under their name unless whole, listable and copyable as stored (backups).
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { IntegrityError, UsageError } from '../domain/errors.js';
import { MasterKey } from '../security/keyring.js';
import { startTestS3, type TestS3 } from '../test-support/s3-server.js';
import { FAST_SCRYPT, TEST_PASSPHRASE, tempDir } from '../test-support/stores.js';
import { BlobStore, BlobStoreError, type EvidenceBlobs } from './blobs.js';
import { parseBlobUrl, S3BlobStore } from './blobs-s3.js';
import { openStore } from './open.js';

const master = new MasterKey('k_contract', randomBytes(32));
/** A marker that must never appear in what the storage holds. */
const MARKER = Buffer.from('PLAINTEXT-MARKER-Maria-Perez-V-12345678');

interface Place {
  name: string;
  /** A fresh, empty store. */
  fresh(): Promise<EvidenceBlobs>;
  /** Every byte the storage holds for this place (to look for plaintext). */
  storedBytes(): Buffer[];
  /** Replaces a stored blob's bytes as an attacker with storage access would. */
  tamper(blobs: EvidenceBlobs, sha256: string, change: (b: Buffer) => Buffer): Promise<void>;
  /** Leaves a temporary object of an upload that never finished. */
  leaveTemp(blobs: EvidenceBlobs): Promise<void>;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

let s3: TestS3;
const dirs: string[] = [];

const disk: Place = {
  name: 'local disk',
  async fresh() {
    const dir = tempDir('testigo-blobs-');
    dirs.push(dir);
    return new BlobStore(dir, master);
  },
  storedBytes: () => dirs.flatMap((d) => filesUnder(d).map((f) => readFileSync(f))),
  async tamper(blobs, sha256, change) {
    const path = (blobs as BlobStore).pathFor(sha256);
    writeFileSync(path, change(readFileSync(path)));
  },
  async leaveTemp(blobs) {
    const dir = join((blobs as BlobStore).dir, 'tmp');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'x.part'), 'partial');
  },
};

const objectStore: Place = {
  name: 'S3-compatible server',
  async fresh() {
    const { url } = await s3.newBucket('cases/evidence');
    return new S3BlobStore(parseBlobUrl(url), master, s3.config);
  },
  storedBytes: () => filesUnder(s3.directory).map((f) => readFileSync(f)),
  async tamper(blobs, sha256, change) {
    const { bucket, prefix } = (blobs as S3BlobStore).location;
    const Key = `${prefix}/${sha256.slice(0, 2)}/${sha256}.blob`;
    const got = await s3.client.send(new GetObjectCommand({ Bucket: bucket, Key }));
    const bytes = Buffer.from(await got.Body!.transformToByteArray());
    await s3.client.send(new PutObjectCommand({ Bucket: bucket, Key, Body: change(bytes) }));
  },
  async leaveTemp(blobs) {
    const { bucket, prefix } = (blobs as S3BlobStore).location;
    await s3.client.send(
      new PutObjectCommand({ Bucket: bucket, Key: `${prefix}/tmp/x.part`, Body: 'partial' }),
    );
  },
};

before(async () => {
  s3 = await startTestS3();
});
after(async () => {
  await s3.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function* pieces(buf: Buffer, sizes: number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (let i = 0; at < buf.length; i++) {
    const n = sizes[i % sizes.length]!;
    yield buf.subarray(at, at + n);
    at += n;
  }
}

for (const place of [disk, objectStore]) {
  describe(`blob store contract (${place.name})`, () => {
    it('stores, deduplicates and returns bytes by their SHA-256, from memory and from a stream', async () => {
      const blobs = await place.fresh();
      const bytes = Buffer.concat([MARKER, randomBytes(300_000), MARKER]);
      const a = await blobs.put(bytes);
      assert.equal(a.created, true);
      assert.equal(a.size, bytes.length);
      assert.equal(a.sha256, createHash('sha256').update(bytes).digest('hex'));
      assert.ok(await blobs.has(a.sha256));
      assert.ok((await blobs.get(a.sha256)).equals(bytes));
      // The same bytes streamed in odd pieces: same name, not stored twice.
      const b = await blobs.put(pieces(bytes, [1, 70_000, 13, 65_536]));
      assert.deepEqual(b, { sha256: a.sha256, size: bytes.length, created: false });
      // A new stream is stored (through a temporary object on S3) and reads back whole.
      const other = Buffer.concat([MARKER, randomBytes(200_000)]);
      const c = await blobs.put(pieces(other, [65_536]));
      assert.equal(c.created, true);
      assert.ok((await blobs.get(c.sha256)).equals(other));
      const empty = await blobs.put(Buffer.alloc(0));
      assert.equal((await blobs.get(empty.sha256)).length, 0);
      assert.deepEqual([...(await collect(blobs.list()))].sort(), [a.sha256, c.sha256, empty.sha256].sort());
      // Nothing the storage holds contains the plaintext (every stored byte is looked at).
      for (const stored of place.storedBytes()) assert.equal(stored.indexOf(MARKER), -1);
      // And a temporary object is not left behind by the streamed upload.
      assert.equal(await blobs.sweepTemp({ olderThanMs: 0 }), 0);
    });

    it('uploads a large file in parts and reads it back verified', async () => {
      const blobs = await place.fresh();
      const bytes = randomBytes(19 * 1024 * 1024 + 7);
      const stored = await blobs.put(bytes);
      let n = 0;
      for await (const p of blobs.stream(stored.sha256)) n += p.length;
      assert.equal(n, bytes.length);
      await blobs.verify(stored.sha256);
    });

    it('refuses a changed, truncated or foreign stored blob, and names a missing one', async () => {
      const blobs = await place.fresh();
      const bytes = randomBytes(150_000);
      const { sha256 } = await blobs.put(bytes);
      const original = Buffer.concat(await collect(blobs.readRaw(sha256)));
      const changes: [string, (b: Buffer) => Buffer][] = [
        [
          'a flipped byte',
          (b) => Buffer.concat([b.subarray(0, 100), Buffer.from([b[100]! ^ 1]), b.subarray(101)]),
        ],
        ['the last chunk cut off', (b) => b.subarray(0, 6 + 10 + 12 + 2 * (65_536 + 16))],
        ['truncated mid-chunk', (b) => b.subarray(0, b.length - 5)],
        ['empty', () => Buffer.alloc(0)],
      ];
      for (const [what, change] of changes) {
        await place.tamper(blobs, sha256, change);
        await assert.rejects(blobs.get(sha256), IntegrityError, what);
        await assert.rejects(blobs.verify(sha256), IntegrityError, what);
        await place.tamper(blobs, sha256, () => original);
      }
      assert.ok((await blobs.get(sha256)).equals(bytes));
      // A blob under another master key (another store's) is refused, not read.
      const foreign =
        place === disk
          ? new BlobStore((blobs as BlobStore).dir, new MasterKey('k_other', randomBytes(32)))
          : undefined;
      if (foreign) await assert.rejects(foreign.get(sha256), /names key "k_contract"/);
      await assert.rejects(blobs.get('0'.repeat(64)), /evidence file 0+ is missing from the blob store/);
    });

    it('copies blobs as stored into another store of the same key, verified before use', async () => {
      const from = await place.fresh();
      const to = await place.fresh();
      const bytes = randomBytes(100_000);
      const { sha256 } = await from.put(bytes);
      await to.putRaw(sha256, from.readRaw(sha256));
      assert.ok((await to.get(sha256)).equals(bytes));
      // Bytes that do not decrypt to their name are refused and not kept.
      const other = (await from.put(randomBytes(1000))).sha256;
      await assert.rejects(to.putRaw(other, from.readRaw(sha256)), IntegrityError);
      assert.equal(await to.has(other), false);
    });

    it('sweeps temporary objects of uploads that never finished', async () => {
      const blobs = await place.fresh();
      await place.leaveTemp(blobs);
      assert.equal(await blobs.sweepTemp(), 0, 'recent ones are left alone (may be in progress elsewhere)');
      assert.equal(await blobs.sweepTemp({ olderThanMs: 0 }), 1);
      assert.equal(await blobs.sweepTemp({ olderThanMs: 0 }), 0);
    });
  });
}

describe('evidence on object storage through the case store', () => {
  it('TESTIGO_BLOB_URL puts a case store’s evidence in the bucket, nothing under the data directory', async () => {
    const { url } = await s3.newBucket('ngo');
    const dataDir = tempDir();
    dirs.push(dataDir);
    const key = { kind: 'passphrase' as const, passphrase: TEST_PASSPHRASE };
    const store = await openStore({
      dataDir,
      key,
      create: true,
      scrypt: FAST_SCRYPT,
      blobUrl: url,
      s3: s3.config,
    });
    try {
      const caseId = (await store.createCase({ title: 'S3' }, 'user:test')).id;
      const bytes = Buffer.concat([MARKER, randomBytes(1000)]);
      const ev = await store.addEvidence(
        caseId,
        bytes,
        {
          title: 'photo',
          kind: 'document',
          mediaType: 'application/octet-stream',
          acquisition: { by: 'documenter', at: '2026-01-01T00:00:00Z', method: 'upload' },
          consent: 'internal',
          protection: 'restricted',
          graphic: false,
          supports: { eventIds: [], actIds: [], personIds: [] },
        },
        'user:test',
      );
      assert.ok((await store.readEvidence(ev.id, 'user:test')).equals(bytes));
      assert.deepEqual(
        readdirSync(dataDir).filter((f) => f === 'blobs'),
        [],
      );
      assert.deepEqual(await collect(store.blobs.list()), [ev.body.sha256]);
    } finally {
      await store.close();
    }
  });

  it('says clearly what is wrong with the bucket or the URL, without credentials', async () => {
    const loc = parseBlobUrl(`s3://no-such-bucket-here/x?endpoint=${encodeURIComponent(s3.endpoint)}`);
    const blobs = new S3BlobStore(loc, master, s3.config);
    const err = await blobs.put(Buffer.from('x')).then(
      () => assert.fail('stored into a missing bucket'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof BlobStoreError);
    assert.match(
      err.message,
      /cannot store the evidence file: the bucket does not exist \(NoSuchBucket while/,
    );
    assert.doesNotMatch(err.message, /S3RVER/);
    assert.throws(() => parseBlobUrl('s3://AKIA:secret@bucket/x'), UsageError);
    assert.throws(
      () => parseBlobUrl('s3://AKIA:secret@bucket/x'),
      (e: Error) => !e.message.includes('secret'),
    );
    assert.throws(() => parseBlobUrl('https://bucket/x'), /must start with s3:\/\//);
    assert.throws(() => parseBlobUrl('s3://B/x'), /invalid bucket/);
    assert.deepEqual(parseBlobUrl('s3://evidence-bucket/a/b/?region=eu-west-1'), {
      bucket: 'evidence-bucket',
      prefix: 'a/b',
      endpoint: undefined,
      region: 'eu-west-1',
      forcePathStyle: false,
    });
  });
});

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
