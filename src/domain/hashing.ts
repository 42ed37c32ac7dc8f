/**
 * The hashes Testigo states about things (files, texts, keys). One definition each, so the value a
 * bundle, a report or the custody log states is computed the same way everywhere it is checked.
 */
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

/** SHA-256 of bytes or of a string's UTF-8, as 64 lowercase hex digits. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 (hex) of a public key's SPKI DER: the signer's identity as people compare it. */
export function keyFingerprint(key: KeyObject | string): string {
  const k = typeof key === 'string' ? createPublicKey(key) : key;
  return sha256Hex(k.export({ type: 'spki', format: 'der' }));
}
