import { digest } from './login-throttle.js';

export class RateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt; returns false when the key is over its limit. */
  take(key: string, now = Date.now()): boolean {
    const k = digest(key);
    const h = this.hits.get(k);
    if (!h || h.resetAt <= now) {
      this.hits.set(k, { count: 1, resetAt: now + this.windowMs });
      if (this.hits.size > 50_000) this.sweep(now);
      return true;
    }
    h.count++;
    return h.count <= this.max;
  }

  retryAfterSeconds(key: string, now = Date.now()): number {
    const h = this.hits.get(digest(key));
    return h ? Math.max(1, Math.ceil((h.resetAt - now) / 1000)) : 0;
  }

  private sweep(now: number) {
    for (const [k, h] of this.hits) if (h.resetAt <= now) this.hits.delete(k);
  }
}
