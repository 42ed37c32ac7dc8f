/** A small seeded generator (xoshiro128**, seeded by splitmix32): samples are reproducible from the seed. */
import { Xoshiro128 } from '../domain/random.js';

export class Rng extends Xoshiro128 {
  constructor(seed: number) {
    super(seed);
  }

  /** Uniform in [0, 1) with 53 random bits. */
  float(): number {
    return ((this.u32() >>> 5) * 67108864 + (this.u32() >>> 6)) / 9007199254740992;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }
}
