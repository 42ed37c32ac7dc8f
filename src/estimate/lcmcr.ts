/**
 * Bayesian latent-class multiple systems estimation (Manrique-Vallier 2016, "Bayesian population
 * size estimation using Dirichlet process mixtures", Biometrics 72(4); R package LCMCR). Each
 * person belongs to a latent class k with its own probability λ_jk of appearing on list j; class
 * weights follow a truncated stick-breaking Dirichlet process. The Gibbs sampler also imputes the
 * people on no list (n0 ~ NegBin), so the posterior of N = n + n0 comes out directly. It works on
 * the aggregated pattern counts: cost per iteration is patterns × classes × lists, not people.
 * Priors as in the paper: λ ~ Beta(1,1), α ~ Gamma(0.25, 0.25), p(N) ∝ 1/N.
 */
import { InputError, UsageError } from '../domain/errors.js';
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

/**
 * Defaults: 4 chains of 5,000 burn-in and 25,000 kept iterations, every 10th stored (10,000 draws
 * in all). N mixes slowly when a class of rarely documented people comes and goes, so these are
 * longer than the package's example (10,000 + 10,000); the diagnostics say when even that is short.
 */
export const LCMCR_DEFAULTS: Required<LcmcrOptions> = {
  seed: 1,
  maxClasses: 10,
  iterations: 25_000,
  burnIn: 5_000,
  thin: 10,
  chains: 4,
  alphaPrior: [0.25, 0.25],
};

/** Warm-up sweeps before burn-in, with α held small, as in the LCMCR package: classes settle first. */
const WARM_UP = 500;

function runChain(
  t: CaptureTable,
  o: Required<LcmcrOptions>,
  stream: number,
): { draws: number[]; occupied: number; lastClassUsed: number; ceilingHits: number } {
  const rng = new Random(o.seed, stream);
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
  // Start as the package does: every class at the lists' marginal capture rates, weights spread.
  const marginal = t.lists.map((_, j) => {
    let c = 0;
    for (let i = 0; i < patterns.length; i++) if (patterns[i]! & (1 << j)) c += counts[i]!;
    return Math.min(0.95, Math.max(0.05, c / n));
  });
  let lambda = Array.from({ length: K }, () => [...marginal]);
  let pi = Array.from({ length: K }, (_, k) => (K <= 4 ? 1 / K : k < 4 ? 0.225 : 0.1 / (K - 4)));
  let alpha = 0.3 / K;
  let perClass = new Array<number>(K).fill(0); // people per class (observed and imputed)
  const onList = Array.from({ length: K }, () => new Array<number>(J).fill(0)); // captures per class, list
  const prob = new Array<number>(K).fill(0);
  const suffix = new Array<number>(K + 1).fill(0);
  const draws: number[] = [];
  let occupiedSum = 0;
  let lastClassUsed = 0;
  let ceilingHits = 0;

  /** Splits m people among the classes with weights p (conditional binomials on suffix sums). */
  const multinomial = (m: number, p: number[], into: (k: number, c: number) => void) => {
    suffix[K] = 0;
    for (let k = K - 1; k >= 0; k--) suffix[k] = suffix[k + 1]! + p[k]!;
    if (m <= 3) {
      // A few people: one categorical draw each is cheaper than K binomials.
      for (let i = 0; i < m; i++) {
        let u = rng.uniform() * suffix[0]!;
        let k = 0;
        while (k < K - 1 && u >= p[k]!) u -= p[k++]!;
        into(k, 1);
      }
      return;
    }
    let rest = m;
    for (let k = 0; k < K - 1 && rest > 0; k++) {
      const share = suffix[k]! > 0 ? p[k]! / suffix[k]! : 0;
      const c = share >= 1 ? rest : rng.binomial(rest, share);
      if (c) into(k, c);
      rest -= c;
    }
    if (rest > 0) into(K - 1, rest);
  };

  const sweep = (updateAlpha: boolean): number => {
    perClass.fill(0);
    for (const row of onList) row.fill(0);
    // 1. Classes of the observed, pattern by pattern (people with one pattern are exchangeable).
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
        const row = onList[k]!;
        for (let j = 0; j < J; j++) if (w & (1 << j)) row[j]! += c;
      });
    }
    // 2. The unobserved: how many (negative binomial, prior p(N) ∝ 1/N), then their classes.
    let p0 = 0;
    for (let k = 0; k < K; k++) {
      let p = pi[k]!;
      for (let j = 0; j < J; j++) p *= 1 - lambda[k]![j]!;
      prob[k] = p;
      p0 += p;
    }
    // The clamp is the sampler's ceiling: p0 this close to 1 means N is unbounded.
    if (p0 > 1 - 1e-9) ceilingHits++;
    const n0 = rng.negativeBinomial(n, Math.min(1 - 1e-12, Math.max(1e-9, 1 - p0)));
    multinomial(n0, prob, (k, c) => {
      perClass[k]! += c;
    });
    // 3. Capture probabilities per class and list: Beta(1 + on list, 1 + not on list).
    for (let k = 0; k < K; k++)
      for (let j = 0; j < J; j++)
        lambda[k]![j] = rng.beta(1 + onList[k]![j]!, 1 + perClass[k]! - onList[k]![j]!);
    // 4. Stick-breaking weights, then the concentration α ~ Gamma(a + K − 1, b − log π_K).
    let remaining = 1;
    let tail = n + n0;
    let logRest = 0;
    for (let k = 0; k < K; k++) {
      tail -= perClass[k]!;
      const v = k === K - 1 ? 1 : rng.beta(1 + perClass[k]!, alpha + tail);
      pi[k] = remaining * v;
      if (k < K - 1) logRest += Math.log(Math.max(1e-300, 1 - v));
      remaining *= 1 - v;
    }
    if (updateAlpha) alpha = rng.gamma(o.alphaPrior[0] + K - 1) / (o.alphaPrior[1] - logRest);
    return n0;
  };

  for (let it = 0; it < WARM_UP; it++) sweep(false);
  // Relabel the classes by decreasing weight, which the stick-breaking prior favours.
  const order = pi.map((_, k) => k).sort((a, b) => pi[b]! - pi[a]!);
  lambda = order.map((k) => lambda[k]!);
  pi = order.map((k) => pi[k]!);
  perClass = order.map((k) => perClass[k]!);
  alpha = 1;
  const total = o.burnIn + o.iterations;
  for (let it = 0; it < total; it++) {
    const n0 = sweep(true);
    if (it >= o.burnIn && (it - o.burnIn) % o.thin === 0) {
      draws.push(n + n0);
      let occ = 0;
      for (let k = 0; k < K; k++) if (perClass[k]! > 0) occ++;
      occupiedSum += occ;
      if (perClass[K - 1]! > 0) lastClassUsed++;
    }
  }
  return {
    draws,
    occupied: occupiedSum / Math.max(1, draws.length),
    lastClassUsed: lastClassUsed / Math.max(1, draws.length),
    ceilingHits,
  };
}

