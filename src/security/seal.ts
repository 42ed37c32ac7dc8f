/**
 * Small secrets at rest (TOTP seeds): AES-256-GCM under a key derived from the master key, with
 * an algorithm/key-id header so they can be re-encrypted when keys rotate.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { IntegrityError } from '../domain/errors.js';
import type { MasterKey } from './keyring.js';

export class Sealer {
  private readonly key: Buffer;
  constructor(private readonly master: MasterKey) {
    this.key = master.derive('secrets-v1');
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
