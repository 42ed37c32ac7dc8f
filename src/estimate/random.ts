/**
 * Seeded random numbers for reproducible estimates: xoshiro128** seeded by splitmix32, and exact
 * samplers for the distributions the Gibbs sampler needs (gamma, beta, binomial, Poisson,
 * negative binomial).
 */
import { Xoshiro128 } from '../domain/random.js';
export class Random extends Xoshiro128 {
  private spare = Number.NaN;
  /** `stream` gives independent sequences for one seed (e.g. one per MCMC chain). */
  constructor(seed: number, stream = 0) {
    super(seed, stream);
  }
  /** Uniform in (0, 1). */
  uniform(): number {
    return (this.u32() + 0.5) / 4294967296;
  }
  /** Standard normal (Box–Muller; the second variate of each pair is kept for the next call). */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const z = this.spare;
      this.spare = Number.NaN;
      return z;
    }
    const r = Math.sqrt(-2 * Math.log(this.uniform()));
    const a = 2 * Math.PI * this.uniform();
    this.spare = r * Math.sin(a);
    return r * Math.cos(a);
  }
  /**
   * Gamma(shape, rate=1), Marsaglia–Tsang; for shape < 1 the boost G(a) = G(a+1)·U^(1/a). For
   * small shapes that product underflows to 0: samplers that need its logarithm use `logGamma`.
   */
  gamma(shape: number): number {
    if (shape < 1) return Math.exp(this.logGamma(shape));
    return this.gammaAtLeastOne(shape);
  }
  /**
   * log of a Gamma(shape, 1) draw, exact in log space for any shape > 0: the boost adds log(U)/a,
   * which stays finite where U^(1/a) would be 0 (shape 0.001 gives values like e^−700).
   */
  logGamma(shape: number): number {
    if (shape < 1) return Math.log(this.gammaAtLeastOne(shape + 1)) + Math.log(this.uniform()) / shape;
    return Math.log(this.gammaAtLeastOne(shape));
  }
  private gammaAtLeastOne(shape: number): number {
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
    }
  }
  /**
   * A Beta(a, b) draw as [log X, log(1 − X)]: both logs stay exact when X is within 1e-16 of 0
   * or 1, where 1 − X computed in linear space would be 0. Written into `out` (no allocation:
   * the sampler calls this K·(J + 1) times a sweep).
   */
  logBetaInto(a: number, b: number, out: Float64Array): void {
    if (a === 1 || b === 1) {
      // Beta(1, b): 1 − X = U^(1/b); Beta(a, 1): X = U^(1/a); exact in log space via expm1.
      const l = Math.log(this.uniform()) / (a === 1 ? b : a);
      const other = Math.log(-Math.expm1(l));
      out[0] = a === 1 ? other : l;
      out[1] = a === 1 ? l : other;
      return;
    }
    if (a > 1 && b > 1) {
      // Both gamma draws are then far from underflow: the ratio in linear space is exact.
      const gx = this.gammaAtLeastOne(a);
      const gy = this.gammaAtLeastOne(b);
      const s = gx + gy;
      out[0] = Math.log(gx / s);
      out[1] = Math.log(gy / s);
      return;
    }
    const x = this.logGamma(a);
    const y = this.logGamma(b);
    const s = x > y ? x + Math.log1p(Math.exp(y - x)) : y + Math.log1p(Math.exp(x - y));
    out[0] = x - s;
    out[1] = y - s;
  }
  logBeta(a: number, b: number): [number, number] {
    const out = new Float64Array(2);
    this.logBetaInto(a, b, out);
    return [out[0]!, out[1]!];
  }
  beta(a: number, b: number): number {
    // Exact shortcuts for the common shapes of the sampler (empty classes: Beta(1, b)).
    if (a === 1) return b === 1 ? this.uniform() : 1 - this.uniform() ** (1 / b);
    if (b === 1) return this.uniform() ** (1 / a);
    const x = this.gamma(a);
    const y = this.gamma(b);
    return x / (x + y);
  }
  /**
   * Binomial(n, p), exact: inversion when n·min(p, 1−p) < 10 (a handful of uniforms), otherwise
   * BTRS, the transformed rejection sampler of Hörmann (1993), whose cost does not grow with n.
   */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (p > 0.5) return n - this.binomial(n, 1 - p);
    if (n * p < 10) {
      const q = 1 - p;
      const s = p / q;
      const a = (n + 1) * s;
      for (;;) {
        let u = this.uniform();
        // P(0) = qⁿ ≥ 1 − n·p (Bernoulli's inequality): below that, 0 without the power.
        if (u <= 1 - n * p) return 0;
        // qⁿ as exp(n·log1p(−p)): half the cost of the power (and no less exact).
        let r = Math.exp(n * Math.log1p(-p));
        let x = 0;
        while (u > r && x < n) {
          u -= r;
          x++;
          r *= a / x - s;
        }
        if (u <= r) return x;
      }
    }
    return this.btrs(n, p);
  }
  private btrs(n: number, p: number): number {
    const q = 1 - p;
    const spq = Math.sqrt(n * p * q);
    const b = 1.15 + 2.53 * spq;
    const a = -0.0873 + 0.0248 * b + 0.01 * p;
    const c = n * p + 0.5;
    const alpha = (2.83 + 5.1 / b) * spq;
    const vr = 0.92 - 4.2 / b;
    const urvr = 0.86 * vr;
    const m = Math.floor((n + 1) * p);
    // The exact acceptance test needs these; most draws are accepted by the squeeze before it
    // (v ≤ urvr), so they are computed on first use: same values, same draws, fewer lgamma calls.
    let lpq = Number.NaN;
    let h = Number.NaN;
    for (;;) {
      let v = this.uniform();
      let u: number;
      if (v <= urvr) {
        u = v / vr - 0.43;
        return Math.floor(((2 * a) / (0.5 - Math.abs(u)) + b) * u + c);
      }
      if (v >= vr) u = this.uniform() - 0.5;
      else {
        u = v / vr - 0.93;
        u = Math.sign(u) * 0.5 - u;
        v = this.uniform() * vr;
      }
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + c);
      if (k < 0 || k > n) continue;
      v = (v * alpha) / (a / (us * us) + b);
      if (Number.isNaN(h)) {
        lpq = Math.log(p / q);
        h = logFactorial(m) + logFactorial(n - m);
      }
      if (Math.log(v) <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) return k;
    }
  }
  /** Poisson(lambda): multiplication for small lambda, PTRS (Hörmann 1993) otherwise. */
  poisson(lam: number): number {
    if (lam <= 0) return 0;
    if (lam < 10) {
      const L = Math.exp(-lam);
      let k = 0;
      let p = 1;
      for (;;) {
        p *= this.uniform();
        if (p <= L) return k;
        k++;
      }
    }
    const slam = Math.sqrt(lam);
    const loglam = Math.log(lam);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const U = this.uniform() - 0.5;
      const V = this.uniform();
      const us = 0.5 - Math.abs(U);
      const k = Math.floor(((2 * a) / us + b) * U + lam + 0.43);
      if (us >= 0.07 && V <= vr) return k;
      if (k < 0 || (us < 0.013 && V > us)) continue;
      if (Math.log(V) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lam + k * loglam - lgamma(k + 1))
        return k;
    }
  }
  /** Failures before `r` successes with success probability `p` (gamma–Poisson mixture). */
  negativeBinomial(r: number, p: number): number {
    if (p >= 1) return 0;
    return this.poisson(this.gamma(r) * ((1 - p) / p));
  }
}

/** log Γ(x) (Lanczos, g=7), accurate to ~1e-15 for x > 0. */
/** log k! = lgamma(k + 1), the same values, from a table for k below 8,192 (BTRS's exact test). */
const LOG_FACTORIALS = new Float64Array(8192).fill(Number.NaN);
function logFactorial(k: number): number {
  if (k >= LOG_FACTORIALS.length) return lgamma(k + 1);
  let v = LOG_FACTORIALS[k]!;
  if (Number.isNaN(v)) {
    v = lgamma(k + 1);
    LOG_FACTORIALS[k] = v;
  }
  return v;
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
export function lgamma(x: number): number {
  const c = LANCZOS;
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}
