/**
 * The total over strata for the frequentist methods. Strata are independent samples, so:
 * - log-linear: the profile likelihood of T = Σ N_s is the best split of T among the strata,
 *   D(T) = min over N_1 + … + N_S = T of Σ D_s(N_s), with D_s each stratum's profile deviance;
 *   the interval is {T : D(T) ≤ χ²₁(0.95)}. At those T every D_s ≤ χ², so each N_s lies inside
 *   its own stratum's interval: the search needs only those ranges (computed exactly on a grid
 *   there, then a min-plus convolution).
 * - Chapman: the variances add; the interval is Chao's log-transformed one on the total.
 */
import { chiSquare1Quantile, type Profile } from './loglinear.js';

/** Profile-likelihood interval for the sum of independent strata totals. */
export function combineProfiles(
  profiles: Profile[],
  level = 0.95,
  gridPerStratum = 61,
  resolution = 4000,
): { interval: [number, number]; upperOpen: boolean } {
  const chi = chiSquare1Quantile(level);
  // Each stratum's deviance 2(max − ℓ(N)) at exact points spanning its interval.
  const curves = profiles.map((p) => {
    const [lo, hi] = p.interval;
    const xs = Array.from({ length: gridPerStratum }, (_, i) => lo + ((hi - lo) * i) / (gridPerStratum - 1));
    if (!xs.includes(p.argmax)) {
      xs.push(p.argmax);
      xs.sort((a, b) => a - b);
    }
    return { lo, hi, xs, ds: xs.map((x) => Math.max(0, 2 * (p.max - p.logLik(x)))) };
  });
  const width = curves.reduce((a, c) => a + (c.hi - c.lo), 0);
  const h = Math.max(width / resolution, 1e-9);
  const at = (c: (typeof curves)[number], x: number) => {
    if (x > c.hi + 1e-9) return Number.POSITIVE_INFINITY;
    let i = 1;
    while (i < c.xs.length - 1 && c.xs[i]! < x) i++;
    const x0 = c.xs[i - 1]!;
    const x1 = c.xs[i]!;
    const f = x1 > x0 ? (x - x0) / (x1 - x0) : 0;
    return c.ds[i - 1]! + f * (c.ds[i]! - c.ds[i - 1]!);
  };
  // Min-plus convolution on the common step h: acc[i] is D at T = Σ lo_s + i·h.
  let acc: number[] = [0];
  for (const c of curves) {
    const g = Math.floor((c.hi - c.lo) / h + 1e-9) + 1;
    const d = Array.from({ length: g }, (_, i) => at(c, c.lo + i * h));
    const next = new Array<number>(acc.length + g - 1).fill(Number.POSITIVE_INFINITY);
    for (let i = 0; i < acc.length; i++) {
      const ai = acc[i]!;
      if (ai > chi) continue;
      for (let j = 0; j < g; j++) {
        const v = ai + d[j]!;
        if (v < next[i + j]!) next[i + j] = v;
      }
    }
    acc = next;
  }
  const base = curves.reduce((a, c) => a + c.lo, 0);
  let first = acc.findIndex((v) => v <= chi);
  let last = acc.length - 1;
  while (last > 0 && !(acc[last]! <= chi)) last--;
  if (first < 0) first = last = acc.indexOf(Math.min(...acc));
  // Refine the crossings linearly between grid points.
  const cross = (i: number, j: number) => {
    const a = acc[i]!;
    const b = acc[j]!;
    if (!Number.isFinite(b) || !Number.isFinite(a) || a === b) return base + i * h;
    return base + (i + ((chi - a) / (b - a)) * (j - i)) * h;
  };
  const lo = first > 0 ? cross(first, first - 1) : base;
  const hi = last < acc.length - 1 ? cross(last, last + 1) : base + last * h;
  return { interval: [lo, hi], upperOpen: profiles.some((p) => p.upperOpen) };
}

/** Chapman strata: variances add; Chao's (1987) log-transformed interval on the unobserved total. */
export function combineChapman(
  strata: { observed: number; estimate: number; variance: number }[],
  z = 1.959964,
): { estimate: number; variance: number; interval: [number, number] } {
  const observed = strata.reduce((a, s) => a + s.observed, 0);
  const estimate = strata.reduce((a, s) => a + s.estimate, 0);
  const variance = strata.reduce((a, s) => a + s.variance, 0);
  const f0 = Math.max(estimate - observed, 1e-9);
  const c = Math.exp(z * Math.sqrt(Math.log(1 + variance / (f0 * f0))));
  return { estimate, variance, interval: [observed + f0 / c, observed + f0 * c] };
}
