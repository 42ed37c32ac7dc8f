/**
 * Evidence files, content-addressed by the SHA-256 of their original bytes (computed on
 * arrival), encrypted at rest with AES-256-GCM in 64 KiB chunks (nonce = random prefix ‖ chunk
 * counter; the last chunk is marked in the associated data, so truncation is detected). Writes
 * go to a temp file that is fsynced and renamed, so a crash never leaves a partial blob under its
 * final name. Every read recomputes the SHA-256 and refuses bytes that do not match.
 *
 * What a crash can leave (src/store/crash-harness.test.ts): a `.part` file in blobs/tmp (killed
 * mid-write; sweepTemp removes them) and a whole blob no record references (killed after the
 * rename, before the record's transaction committed; a later upload of the same bytes reuses it).
 * Neither is ever referenced by a record, and a record never names a blob that is not whole.
 */
import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { IntegrityError, TestigoError } from '../domain/errors.js';
import type { MasterKey } from '../security/keyring.js';
import { BLOB_CHUNK, BlobEncryptor, decryptBlob } from './blob-cipher.js';

/** The file operations the blob store uses; tests swap in failing ones (ENOSPC, EIO). */
export interface BlobFs {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  mkdir: typeof fsp.mkdir;
  rm: typeof fsp.rm;
  stat: typeof fsp.stat;
}

/**
 * The file system refused a blob write or read (disk full, I/O error, read-only, permissions).
 * The message says what failed and at which step, never a path or any content; `code` is the
 * system error code (ENOSPC, EIO, …) and `cause` the original error.
 */
export class BlobStoreError extends TestigoError {
  override name = 'BlobStoreError';
  constructor(
    message: string,
    readonly code: string,
    readonly step: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  EIO: 'the disk reported an I/O error',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
};

/** Turns a system error into a BlobStoreError that names the reason and the step. */
function blobError(err: unknown, action: string, step: string): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (err instanceof TestigoError || typeof code !== 'string') return err;
  const reason = REASONS[code] ?? 'the file system refused the operation';
  return new BlobStoreError(`${action}: ${reason} (${code} while ${step})`, code, step, { cause: err });
}

export interface StoredBlob {
  sha256: string;
  size: number;
  /** False when identical content was already stored (deduplicated). */
  created: boolean;
}

/**
 * Where evidence files are kept: the local disk (BlobStore) or S3-compatible object storage
 * (S3BlobStore). Both keep the same encrypted form (blob-cipher.ts) under the SHA-256 of the
 * plaintext, verify on every read, and never show a partial blob under its name.
 */
export interface EvidenceBlobs {
  put(source: AsyncIterable<Uint8Array> | Uint8Array): Promise<StoredBlob>;
  has(sha256: string): Promise<boolean>;
  get(sha256: string): Promise<Buffer>;
  stream(sha256: string): AsyncGenerator<Buffer>;
  verify(sha256: string): Promise<void>;
  /** Removes temporary objects of writes that never finished; returns how many. */
  sweepTemp(opts?: { olderThanMs?: number }): Promise<number>;
  /** The SHA-256 names of every stored blob. */
  list(): AsyncGenerator<string>;
  /** A stored blob as it is kept (encrypted), for backups. */
  readRaw(sha256: string): AsyncGenerator<Buffer>;
  /** Keeps a blob's encrypted form from a backup (same master key), verified before it is visible. */
  putRaw(sha256: string, source: AsyncIterable<Uint8Array>): Promise<void>;
  /** Where blobs live, for messages (never a credential). */
  describe(): string;
  /** Releases connections (object storage). */
  close?(): void;
}

export class BlobStore implements EvidenceBlobs {
  private readonly key: Buffer;
  private readonly keyId: string;
  constructor(
    readonly dir: string,
    master: MasterKey,
    private readonly fs: BlobFs = fsp,
  ) {
    this.key = master.derive('blob-v1');
    this.keyId = master.keyId;
  }

  pathFor(sha256: string): string {
    return join(this.dir, sha256.slice(0, 2), `${sha256}.blob`);
  }

  async has(sha256: string): Promise<boolean> {
    return this.fs.stat(this.pathFor(sha256)).then(
      () => true,
      () => false,
    );
  }

