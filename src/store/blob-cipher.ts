/**
 * The format of a stored evidence file, whatever holds it (local disk, S3-compatible object
 * storage): header `TGB1 ‖ alg ‖ len(keyId) ‖ keyId ‖ chunk size ‖ 8-byte nonce prefix`, then
 * AES-256-GCM chunks of 64 KiB plaintext, nonce = prefix ‖ chunk counter, the counter and a
 * "last chunk" flag in the associated data (so truncation and reordering are detected). Readers
 * recompute the SHA-256 of the plaintext and refuse bytes that do not match the name.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { IntegrityError } from '../domain/errors.js';

const MAGIC = Buffer.from('TGB1');
const ALG_AES256GCM_CHUNKED = 1;
export const BLOB_CHUNK = 64 * 1024;
const TAG = 16;

/** Encrypts a stream of plaintext pieces into the stored form, hashing the plaintext as it goes. */
export class BlobEncryptor {
  private readonly hash = createHash('sha256');
  private readonly prefix = randomBytes(8);
  private pending = Buffer.alloc(0);
  private counter = 0;
  size = 0;

  constructor(
    private readonly key: Buffer,
    private readonly keyId: string,
  ) {}

  header(): Buffer {
    const id = Buffer.from(this.keyId);
    const header = Buffer.alloc(4 + 1 + 1 + id.length + 4 + 8);
    let o = MAGIC.copy(header, 0);
    o = header.writeUInt8(ALG_AES256GCM_CHUNKED, o);
    o = header.writeUInt8(id.length, o);
    o += id.copy(header, o);
    o = header.writeUInt32BE(BLOB_CHUNK, o);
    this.prefix.copy(header, o);
    return header;
  }

  /** Takes plaintext; returns the encrypted chunks now complete (one Buffer per chunk). */
  push(piece: Uint8Array): Buffer[] {
    const buf = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    this.hash.update(buf);
    this.size += buf.length;
    this.pending = this.pending.length ? Buffer.concat([this.pending, buf]) : Buffer.from(buf);
    const out: Buffer[] = [];
    // A full chunk is held back until more follows: the last chunk must be marked as last.
    while (this.pending.length > BLOB_CHUNK) {
      out.push(this.chunk(this.pending.subarray(0, BLOB_CHUNK), false));
      this.pending = this.pending.subarray(BLOB_CHUNK);
    }
    return out;
  }

  /** The last chunk (possibly empty plaintext) and the SHA-256 of everything pushed. */
  finish(): { last: Buffer; sha256: string } {
    const last = this.chunk(this.pending, true);
    this.pending = Buffer.alloc(0);
    return { last, sha256: this.hash.digest('hex') };
  }

  private chunk(plain: Buffer, final: boolean): Buffer {
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce(this.prefix, this.counter));
    cipher.setAAD(aad(this.counter, final));
    this.counter++;
    return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  }
}

/**
 * Decrypts a stored blob read as a stream of bytes (any piece sizes), yielding verified plaintext
 * chunk by chunk. The SHA-256 of the whole is checked at the end: the generator throws there, so
 * a caller that must not emit unverified bytes reads it through once first (verify).
 */
export async function* decryptBlob(
  source: AsyncIterable<Uint8Array>,
  key: Buffer,
  keyId: string,
  sha256: string,
): AsyncGenerator<Buffer> {
  const corrupted = (why: string) => new IntegrityError(`evidence file ${sha256} is corrupted: ${why}`);
  const it = source[Symbol.asyncIterator]();
  let buf = Buffer.alloc(0);
  let ended = false;
  /** Reads until `n` bytes are buffered or the source ends. */
  const fill = async (n: number) => {
    while (!ended && buf.length < n) {
      const r = await it.next();
      if (r.done) ended = true;
      else buf = buf.length ? Buffer.concat([buf, Buffer.from(r.value)]) : Buffer.from(r.value);
    }
  };
  try {
    await fill(6);
    if (buf.length < 6) throw corrupted('truncated');
    if (!buf.subarray(0, 4).equals(MAGIC) || buf[4] !== ALG_AES256GCM_CHUNKED)
      throw corrupted('unknown header');
    const keyIdLen = buf[5]!;
    const headLen = 6 + keyIdLen + 12;
    await fill(headLen);
    if (buf.length < headLen) throw corrupted('truncated');
    // The key id is not inside the authenticated data, so it is checked here: a changed id is
    // tampering (or a blob from another store), never something to read past.
    const storedKeyId = buf.subarray(6, 6 + keyIdLen).toString('utf8');
    if (storedKeyId !== keyId)
      throw corrupted(`it names key ${JSON.stringify(storedKeyId)}, not this store's`);
    // Nor is the chunk size: this format writes one size only, so any other value is tampering.
    const chunkSize = buf.readUInt32BE(6 + keyIdLen);
    if (chunkSize !== BLOB_CHUNK) throw corrupted(`chunk size ${chunkSize}, expected ${BLOB_CHUNK}`);
    const prefix = Buffer.from(buf.subarray(6 + keyIdLen + 4, headLen));
    buf = buf.subarray(headLen);
    const hash = createHash('sha256');
    const whole = chunkSize + TAG;
    for (let counter = 0; ; counter++) {
      // One byte beyond a whole chunk tells whether this chunk is the last.
      await fill(whole + 1);
      if (buf.length < TAG) throw corrupted('truncated');
      const final = buf.length <= whole;
      const len = Math.min(buf.length, whole);
      const decipher = createDecipheriv('aes-256-gcm', key, nonce(prefix, counter));
      decipher.setAAD(aad(counter, final));
      decipher.setAuthTag(buf.subarray(len - TAG, len));
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(buf.subarray(0, len - TAG)), decipher.final()]);
      } catch {
        throw corrupted(`chunk ${counter} fails authentication`);
      }
      buf = buf.subarray(len);
      hash.update(plain);
      yield plain;
      if (final) break;
    }
    if (hash.digest('hex') !== sha256) throw corrupted('its SHA-256 no longer matches');
  } finally {
    if (!ended) await it.return?.();
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
