/**
 * Bayesian latent-class multiple systems estimation (Manrique-Vallier 2016, "Bayesian population
 * size estimation using Dirichlet process mixtures", Biometrics 72(4); R package LCMCR). Each
 * person belongs to a latent class k with its own probability λ_jk of appearing on list j; class
 * weights follow a truncated stick-breaking Dirichlet process. The Gibbs sampler also imputes the
 * people on no list (n0 ~ NegBin), so the posterior of N = n + n0 comes out directly. It works on
 * the aggregated pattern counts: cost per iteration is patterns × classes × lists, not people.
 * Priors as in the paper: λ ~ Beta(1,1), α ~ Gamma(0.25, 0.25), p(N) ∝ 1/N.
 */
import { Random } from './random.js';
import { type CaptureTable, observedTotal } from './table.js';

export interface LcmcrOptions {
  seed?: number;
  /** Truncation level K* of the stick-breaking prior (maximum number of latent classes). */
  maxClasses?: number;
  iterations?: number;
  burnIn?: number;
  thin?: number;
  chains?: number;
  alphaPrior?: [number, number];
}

export interface LcmcrResult {
  /** Posterior draws of N, all chains concatenated (after burn-in and thinning). */
  draws: number[];
  perChain: number[][];
  median: number;
  mean: number;
  interval: [number, number];
  rhat: number;
  ess: number;
  /** Mean number of occupied classes; near K* means the truncation may bind. */
  occupiedClasses: number;
  warnings: string[];
  settings: Required<LcmcrOptions>;
}

export const LCMCR_DEFAULTS: Required<LcmcrOptions> = {
  seed: 1,
  maxClasses: 10,
  iterations: 10_000,
  burnIn: 2_000,
  thin: 5,
  chains: 4,
  alphaPrior: [0.25, 0.25],
};

function runChain(
  t: CaptureTable,
  o: Required<LcmcrOptions>,
  seed: number,
): { draws: number[]; occupied: number } {
  const rng = new Random(seed);
  const J = t.lists.length;
  const K = o.maxClasses;
  const patterns: number[] = [];
  const counts: number[] = [];
  for (let w = 1; w < t.counts.length; w++)
    if (t.counts[w]! > 0) {
      patterns.push(w);
      counts.push(t.counts[w]!);
    }
  const n = observedTotal(t);
  // State.
  const lambda = Array.from({ length: K }, () => Array.from({ length: J }, () => 0.1 + 0.8 * rng.uniform()));
  const pi = new Array<number>(K).fill(1 / K);
  let alpha = 1;
  let n0 = Math.max(1, Math.round(n * 0.2));
  const perClass = new Array<number>(K).fill(0); // people per class
  const onList = Array.from({ length: K }, () => new Array<number>(J).fill(0)); // captures per class and list
  const prob = new Array<number>(K).fill(0);
  const draws: number[] = [];
  let occupiedSum = 0;
  const total = o.burnIn + o.iterations;

  const multinomial = (m: number, p: number[], into: (k: number, c: number) => void) => {
    let rest = m;
    let mass = p.reduce((a, b) => a + b, 0);
    for (let k = 0; k < K && rest > 0; k++) {
      const c = k === K - 1 ? rest : rng.binomial(rest, Math.min(1, Math.max(0, p[k]! / mass)));
      if (c) into(k, c);
      rest -= c;
      mass -= p[k]!;
      if (mass <= 0) break;
    }
  };

  for (let it = 0; it < total; it++) {
    perClass.fill(0);
    for (const row of onList) row.fill(0);
    // 1. Classes of the observed, pattern by pattern.
    for (let i = 0; i < patterns.length; i++) {
      const w = patterns[i]!;
      for (let k = 0; k < K; k++) {
        let p = pi[k]!;
        const lk = lambda[k]!;
        for (let j = 0; j < J; j++) p *= w & (1 << j) ? lk[j]! : 1 - lk[j]!;
        prob[k] = p;
      }
      multinomial(counts[i]!, prob, (k, c) => {
        perClass[k]! += c;
        for (let j = 0; j < J; j++) if (w & (1 << j)) onList[k]![j]! += c;
      });
    }
    // 2. The unobserved: how many, then their classes.
    let p0 = 0;
    for (let k = 0; k < K; k++) {
      let p = pi[k]!;
      for (let j = 0; j < J; j++) p *= 1 - lambda[k]![j]!;
      prob[k] = p;
      p0 += p;
    }
    n0 = rng.negativeBinomial(n, Math.min(1 - 1e-12, Math.max(1e-12, 1 - p0)));
    multinomial(n0, prob, (k, c) => {
      perClass[k]! += c;
    });
    // 3. Capture probabilities per class and list.
    for (let k = 0; k < K; k++)
      for (let j = 0; j < J; j++)
        lambda[k]![j] = rng.beta(1 + onList[k]![j]!, 1 + perClass[k]! - onList[k]![j]!);
    // 4. Stick-breaking weights and the concentration.
    let remaining = 1;
    let tail = perClass.reduce((a, b) => a + b, 0);
    let logSum = 0;
    for (let k = 0; k < K; k++) {
      tail -= perClass[k]!;
      const v = k === K - 1 ? 1 : rng.beta(1 + perClass[k]!, alpha + tail);
      pi[k] = remaining * v;
      if (k < K - 1) logSum += Math.log(Math.max(1e-300, 1 - v));
      remaining *= 1 - v;
    }
    alpha = rng.gamma(o.alphaPrior[0] + K - 1) / (o.alphaPrior[1] - logSum);
    if (it >= o.burnIn && (it - o.burnIn) % o.thin === 0) {
      draws.push(n + n0);
      occupiedSum += perClass.filter((c) => c > 0).length;
    }
  }
  return { draws, occupied: occupiedSum / Math.max(1, draws.length) };
}