function checkOptions(o: Required<LcmcrOptions>): void {
  const whole = (name: string, v: number, min: number) => {
    if (!Number.isInteger(v) || v < min)
      throw new UsageError(`LCMCR: ${name} must be a whole number ≥ ${min} (got ${v})`);
  };
  whole('seed', o.seed, 0);
  if (o.seed > 0xffffffff) throw new UsageError(`LCMCR: seed must be below 2^32 (got ${o.seed})`);
  whole('max-classes', o.maxClasses, 1);
  whole('iterations', o.iterations, 1);
  whole('burn-in', o.burnIn, 0);
  whole('thin', o.thin, 1);
  whole('chains', o.chains, 1);
  if (Math.floor(o.iterations / o.thin) < 8)
    throw new UsageError(
      `LCMCR: ${o.iterations} iterations thinned by ${o.thin} keep too few draws per chain (need ≥ 8)`,
    );
  if (!(o.alphaPrior[0] > 0 && o.alphaPrior[1] > 0))
    throw new UsageError('LCMCR: the Gamma prior of α needs a positive shape and rate');
}

/**
 * Runs the chains. `stream` separates the random streams of analyses that share a seed (e.g. the
 * strata of one run, whose draws are added and must be independent); chain c uses stream + c.
 */
export function lcmcr(t: CaptureTable, opts: LcmcrOptions = {}, stream = 0): LcmcrResult {
  const o = { ...LCMCR_DEFAULTS, ...opts };
  checkOptions(o);
  if (t.lists.length < 3)
    throw new UsageError(
      `LCMCR needs at least 3 lists (got ${t.lists.length}): with 2, heterogeneity cannot be told from the total`,
    );
  const n = observedTotal(t);
  if (n === 0) throw new InputError('LCMCR: no one was observed on any list');
  const chains = Array.from({ length: o.chains }, (_, c) => runChain(t, o, (stream + c) >>> 0));
  const perChain = chains.map((c) => c.draws);
  const draws = perChain.flat();
  const sorted = Float64Array.from(draws).sort();
  const q = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))]!;
  const { rhat, ess } = diagnostics(perChain);
  const occupiedClasses = chains.reduce((a, c) => a + c.occupied, 0) / chains.length;
  const lastClassUsed = chains.reduce((a, c) => a + c.lastClassUsed, 0) / chains.length;
  const ceilingHits = chains.reduce((a, c) => a + c.ceilingHits, 0);
  const warnings: string[] = [];
  if (Number.isNaN(rhat)) warnings.push('R-hat could not be computed (too few draws): run longer');
  else if (rhat > 1.05)
    warnings.push(`chains disagree (split R-hat ${rhat.toFixed(3)} > 1.05): run longer (--iterations)`);
  // Vehtari et al. (2021): about 100 effective draws per chain for R-hat and tail quantiles.
  const essTarget = 100 * Math.max(o.chains, 1);
  if (ess < essTarget)
    warnings.push(
      `few effective draws of N (ESS ${Math.round(ess)} < ${essTarget}): the interval's ends are imprecise; run longer (--iterations)`,
    );
  if (lastClassUsed > 0.05)
    warnings.push(
      `the truncation binds: the last of ${o.maxClasses} latent classes is occupied in ${Math.round(100 * lastClassUsed)}% of draws; raise --max-classes`,
    );
  if (ceilingHits > 0)
    warnings.push(
      `the sampler hit its ceiling (probability of being on no list ≈ 1) in ${ceilingHits} iteration(s): N is not bounded by these data`,
    );
  if (q(0.975) > 20 * n)
    warnings.push(
      'the upper bound is more than 20 times what was observed: the data say little about the undocumented',
    );
  let sum = 0;
  for (const d of draws) sum += d;
  return {
    draws,
    perChain,
    median: q(0.5),
    mean: sum / draws.length,
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