  /**
   * Stores bytes from any async iterable (a file stream, an upload) and returns their SHA-256.
   * A failing file operation (disk full, I/O error) throws a BlobStoreError naming the step; the
   * temporary file is removed, and no blob appears under its final name unless it is whole.
   */
  async put(source: AsyncIterable<Uint8Array> | Uint8Array): Promise<StoredBlob> {
    const tmpDir = join(this.dir, 'tmp');
    let step = 'creating the blob directory';
    const tmp = join(tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}.part`);
    const enc = new BlobEncryptor(this.key, this.keyId);
    let fh: FileHandle | undefined;
    try {
      await this.fs.mkdir(tmpDir, { recursive: true });
      step = 'creating the temporary file';
      fh = await this.fs.open(tmp, 'wx', 0o600);
      step = 'writing the encrypted file';
      await fh.write(enc.header());
      const iterable = source instanceof Uint8Array ? [source] : source;
      for await (const piece of iterable) for (const ct of enc.push(piece)) await fh.write(ct);
      const { last, sha256 } = enc.finish();
      await fh.write(last);
      const size = enc.size;
      step = 'flushing the encrypted file to disk (fsync)';
      await fh.sync();
      step = 'closing the encrypted file';
      const closing = fh;
      fh = undefined;
      await closing.close();
      const final = this.pathFor(sha256);
      const dir = join(this.dir, sha256.slice(0, 2));
      if (await this.has(sha256)) {
        step = 'removing the temporary file';
        await this.fs.rm(tmp, { force: true });
        // The same bytes are stored already, maybe by a write that failed at the directory sync
        // below: sync the directory again so the entry the new record relies on is durable.
        step = 'syncing the blob directory (fsync)';
        await syncDir(this.fs, dir);
        return { sha256, size, created: false };
      }
      step = 'creating the blob directory';
      await this.fs.mkdir(dir, { recursive: true });
      step = 'moving the file into place';
      await this.fs.rename(tmp, final);
      step = 'syncing the blob directory (fsync)';
      await syncDir(this.fs, dir);
      return { sha256, size, created: true };
    } catch (err) {
      await fh?.close().catch(() => {});
      await this.fs.rm(tmp, { force: true }).catch(() => {});
      throw blobError(err, 'cannot store the evidence file', step);
    }
  }

  /**
   * Removes temporary files left by writes that never finished (a process killed mid-upload):
   * files in blobs/tmp older than `olderThanMs` (default one hour, so an upload still running in
   * another process is left alone). They are never referenced; removing them only frees space.
   * Returns how many were removed.
   */
  async sweepTemp(opts: { olderThanMs?: number } = {}): Promise<number> {
    const tmpDir = join(this.dir, 'tmp');
    const cutoff = Date.now() - (opts.olderThanMs ?? 3_600_000);
    let names: string[];
    try {
      names = await fsp.readdir(tmpDir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw blobError(err, 'cannot clean the blob store', 'listing its temporary files');
    }
    let removed = 0;
    for (const name of names) {
      if (!name.endsWith('.part')) continue;
      const path = join(tmpDir, name);
      const st = await this.fs.stat(path).catch(() => undefined);
      // mtimeMs has a fraction of a millisecond and Date.now() none: floor it, or a file written in the same
      // millisecond as the sweep reads as newer than `olderThanMs: 0` (a CI flake).
      if (!st || Math.floor(st.mtimeMs) > cutoff) continue;
      await this.fs.rm(path, { force: true });
      removed++;
    }
    return removed;
  }

  /** Reads and decrypts a blob, verifying every chunk's tag and the SHA-256 of the whole. */
  async get(sha256: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const p of this.stream(sha256)) parts.push(p);
    return Buffer.concat(parts);
  }

  /**
   * Streams a blob's plaintext. The hash is checked at the end (the stream throws there), so
   * callers that must not emit unverified bytes call verify() first.
   */
  async *stream(sha256: string): AsyncGenerator<Buffer> {
    yield* decryptBlob(this.readRaw(sha256), this.key, this.keyId, sha256);
  }

  /** The blob as stored (encrypted), for backups; the bytes are not checked here. */
  async *readRaw(sha256: string): AsyncGenerator<Buffer> {
    let fh: FileHandle;
    try {
      fh = await this.fs.open(this.pathFor(sha256), 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        throw new IntegrityError(`evidence file ${sha256} is missing from the blob store`);
      throw blobError(err, `cannot read evidence file ${sha256}`, 'opening it');
    }
    try {
      for (let pos = 0; ; ) {
        const buf = Buffer.alloc(BLOB_CHUNK + 32);
        let bytesRead: number;
        try {
          ({ bytesRead } = await fh.read(buf, 0, buf.length, pos));
        } catch (err) {
          throw blobError(err, `cannot read evidence file ${sha256}`, 'reading it');
        }
        if (bytesRead === 0) break;
        pos += bytesRead;
        yield buf.subarray(0, bytesRead);
      }
    } finally {
      await fh.close();
    }
  }

  /** The SHA-256 names of every stored blob (for backups). */
  async *list(): AsyncGenerator<string> {
    let dirs: string[];
    try {
      dirs = await fsp.readdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw blobError(err, 'cannot list the blob store', 'reading its directory');
    }
    for (const d of dirs.sort()) {
      if (!/^[0-9a-f]{2}$/.test(d)) continue;
      for (const f of (await fsp.readdir(join(this.dir, d))).sort()) {
        const m = /^([0-9a-f]{64})\.blob$/.exec(f);
        if (m) yield m[1]!;
      }
    }
  }

  /**
   * Stores a blob's encrypted form as it came from another store of the same master key (a
   * restore). It is verified before it is visible under its name.
   */
  async putRaw(sha256: string, source: AsyncIterable<Uint8Array>): Promise<void> {
    const tmpDir = join(this.dir, 'tmp');
    await fsp.mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}.part`);
    try {
      const fh = await fsp.open(tmp, 'wx', 0o600);
      try {
        for await (const piece of source) await fh.write(piece);
        await fh.sync();
      } finally {
        await fh.close();
      }
      for await (const _ of decryptBlob(rawFile(tmp), this.key, this.keyId, sha256)) {
        // reading is the check
      }
      await fsp.mkdir(join(this.dir, sha256.slice(0, 2)), { recursive: true });
      await fsp.rename(tmp, this.pathFor(sha256));
    } finally {
      await fsp.rm(tmp, { force: true });
    }
  }

  describe(): string {
    return 'the local blob directory';
  }

  /** Reads the whole blob and checks it, without keeping it in memory. */
  async verify(sha256: string): Promise<void> {
    for await (const _ of this.stream(sha256)) {
      // reading is the check
    }
  }
}

async function* rawFile(path: string): AsyncGenerator<Buffer> {
  const fh = await fsp.open(path, 'r');
  try {
    for (;;) {
      const buf = Buffer.alloc(BLOB_CHUNK + 32);
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) return;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await fh.close();
  }
}

async function syncDir(fs: BlobFs, dir: string): Promise<void> {
  const fh = await fs.open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