export function lcmcr(t: CaptureTable, opts: LcmcrOptions = {}): LcmcrResult {
  const o = { ...LCMCR_DEFAULTS, ...opts };
  const chains = Array.from({ length: o.chains }, (_, c) =>
    runChain(t, o, (o.seed * 7919 + c * 104729) >>> 0),
  );
  const perChain = chains.map((c) => c.draws);
  const draws = perChain.flat();
  const sorted = [...draws].sort((a, b) => a - b);
  const q = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))]!;
  const { rhat, ess } = diagnostics(perChain);
  const occupiedClasses = chains.reduce((a, c) => a + c.occupied, 0) / chains.length;
  const warnings: string[] = [];
  if (rhat > 1.05) warnings.push(`chains disagree (R-hat ${rhat.toFixed(3)} > 1.05): run longer`);
  if (ess < 400) warnings.push(`few effective draws (ESS ${Math.round(ess)} < 400): run longer`);
  if (occupiedClasses > 0.9 * o.maxClasses)
    warnings.push(
      `the truncation binds (${occupiedClasses.toFixed(1)} of ${o.maxClasses} classes used): raise --max-classes`,
    );
  const n = observedTotal(t);
  if (q(0.975) > 20 * n)
    warnings.push(
      'the upper bound is more than 20 times what was observed: the data say little about the undocumented',
    );
  return {
    draws,
    perChain,
    median: q(0.5),
    mean: draws.reduce((a, b) => a + b, 0) / draws.length,
    interval: [q(0.025), q(0.975)],
    rhat,
    ess,
    occupiedClasses,
    warnings,
    settings: o,
  };
}

/** Split R-hat (Gelman et al. 2013) and effective sample size (Geyer's initial positive sequence). */
export function diagnostics(chains: number[][]): { rhat: number; ess: number } {
  const halves: number[][] = [];
  for (const c of chains) {
    const h = Math.floor(c.length / 2);
    halves.push(c.slice(0, h), c.slice(h, 2 * h));
  }
  const m = halves.length;
  const len = halves[0]?.length ?? 0;
  if (m < 2 || len < 4) return { rhat: Number.NaN, ess: 0 };
  const means = halves.map((c) => c.reduce((a, b) => a + b, 0) / len);
  const vars = halves.map((c, i) => c.reduce((a, b) => a + (b - means[i]!) ** 2, 0) / (len - 1));
  const grand = means.reduce((a, b) => a + b, 0) / m;
  const B = (len / (m - 1)) * means.reduce((a, b) => a + (b - grand) ** 2, 0);
  const W = vars.reduce((a, b) => a + b, 0) / m;
  const varPlus = ((len - 1) / len) * W + B / len;
  const rhat = W > 0 ? Math.sqrt(varPlus / W) : 1;
  // ESS from the average autocorrelation across chains.
  let sumRho = 0;
  for (let lag = 1; lag < len; lag += 2) {
    const pair = [lag, lag + 1].map((l) => {
      if (l >= len) return 0;
      let acov = 0;
      halves.forEach((c, i) => {
        let s = 0;
        for (let t = 0; t + l < len; t++) s += (c[t]! - means[i]!) * (c[t + l]! - means[i]!);
        acov += s / len;
      });
      return varPlus > 0 ? 1 - (W - acov / m) / varPlus : 0;
    });
    const s = pair[0]! + pair[1]!;
    if (s < 0) break;
    sumRho += s;
  }
  const ess = (m * len) / (1 + 2 * sumRho);
  return { rhat, ess: Math.min(ess, m * len) };
}
