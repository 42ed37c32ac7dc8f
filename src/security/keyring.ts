/**
 * The store's keys. One random 256-bit master key protects everything at rest (the SQLite file,
 * evidence blobs, later per-case field keys). It is never stored in clear: the keyring holds it
 * wrapped (AES-256-GCM) under a key-encryption key that comes either from a passphrase stretched
 * with scrypt (memory-hard, far above SQLite3MC's PBKDF2 default) or from a random key file.
 * A wrong passphrase fails the GCM tag check: a clear error, never a garbled read.
 */
import {
  createCipheriv,
  createDecipheriv,
  hkdfSync,
  randomBytes,
  scrypt as scryptCb,
  timingSafeEqual,
} from 'node:crypto';
import { z } from 'zod';
import { KeyError } from '../domain/errors.js';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
/** 2^17 × 8 × 128 B = 128 MiB of memory per guess (OWASP's scrypt guidance is N=2^17, r=8, p=1). */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

export type KeySource = { kind: 'passphrase'; passphrase: string } | { kind: 'keyfile'; key: Buffer };

const Wrapping = z.object({
  type: z.enum(['passphrase', 'keyfile']),
  kdf: z
    .object({
      alg: z.literal('scrypt'),
      N: z.number().int(),
      r: z.number().int(),
      p: z.number().int(),
      salt: z.string(),
    })
    .optional(),
  alg: z.literal('AES-256-GCM'),
  nonce: z.string(),
  ciphertext: z.string(),
  tag: z.string(),
});
export const KeyringFile = z.object({
  format: z.literal('testigo-keyring'),
  version: z.literal(1),
  keyId: z.string(),
  createdAt: z.string(),
  /** SHA-256-based check value of the master key, to tell "wrong key" from "damaged data". */
  check: z.string(),
  wrappings: z.array(Wrapping).min(1),
});
export type KeyringFile = z.infer<typeof KeyringFile>;

export class MasterKey {
  constructor(
    readonly keyId: string,
    private readonly key: Buffer,
  ) {
    if (key.length !== 32) throw new KeyError('master key must be 32 bytes');
  }
  /** Derives an independent 32-byte subkey for one purpose (HKDF-SHA256). */
  derive(purpose: string): Buffer {
    return Buffer.from(
      hkdfSync('sha256', this.key, Buffer.from(this.keyId), Buffer.from(`testigo:${purpose}`), 32),
    );
  }
  /** The raw key, for wrapping it under another key-encryption key. Never log or store it. */
  raw(): Buffer {
    return this.key;
  }
  /** Hex string that keys the SQLite3MultipleCiphers database. */
  sqliteKey(): string {
    return this.derive('sqlite-v1').toString('hex');
  }
}

function scrypt(pass: string, salt: Buffer, p: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(pass.normalize('NFC'), salt, 32, { ...p, maxmem: 256 * p.N * p.r * 2 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

function keyfileKek(key: Buffer, keyId: string): Buffer {
  if (key.length < 32) throw new KeyError('the key file must hold at least 32 random bytes');
  return Buffer.from(hkdfSync('sha256', key, Buffer.from(keyId), Buffer.from('testigo:keyfile-kek'), 32));
}

function checkValue(master: Buffer, keyId: string): string {
  return Buffer.from(
    hkdfSync('sha256', master, Buffer.from(keyId), Buffer.from('testigo:check'), 16),
  ).toString('hex');
}

async function kekFor(
  source: KeySource,
  keyId: string,
  kdf?: { N: number; r: number; p: number; salt: string },
) {
  if (source.kind === 'keyfile') return keyfileKek(source.key, keyId);
  if (!kdf) throw new KeyError('keyring entry has no KDF parameters');
  return scrypt(source.passphrase, Buffer.from(kdf.salt, 'base64'), kdf);
}

async function wrap(master: Buffer, keyId: string, source: KeySource, cost: ScryptParams) {
  const salt = randomBytes(16);
  const kdf =
    source.kind === 'passphrase'
      ? { alg: 'scrypt' as const, ...cost, salt: salt.toString('base64') }
      : undefined;
  const kek = await kekFor(source, keyId, kdf);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, nonce);
  cipher.setAAD(Buffer.from(`${keyId}:${source.kind}`));
  const ciphertext = Buffer.concat([cipher.update(master), cipher.final()]);
  return {
    type: source.kind,
    kdf,
    alg: 'AES-256-GCM' as const,
    nonce: nonce.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Creates a new master key and a keyring that opens it with `source`. */
export async function createKeyring(
  source: KeySource,
  opts: { scrypt?: ScryptParams } = {},
): Promise<{ keyring: KeyringFile; master: MasterKey }> {
  if (source.kind === 'passphrase' && source.passphrase.length < 12) {
    throw new KeyError('the passphrase must be at least 12 characters long');
  }
  const keyId = `k_${randomBytes(8).toString('hex')}`;
  const master = randomBytes(32);
  const keyring: KeyringFile = {
    format: 'testigo-keyring',
    version: 1,
    keyId,
    createdAt: new Date().toISOString(),
    check: checkValue(master, keyId),
    wrappings: [await wrap(master, keyId, source, opts.scrypt ?? DEFAULT_SCRYPT)],
  };
  return { keyring, master: new MasterKey(keyId, master) };
}

/** Adds another way to open the same master key (e.g. a key file beside a passphrase). */
export async function addWrapping(
  keyring: KeyringFile,
  master: MasterKey,
  source: KeySource,
  opts: { scrypt?: ScryptParams } = {},
): Promise<KeyringFile> {
  const raw = master.raw();
  return {
    ...keyring,
    wrappings: [...keyring.wrappings, await wrap(raw, keyring.keyId, source, opts.scrypt ?? DEFAULT_SCRYPT)],
  };
}

/** Opens the master key; a wrong passphrase or key file is a KeyError that says so. */
export async function unlockKeyring(raw: unknown, source: KeySource): Promise<MasterKey> {
  const parsed = KeyringFile.safeParse(raw);
  if (!parsed.success) throw new KeyError('the keyring is damaged or not a Testigo keyring');
  const keyring = parsed.data;
  const candidates = keyring.wrappings.filter((w) => w.type === source.kind);
  if (candidates.length === 0) {
    throw new KeyError(
      `this store cannot be opened with a ${source.kind === 'passphrase' ? 'passphrase' : 'key file'}`,
    );
  }
  for (const w of candidates) {
    const kek = await kekFor(source, keyring.keyId, w.kdf);
    try {
      const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(w.nonce, 'base64'));
      decipher.setAAD(Buffer.from(`${keyring.keyId}:${w.type}`));
      decipher.setAuthTag(Buffer.from(w.tag, 'base64'));
      const master = Buffer.concat([decipher.update(Buffer.from(w.ciphertext, 'base64')), decipher.final()]);
      const check = Buffer.from(checkValue(master, keyring.keyId), 'hex');
      if (!timingSafeEqual(check, Buffer.from(keyring.check, 'hex')))
        throw new KeyError('keyring check value mismatch');
      return new MasterKey(keyring.keyId, master);
    } catch (err) {
      if (err instanceof KeyError) throw err;
      // GCM tag failure: try the next wrapping of this type, if any.
    }
  }
  throw new KeyError(
    source.kind === 'passphrase'
      ? 'wrong passphrase for this store'
      : 'this key file does not open this store',
  );
}
