/** Seeded sampling helpers for the synthetic population (all draws come from one xoshiro128** stream). */
import { Rng } from '../linkage/random.js';

export class SynthRandom extends Rng {
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** Integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }

  normal(): number {
    let u = this.float();
    while (u === 0) u = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.float());
  }
}

/** Draws items with given weights in O(log n) per draw. */
export class Weighted<T> {
  private readonly cum: Float64Array;
  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    this.cum = new Float64Array(items.length);
    let acc = 0;
    weights.forEach((w, i) => {
      acc += w;
      this.cum[i] = acc;
    });
  }
  draw(r: SynthRandom): T {
    const x = r.float() * this.cum[this.cum.length - 1]!;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo]!;
  }
}

/** Zipf-like weights for items listed from most to least common. */
export function zipf<T>(items: readonly T[], exponent: number): Weighted<T> {
  return new Weighted(
    items,
    items.map((_, i) => 1 / (i + 1) ** exponent),
  );
}
