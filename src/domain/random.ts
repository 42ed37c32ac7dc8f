/**
 * The seeded generator of the linkage sampler, the estimators and the synthetic populations:
 * xoshiro128** (Blackman & Vigna) seeded by splitmix32, so a run is reproducible from its seed on
 * every machine. `stream` gives independent sequences for one seed (one per MCMC chain). The demo
 * case keeps its own mulberry32 (`demo/random.ts`): its published data depend on that sequence.
 */
export class Xoshiro128 {
  private readonly s = new Uint32Array(4);

  constructor(seed: number, stream = 0) {
    let x = (seed ^ Math.imul(stream >>> 0, 0x632be5ab)) >>> 0;
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      this.s[i] = (z ^ (z >>> 16)) >>> 0;
    }
    // An all-zero state would repeat zeros forever.
    if (this.s[3] === 0) this.s[3] = 1;
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1]!, 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1]! << 9) >>> 0;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
