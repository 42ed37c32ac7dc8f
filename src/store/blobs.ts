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
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { IntegrityError, TestigoError } from '../domain/errors.js';
import type { MasterKey } from '../security/keyring.js';

const MAGIC = Buffer.from('TGB1');
const ALG_AES256GCM_CHUNKED = 1;
const CHUNK = 64 * 1024;
const TAG = 16;

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

export class BlobStore {
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
    const hash = createHash('sha256');
    const prefix = randomBytes(8);
    const keyIdBytes = Buffer.from(this.keyId);
    let fh: FileHandle | undefined;
    let size = 0;
    try {
      await this.fs.mkdir(tmpDir, { recursive: true });
      step = 'creating the temporary file';
      fh = await this.fs.open(tmp, 'wx', 0o600);
      const header = Buffer.alloc(4 + 1 + 1 + keyIdBytes.length + 4 + 8);
      let o = MAGIC.copy(header, 0);
      o = header.writeUInt8(ALG_AES256GCM_CHUNKED, o);
      o = header.writeUInt8(keyIdBytes.length, o);
      o += keyIdBytes.copy(header, o);
      o = header.writeUInt32BE(CHUNK, o);
      prefix.copy(header, o);
      step = 'writing the encrypted file';
      await fh.write(header);
      let counter = 0;
      let pending = Buffer.alloc(0);
      const writeChunk = async (plain: Buffer, final: boolean) => {
        const cipher = createCipheriv('aes-256-gcm', this.key, nonce(prefix, counter));
        cipher.setAAD(aad(counter, final));
        const ct = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
        await fh!.write(ct);
        counter++;
      };
      const iterable = source instanceof Uint8Array ? [source] : source;
      for await (const piece of iterable) {
        const buf = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
        hash.update(buf);
        size += buf.length;
        pending = pending.length ? Buffer.concat([pending, buf]) : Buffer.from(buf);
        while (pending.length > CHUNK) {
          await writeChunk(pending.subarray(0, CHUNK), false);
          pending = pending.subarray(CHUNK);
        }
      }
      await writeChunk(pending, true);
      step = 'flushing the encrypted file to disk (fsync)';
      await fh.sync();
      step = 'closing the encrypted file';
      const closing = fh;
      fh = undefined;
      await closing.close();
      const sha256 = hash.digest('hex');
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
      if (!st || st.mtimeMs > cutoff) continue;
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
    const path = this.pathFor(sha256);
    let fh: FileHandle;
    try {
      fh = await this.fs.open(path, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        throw new IntegrityError(`evidence file ${sha256} is missing from the blob store`);
      throw blobError(err, `cannot read evidence file ${sha256}`, 'opening it');
    }
    try {
      const head = Buffer.alloc(6);
      await readExactly(fh, head, 0, sha256);
      if (!head.subarray(0, 4).equals(MAGIC) || head[4] !== ALG_AES256GCM_CHUNKED) {
        throw new IntegrityError(`evidence file ${sha256} is corrupted: unknown header`);
      }
      const keyIdLen = head[5]!;
      const rest = Buffer.alloc(keyIdLen + 12);
      await readExactly(fh, rest, 6, sha256);
      // The key id is not inside the authenticated data, so it is checked here: a changed id is
      // tampering (or a blob from another store), never something to read past (found by fuzzing).
      const keyId = rest.subarray(0, keyIdLen).toString('utf8');
      if (keyId !== this.keyId)
        throw new IntegrityError(
          `evidence file ${sha256} is corrupted: it names key ${JSON.stringify(keyId)}, not this store's`,
        );
      const chunkSize = rest.readUInt32BE(keyIdLen);
      // Nor is the chunk size: this format writes one size only, so any other value is tampering.
      if (chunkSize !== CHUNK)
        throw new IntegrityError(
          `evidence file ${sha256} is corrupted: chunk size ${chunkSize}, expected ${CHUNK}`,
        );
      const prefix = rest.subarray(keyIdLen + 4);
      let pos = 6 + rest.length;
      const { size: total } = await fh.stat();
      const hash = createHash('sha256');
      let counter = 0;
      for (;;) {
        const remaining = total - pos;
        if (remaining < TAG) throw new IntegrityError(`evidence file ${sha256} is corrupted: truncated`);
        const len = Math.min(remaining, chunkSize + TAG);
        const buf = Buffer.alloc(len);
        await readExactly(fh, buf, pos, sha256);
        pos += len;
        const final = pos === total;
        const decipher = createDecipheriv('aes-256-gcm', this.key, nonce(prefix, counter));
        decipher.setAAD(aad(counter, final));
        decipher.setAuthTag(buf.subarray(len - TAG));
        let plain: Buffer;
        try {
          plain = Buffer.concat([decipher.update(buf.subarray(0, len - TAG)), decipher.final()]);
        } catch {
          throw new IntegrityError(
            `evidence file ${sha256} is corrupted: chunk ${counter} fails authentication`,
          );
        }
        hash.update(plain);
        counter++;
        yield plain;
        if (final) break;
      }
      if (hash.digest('hex') !== sha256) {
        throw new IntegrityError(`evidence file ${sha256} is corrupted: its SHA-256 no longer matches`);
      }
    } finally {
      await fh.close();
    }
  }

  /** Reads the whole blob and checks it, without keeping it in memory. */
  async verify(sha256: string): Promise<void> {
    for await (const _ of this.stream(sha256)) {
      // reading is the check
    }
  }
}

function nonce(prefix: Buffer, counter: number): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0);
  n.writeUInt32BE(counter, 8);
  return n;
}

function aad(counter: number, final: boolean): Buffer {
  const a = Buffer.alloc(5);
  a.writeUInt32BE(counter, 0);
  a.writeUInt8(final ? 1 : 0, 4);
  return a;
}

async function readExactly(fh: FileHandle, buf: Buffer, position: number, sha256: string): Promise<void> {
  const { bytesRead } = await fh.read(buf, 0, buf.length, position);
  if (bytesRead !== buf.length) throw new IntegrityError(`evidence file ${sha256} is corrupted: truncated`);
}

async function syncDir(fs: BlobFs, dir: string): Promise<void> {
  const fh = await fs.open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
