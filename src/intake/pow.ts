/**
 * Proof-of-work challenges for the public form: the server hands out a signed, expiring, single-use
 * challenge; the browser finds a nonce so that SHA-256(`challenge:nonce`) starts with `bits` zero
 * bits (~65,000 hashes at 16 bits: a second in a browser, but a real cost per message for a bulk
 * sender). No third-party service, no cookie, no state until the challenge is spent.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const DEFAULT_POW_BITS = 16;
const TTL_MS = 10 * 60_000;

export interface Challenge {
  challenge: string;
  difficulty: number;
  expiresAt: string;
}

/** Leading zero bits of a byte string. */
export function leadingZeroBits(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) {
    if (b === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(b) - 24;
  }
  return n;
}

export function powDigest(challenge: string, nonce: string): Buffer {
  return createHash('sha256').update(`${challenge}:${nonce}`, 'utf8').digest();
}

/** Brute force, for tests and command-line clients (the web app does the same with WebCrypto). */
export function solvePow(challenge: string, bits: number): string {
  for (let n = 0; ; n++) if (leadingZeroBits(powDigest(challenge, String(n))) >= bits) return String(n);
}

export class PowGuard {
  private readonly secret: Buffer;
  /** Spent challenges until they expire anyway (bounded by the rate limits upstream). */
  private readonly spent = new Map<string, number>();

  constructor(
    readonly difficulty = DEFAULT_POW_BITS,
    private readonly now: () => number = Date.now,
    secret?: Buffer,
  ) {
    // Per process unless given (several processes share one derived from the store's key):
    // challenges do not survive a restart, which only costs a sender one retry.
    this.secret = secret ?? randomBytes(32);
  }

  issue(caseId: string): Challenge {
    const expires = this.now() + TTL_MS;
    const payload = Buffer.concat([
      randomBytes(16),
      Buffer.from(String(expires).padStart(16, '0')),
      Buffer.from(caseId, 'utf8'),
    ]).toString('base64url');
    const tag = this.tag(payload);
    return {
      challenge: `${payload}.${tag}`,
      difficulty: this.difficulty,
      expiresAt: new Date(expires).toISOString(),
    };
  }

  /**
   * Checks and spends a challenge. Returns a reason when refused (said to the sender in general
   * terms: nothing here helps an attacker).
   */
  redeem(challenge: string, nonce: string, caseId: string): { ok: true } | { ok: false; reason: string } {
    const checked = this.check(challenge, nonce, caseId);
    if (!checked.ok) return checked;
    this.spent.set(checked.tag, checked.expires);
    return { ok: true };
  }

  /**
   * Checks a challenge without spending it: the caller spends `tag` (until `expires`) itself, in
   * a place every server process shares (several processes on PostgreSQL).
   */
  check(
    challenge: string,
    nonce: string,
    caseId: string,
  ): { ok: true; tag: string; expires: number } | { ok: false; reason: string } {
    if (
      typeof challenge !== 'string' ||
      typeof nonce !== 'string' ||
      nonce.length > 64 ||
      challenge.length > 400
    )
      return { ok: false, reason: 'malformed challenge' };
    const [payload, tag] = challenge.split('.');
    if (!payload || !tag) return { ok: false, reason: 'malformed challenge' };
    const expected = Buffer.from(this.tag(payload));
    const given = Buffer.from(tag);
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      return { ok: false, reason: 'unknown challenge' };
    const raw = Buffer.from(payload, 'base64url');
    const expires = Number(raw.subarray(16, 32).toString());
    if (raw.subarray(32).toString('utf8') !== caseId)
      return { ok: false, reason: 'challenge for another case' };
    const now = this.now();
    if (!(expires > now)) return { ok: false, reason: 'challenge expired' };
    this.sweep(now);
    if (this.spent.has(tag)) return { ok: false, reason: 'challenge already used' };
    if (leadingZeroBits(powDigest(challenge, nonce)) < this.difficulty)
      return { ok: false, reason: 'proof of work not met' };
    return { ok: true, tag, expires };
  }

  private tag(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }

  private sweep(now: number) {
    if (this.spent.size < 1000) return;
    for (const [k, exp] of this.spent) if (exp <= now) this.spent.delete(k);
  }
}
