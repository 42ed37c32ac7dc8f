/**
 * Small secrets at rest (TOTP seeds): AES-256-GCM under a key derived from the master key, with
 * an algorithm/key-id header so they can be re-encrypted when keys rotate.
 */
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { IntegrityError } from '../domain/errors.js';
import type { MasterKey } from './keyring.js';

export class Sealer {
  private readonly key: Buffer;
  constructor(private readonly master: MasterKey) {
    this.key = master.derive('secrets-v1');
  }
  /**
   * An Ed25519 key pair derived from the master key for one purpose (e.g. signing audit
   * checkpoints): nothing to store, the same key whenever the store is unlocked, and a different
   * key for every store.
   */
  signingKey(purpose: string): { privateKey: KeyObject; publicKey: KeyObject } {
    const seed = this.master.derive(`ed25519:${purpose}`);
    // PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410).
    const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
    const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    return { privateKey, publicKey: createPublicKey(privateKey) };
  }

  /** A 32-byte secret derived from the master key for one purpose: the same in every process. */
  secret(purpose: string): Buffer {
    return this.master.derive(`secret:${purpose}`);
  }

  seal(plain: string, context: string): string {
    const nonce = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, nonce);
    c.setAAD(Buffer.from(context));
    const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return `v1.aes256gcm.${this.master.keyId}.${Buffer.concat([nonce, ct, c.getAuthTag()]).toString('base64url')}`;
  }
  open(sealed: string, context: string): string {
    const [v, alg, keyId, data] = sealed.split('.');
    if (v !== 'v1' || alg !== 'aes256gcm' || keyId !== this.master.keyId || !data)
      throw new IntegrityError('sealed secret has an unknown format or key');
    const buf = Buffer.from(data, 'base64url');
    // Shorter than nonce + tag: cut off, not a sealed secret (found by the fuzz test).
    if (buf.length < 28) throw new IntegrityError('sealed secret is truncated');
    const d = createDecipheriv('aes-256-gcm', this.key, buf.subarray(0, 12));
    d.setAAD(Buffer.from(context));
    d.setAuthTag(buf.subarray(buf.length - 16));
    try {
      return Buffer.concat([d.update(buf.subarray(12, buf.length - 16)), d.final()]).toString('utf8');
    } catch {
      throw new IntegrityError('sealed secret fails authentication');
    }
  }
}
