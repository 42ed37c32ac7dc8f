/** The demo case's seeded PRNG (mulberry32): its published data depend on this exact sequence, so it is not the
 * xoshiro128** of domain/random.ts. `int(lo, hi)` includes both ends. */
export class DemoRng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Picks by explicit weights. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let r = this.next() * total;
    for (const [x, w] of pairs) {
      r -= w;
      if (r < 0) return x;
    }
    return pairs[pairs.length - 1]![0];
  }
  /** Picks with weights ~ 1/rank^s (Zipf-like): common surnames are common. */
  zipf<T>(xs: readonly T[], s = 1): T {
    let total = 0;
    for (let i = 0; i < xs.length; i++) total += 1 / (i + 1) ** s;
    let r = this.next() * total;
    for (let i = 0; i < xs.length; i++) {
      r -= 1 / (i + 1) ** s;
      if (r <= 0) return xs[i]!;
    }
    return xs[xs.length - 1]!;
  }
  /** `k` distinct elements in random order (all of them when k ≥ length). */
  sample<T>(xs: readonly T[], k: number): T[] {
    const copy = xs.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, Math.min(k, copy.length));
  }
  shuffle<T>(xs: readonly T[]): T[] {
    return this.sample(xs, xs.length);
  }
}
