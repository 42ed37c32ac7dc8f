/**
 * Sign-in throttling that a stranger cannot turn against someone else. Only FAILED attempts count,
 * on two keys:
 * - account + address: after a few failures each further one doubles the wait (1 s, 2 s, 4 s … up to
 *   15 min). Someone guessing from one address slows to a crawl; the owner, signing in from any
 *   other address, is not affected. No account is ever locked.
 * - address: a cap of failures per window, whatever the usernames (stops spraying one password over
 *   many accounts). Successful sign-ins are not counted, so an office behind one address is not
 *   locked out by its own colleagues signing in.
 * The answer while throttled is the same for every username, real or not, so it reveals nothing.
 * Keys are hashed: no username or address is kept in clear in memory.
 */
import { createHash } from 'node:crypto';

export const FREE_FAILURES = 3;
export const MAX_BACKOFF_MS = 15 * 60_000;

interface Entry {
  failures: number;
  /** No attempt is evaluated before this time. */
  until: number;
  /** When the entry is forgotten (a quiet key starts afresh). */
  expires: number;
}

/** Limiter keys are digests: no username or address is kept in clear (shared with shared-limits.ts). */
export const digest = (s: string) => createHash('sha256').update(s).digest('base64url');

export class LoginThrottle {
  private readonly pairs = new Map<string, Entry>();
  private readonly addresses = new Map<string, Entry>();

  constructor(
    /** Failed sign-ins allowed per address in `windowMs`. */
    private readonly perAddress = 10,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Seconds to wait before this attempt is even evaluated; 0 when it may proceed. */
  retryAfter(username: string, address: string, now = Date.now()): number {
    const pair = this.live(this.pairs, pairKey(username, address), now);
    const addr = this.live(this.addresses, digest(`ip:${address}`), now);
    const waits = [pair && pair.until > now ? pair.until - now : 0];
    if (addr && addr.failures >= this.perAddress) waits.push(addr.expires - now);
    const ms = Math.max(...waits);
    return ms > 0 ? Math.ceil(ms / 1000) : 0;
  }

  failed(username: string, address: string, now = Date.now()): void {
    const pk = pairKey(username, address);
    const pair = this.live(this.pairs, pk, now) ?? { failures: 0, until: 0, expires: 0 };
    pair.failures++;
    const over = pair.failures - FREE_FAILURES;
    const wait = over > 0 ? Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (over - 1)) : 0;
    pair.until = now + wait;
    pair.expires = now + Math.max(this.windowMs, wait * 2);
    this.pairs.set(pk, pair);
    const ak = digest(`ip:${address}`);
    const addr = this.live(this.addresses, ak, now) ?? {
      failures: 0,
      until: 0,
      expires: now + this.windowMs,
    };
    addr.failures++;
    this.addresses.set(ak, addr);
    if (this.pairs.size + this.addresses.size > 100_000) this.sweep(now);
  }

  /** The owner got in from this address: forget its failures there (the address cap stays). */
  succeeded(username: string, address: string): void {
    this.pairs.delete(pairKey(username, address));
  }

  private live(map: Map<string, Entry>, key: string, now: number): Entry | undefined {
    const e = map.get(key);
    if (e && e.expires <= now) {
      map.delete(key);
      return undefined;
    }
    return e;
  }

  private sweep(now: number) {
    for (const map of [this.pairs, this.addresses])
      for (const [k, e] of map) if (e.expires <= now) map.delete(k);
  }
}

const pairKey = (username: string, address: string) =>
  digest(`pair:${username.trim().toLowerCase()}\n${address}`);
