/**
 * Field-level envelope encryption (issue 8): protected identities and protected testimonies are
 * encrypted inside the record before they reach any database, so PostgreSQL (which has no
 * encryption at rest of its own), its backups and replicas never hold them in clear.
 *
 * Envelope: each case file has its own random 256-bit data key; data keys are stored wrapped by the
 * master key (see store/data-keys.ts). A sealed value is
 *
 *     tgf1.<key version>.<base64url(nonce ‖ ciphertext ‖ tag)>
 *
 * "tgf1" names the algorithm (AES-256-GCM, 96-bit random nonce, 128-bit tag); the key version
 * says which of the case's data keys sealed it, so values sealed before a rotation stay readable.
 * The header and the value's place (kind, record id, field set) are authenticated as associated
 * data: a ciphertext copied to another record or field does not open.
 *
 * Blind indexes are keyed hashes (HMAC-SHA256, truncated to 128 bits) of normalised values under a
 * key derived from the same data key: exact lookups and search terms still work on encrypted
 * fields, and without the key they say nothing beyond equality.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { IntegrityError, KeyError } from '../domain/errors.js';

export const FIELD_FORMAT = 'tgf1';
const NONCE = 12;
const TAG = 16;

/**
 * Nonces come from a pool refilled 48 KiB at a time: one CSPRNG call per 4,096 seals instead of
 * one per seal (the per-call cost was a quarter of a million-row import). Every nonce is still
 * 96 fresh random bits, used once.
 */
let pool = Buffer.alloc(0);
let poolAt = 0;
function freshNonce(): Buffer {
  if (poolAt + NONCE > pool.length) {
    pool = randomBytes(NONCE * 4096);
    poolAt = 0;
  }
  const n = pool.subarray(poolAt, poolAt + NONCE);
  poolAt += NONCE;
  return n;
}

export class DataKey {
  private readonly enc: Buffer;
  private readonly idx: Buffer;
  constructor(
    readonly caseId: string,
    /** The key's version within its case ("k1", "k2", …). */
    readonly version: string,
    key: Buffer,
  ) {
    if (key.length !== 32) throw new KeyError('a data key is 32 bytes');
    if (!/^k\d{1,6}$/.test(version)) throw new KeyError(`bad data key version ${version}`);
    const info = (p: string) => Buffer.from(`testigo:${p}:${caseId}`);
    this.enc = Buffer.from(hkdfSync('sha256', key, Buffer.from(version), info('fields-v1'), 32));
    this.idx = Buffer.from(hkdfSync('sha256', key, Buffer.from(version), info('blind-index-v1'), 32));
  }

  /** Encrypts `plain`; `place` (e.g. "person:per_01…") is bound to the ciphertext. */
  seal(plain: string, place: string): string {
    const header = `${FIELD_FORMAT}.${this.version}`;
    const nonce = freshNonce();
    const c = createCipheriv('aes-256-gcm', this.enc, nonce);
    c.setAAD(Buffer.from(`${header}|${this.caseId}|${place}`));
    const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return `${header}.${Buffer.concat([nonce, ct, c.getAuthTag()]).toString('base64url')}`;
  }

  open(sealed: string, place: string): string {
    const { version, body } = parseSealed(sealed);
    if (version !== this.version) throw new KeyError(`sealed under key ${version}, not ${this.version}`);
    const d = createDecipheriv('aes-256-gcm', this.enc, body.subarray(0, NONCE));
    d.setAAD(Buffer.from(`${FIELD_FORMAT}.${version}|${this.caseId}|${place}`));
    d.setAuthTag(body.subarray(body.length - TAG));
    try {
      return Buffer.concat([d.update(body.subarray(NONCE, body.length - TAG)), d.final()]).toString('utf8');
    } catch {
      throw new IntegrityError(`encrypted field of ${place} fails authentication (altered or moved)`);
    }
  }

  /** What a sealing worker thread needs to seal like this key (same process; never stored). */
  workerSecrets(): { caseId: string; version: string; enc: Uint8Array } {
    return { caseId: this.caseId, version: this.version, enc: new Uint8Array(this.enc) };
  }

  /** Blind index of a normalised value for one purpose (e.g. "surname", "term"): 32 hex chars. */
  blind(purpose: string, normalised: string): string {
    return createHmac('sha256', this.idx).update(`${purpose}\u0000${normalised}`).digest('hex').slice(0, 32);
  }
}

export function isSealed(v: unknown): v is string {
  return typeof v === 'string' && v.startsWith(`${FIELD_FORMAT}.`);
}

/** Splits a sealed value; rejects anything malformed or cut off before any decryption. */
export function parseSealed(sealed: string): { version: string; body: Buffer } {
  const parts = sealed.split('.');
  if (parts.length !== 3 || parts[0] !== FIELD_FORMAT || !/^k\d{1,6}$/.test(parts[1] ?? ''))
    throw new IntegrityError('encrypted field has an unknown format');
  if (!/^[A-Za-z0-9_-]*$/.test(parts[2]!)) throw new IntegrityError('encrypted field is not base64url');
  const body = Buffer.from(parts[2]!, 'base64url');
  if (body.length < NONCE + TAG) throw new IntegrityError('encrypted field is truncated');
  return { version: parts[1]!, body };
}
