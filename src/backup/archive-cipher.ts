/**
 * Encryption of the parts of a backup that the store does not encrypt itself — today the logical
 * dump of a PostgreSQL database, which PostgreSQL keeps in clear. AES-256-GCM in 64 KiB chunks:
 *
 *   header  "TGBK" | version 1 | alg 1 | keyId length | keyId | salt (16) | chunk size (u32)
 *   chunks  ciphertext ‖ tag, nonce = 96-bit chunk counter, AAD = header ‖ counter ‖ final flag
 *
 * The key is derived per archive: HKDF-SHA256 over a secret derived from the master key for this
 * purpose only, with the archive's random salt — so no key/nonce pair ever repeats across
 * archives. The header is in every chunk's associated data (a changed key id or chunk size fails
 * authentication) and the final flag detects truncation, as in the blob store.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { IntegrityError } from '../domain/errors.js';
import type { Sealer } from '../security/seal.js';

const MAGIC = Buffer.from('TGBK');
const VERSION = 1;
const ALG_AES256GCM_CHUNKED = 1;
export const ARCHIVE_CHUNK = 64 * 1024;
const TAG = 16;
const PURPOSE = 'backup-archive-encryption-v1';

/**
 * A 32-byte secret for archive encryption, derived from the master key. The Sealer exposes
 * master-key derivations only as Ed25519 seeds (one per purpose); this purpose is never used to
 * sign anything, so its seed serves as input keying material for HKDF, nothing else.
 */
export function archiveSecret(sealer: Sealer): Buffer {
  const der = sealer.signingKey(PURPOSE).privateKey.export({ format: 'der', type: 'pkcs8' });
  return Buffer.from(der.subarray(der.length - 32));
}

function chunkKey(secret: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, salt, Buffer.from('testigo:backup-archive-v1'), 32));
}

function nonce(counter: number): Buffer {
  const n = Buffer.alloc(12);
  n.writeUInt32BE(Math.floor(counter / 2 ** 32), 4);
  n.writeUInt32BE(counter >>> 0, 8);
  return n;
}

function aad(header: Buffer, counter: number, final: boolean): Buffer {
  const a = Buffer.alloc(header.length + 9);
  header.copy(a, 0);
  a.writeUInt32BE(Math.floor(counter / 2 ** 32), header.length);
  a.writeUInt32BE(counter >>> 0, header.length + 4);
  a.writeUInt8(final ? 1 : 0, header.length + 8);
  return a;
}

/** A stream that encrypts everything written to it into the chunked format above. */
export function encryptStream(secret: Buffer, keyId: string): Transform {
  const salt = randomBytes(16);
  const key = chunkKey(secret, salt);
  const idBytes = Buffer.from(keyId, 'utf8');
  const header = Buffer.alloc(4 + 3 + idBytes.length + 16 + 4);
  let o = MAGIC.copy(header, 0);
  o = header.writeUInt8(VERSION, o);
  o = header.writeUInt8(ALG_AES256GCM_CHUNKED, o);
  o = header.writeUInt8(idBytes.length, o);
  o += idBytes.copy(header, o);
  o += salt.copy(header, o);
  header.writeUInt32BE(ARCHIVE_CHUNK, o);
  let counter = 0;
  let pending: Buffer = Buffer.alloc(0);
  const seal = (plain: Buffer, final: boolean): Buffer => {
    const c = createCipheriv('aes-256-gcm', key, nonce(counter));
    c.setAAD(aad(header, counter, final));
    counter++;
    return Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
  };
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      if (!started) {
        this.push(header);
        started = true;
      }
      pending = pending.length ? Buffer.concat([pending, chunk]) : Buffer.from(chunk);
      while (pending.length > ARCHIVE_CHUNK) {
        this.push(seal(pending.subarray(0, ARCHIVE_CHUNK), false));
        pending = pending.subarray(ARCHIVE_CHUNK);
      }
      cb();
    },
    flush(cb: TransformCallback) {
      if (!started) this.push(header);
      this.push(seal(pending, true));
      cb();
    },
  });
}

async function readExactly(fh: FileHandle, len: number, position: number, what: string): Promise<Buffer> {
  const buf = Buffer.alloc(len);
  const { bytesRead } = await fh.read(buf, 0, len, position);
  if (bytesRead !== len) throw new IntegrityError(`${what} is truncated`);
  return buf;
}

/**
 * Decrypts a file written through encryptStream, chunk by chunk; any altered, reordered,
 * truncated or appended byte, or another store's key, ends in an IntegrityError naming `what`.
 */
export async function* decryptFile(
  fh: FileHandle,
  secret: Buffer,
  keyId: string,
  what: string,
): AsyncGenerator<Buffer> {
  const head = await readExactly(fh, 7, 0, what);
  if (!head.subarray(0, 4).equals(MAGIC) || head[4] !== VERSION || head[5] !== ALG_AES256GCM_CHUNKED)
    throw new IntegrityError(`${what} is not an encrypted Testigo archive part (unknown header)`);
  const idLen = head[6]!;
  const rest = await readExactly(fh, idLen + 20, 7, what);
  const header = Buffer.concat([head, rest]);
  if (rest.subarray(0, idLen).toString('utf8') !== keyId)
    throw new IntegrityError(`${what} was encrypted under another store's key`);
  const salt = rest.subarray(idLen, idLen + 16);
  const chunkSize = rest.readUInt32BE(idLen + 16);
  if (chunkSize !== ARCHIVE_CHUNK) throw new IntegrityError(`${what} is corrupted: unexpected chunk size`);
  const key = chunkKey(secret, salt);
  const { size: total } = await fh.stat();
  let pos = header.length;
  let counter = 0;
  for (;;) {
    const remaining = total - pos;
    if (remaining < TAG) throw new IntegrityError(`${what} is truncated`);
    const len = Math.min(remaining, chunkSize + TAG);
    const buf = await readExactly(fh, len, pos, what);
    pos += len;
    const final = pos === total;
    const d = createDecipheriv('aes-256-gcm', key, nonce(counter));
    d.setAAD(aad(header, counter, final));
    d.setAuthTag(buf.subarray(len - TAG));
    let plain: Buffer;
    try {
      plain = Buffer.concat([d.update(buf.subarray(0, len - TAG)), d.final()]);
    } catch {
      throw new IntegrityError(`${what} is corrupted: chunk ${counter} fails authentication`);
    }
    counter++;
    yield plain;
    if (final) return;
  }
}
