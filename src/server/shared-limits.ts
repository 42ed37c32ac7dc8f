import type { CaseStore } from '../store/case-store.js';
import { digest, FREE_FAILURES, LoginThrottle, MAX_BACKOFF_MS } from './login-throttle.js';
import { RateLimiter } from './rate-limit.js';

export interface SignInLimiter {
  /** Seconds to wait before this attempt is even evaluated; 0 when it may proceed. */
  retryAfter(username: string, address: string): Promise<number>;
  failed(username: string, address: string): Promise<void>;
  succeeded(username: string, address: string): Promise<void>;
}

export interface Quota {
  /** Counts one attempt; false when the key is over its limit. */
  take(key: string, now?: number): Promise<boolean>;
  retryAfterSeconds(key: string, now?: number): Promise<number>;
}

/** Spends a proof-of-work challenge once across every process; false when it was spent already. */
export type SpendOnce = (tag: string, expiresMs: number) => Promise<boolean>;

export interface SharedLimits {
  readonly shared: boolean;
  signIn(perAddress: number, windowMs: number): SignInLimiter;
  quota(name: string, max: number, windowMs: number): Quota;
  /** Undefined on SQLite: the guard's own memory is the one place challenges are spent. */
  spendOnce?: SpendOnce;
}

/** The limits of a store: in tables on PostgreSQL, in this process's memory on SQLite. */
export function sharedLimits(store: CaseStore): SharedLimits {
  return store.dialect === 'postgres' ? new PgLimits(store) : inProcess;
}

const inProcess: SharedLimits = {
  shared: false,
  signIn(perAddress, windowMs) {
    const t = new LoginThrottle(perAddress, windowMs);
    return {
      retryAfter: async (u, a) => t.retryAfter(u, a),
      failed: async (u, a) => t.failed(u, a),
      succeeded: async (u, a) => t.succeeded(u, a),
    };
  },
  quota(_name, max, windowMs) {
    const r = new RateLimiter(max, windowMs);
    return {
      take: async (k, now) => r.take(k, now),
      retryAfterSeconds: async (k, now) => r.retryAfterSeconds(k, now),
    };
  },
};

class PgLimits implements SharedLimits {
  readonly shared = true;
  private nextSweep = 0;
  constructor(private readonly store: CaseStore) {}

  private async hit(key: string, windowMs: number, now: number) {
    await this.sweep(now);
    return this.store.limits.hit(key, windowMs, now);
  }

  private live(keys: string[], now: number) {
    return this.store.limits.live(keys, now);
  }

  private async sweep(now: number): Promise<void> {
    if (now < this.nextSweep) return;
    this.nextSweep = now + 60_000;
    await this.store.limits.sweep(now);
  }

  signIn(perAddress: number, windowMs: number): SignInLimiter {
    // The same rules as LoginThrottle (see there), counted in the shared table.
    const pairKey = (u: string, a: string) => digest(`login-pair:${u.trim().toLowerCase()}\n${a}`);
    const addrKey = (a: string) => digest(`login-ip:${a}`);
    return {
      retryAfter: async (u, a) => {
        const now = Date.now();
        const pk = pairKey(u, a);
        const ak = addrKey(a);
        const rows = await this.live([pk, ak], now);
        const pair = rows.get(pk);
        const addr = rows.get(ak);
        const waits = [pair && pair.until > now ? pair.until - now : 0];
        if (addr && addr.count >= perAddress) waits.push(addr.expires - now);
        const ms = Math.max(...waits);
        return ms > 0 ? Math.ceil(ms / 1000) : 0;
      },
      failed: async (u, a) => {
        const now = Date.now();
        const pk = pairKey(u, a);
        const { count } = await this.hit(pk, windowMs, now);
        const over = count - FREE_FAILURES;
        const wait = over > 0 ? Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (over - 1)) : 0;
        // Concurrent failures on several processes: the longest wait and lifetime win.
        await this.store.limits.extend(pk, now + wait, now + Math.max(windowMs, wait * 2));
        await this.hit(addrKey(a), windowMs, now);
      },
      succeeded: async (u, a) => {
        await this.store.limits.clear(pairKey(u, a));
      },
    };
  }

  quota(name: string, max: number, windowMs: number): Quota {
    const k = (key: string) => digest(`quota:${name}:${key}`);
    return {
      take: async (key, now = Date.now()) => (await this.hit(k(key), windowMs, now)).count <= max,
      retryAfterSeconds: async (key, now = Date.now()) => {
        const e = (await this.live([k(key)], now)).get(k(key));
        return e ? Math.max(1, Math.ceil((e.expires - now) / 1000)) : 0;
      },
    };
  }

  spendOnce: SpendOnce = async (tag, expiresMs) => {
    await this.sweep(Date.now());
    return this.store.limits.spendOnce(digest(tag), expiresMs);
  };
}
