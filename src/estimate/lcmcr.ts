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
import { lgamma, Random } from './random.js';
import { type CaptureTable, observedTotal } from './table.js';

export interface LcmcrOptions {
  seed?: number;
  /** Truncation level K* of the stick-breaking prior (maximum number of latent classes). */
  maxClasses?: number;
  /** Iterations per chain after burn-in, before the convergence check may extend the run. */
  iterations?: number;
  /**
   * Upper bound on iterations per chain (after burn-in): while split R-hat > `targetRhat` or ESS
   * is short, the chains are continued (`iterations` more at a time) up to this many. Equal to
   * `iterations` = a fixed-length run. Default: `MAX_RUNS` × `iterations`.
   */
  maxIterations?: number;
  /** Split R-hat at or below which the chains are taken to agree (Vehtari et al. 2021: 1.01). */
  targetRhat?: number;
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
  /** R-hat ≤ target and ESS ≥ 100 per chain: the median and interval can be read as estimates. */
  converged: boolean;
  /** Iterations per chain actually run after burn-in (≥ `iterations` when the run was extended). */
  iterationsRun: number;
  /** Mean number of occupied latent classes (observed and imputed people), as the package's k*. */
  occupiedClasses: number;
  /** Share of draws in which every one of the K* classes is occupied (the truncation binds). */
  truncationShare: number;
  /** Posterior mean of the Dirichlet-process concentration α. */
  alphaMean: number;
  warnings: string[];
  settings: Required<LcmcrOptions>;
}

/**
 * Defaults: 4 chains of 5,000 burn-in and 20,000 kept iterations, every 10th stored, continued
 * 20,000 at a time up to 100,000 per chain while split R-hat > 1.01 or ESS < 400. On Kosovo the
 * autocorrelation time of N is ≈ 600 sweeps, so R-hat ≤ 1.01 needs 60,000–100,000 per chain
 * (bench/estimate/README.md). Tables whose N mixes more slowly come out `converged: false`.
 */
export const LCMCR_DEFAULTS: Required<LcmcrOptions> = {
  seed: 1,
  maxClasses: 10,
  iterations: 20_000,
  maxIterations: 100_000,
  targetRhat: 1.01,
  burnIn: 5_000,
  thin: 10,
  chains: 4,
  alphaPrior: [0.25, 0.25],
};

/** Unless stated, a run may be continued up to this many times `iterations`. */
export const MAX_RUNS = 5;
/** Warm-up sweeps before burn-in, with α held small, as in the LCMCR package: classes settle first. */
const WARM_UP = 500;
/** The package's guard on the imputed unobserved: n0 is drawn again while it exceeds 20 n. */
const N0_CAP = 20;
/** Mean occupied classes above this share of K* is reported as a truncation that may bind. */
const TRUNCATION_SHARE = 0.8;

/**
 * One Gibbs chain, resumable (`advance`) so the convergence check can lengthen a run. Every
 * probability is held as a logarithm: class weights log π_k (stick-breaking, summing log V and
 * log(1 − V) drawn as log-gamma pairs), capture probabilities log λ and log(1 − λ), products
 * over lists as sums. Only ratios to the largest term are exponentiated.
 */
class Chain {
  readonly draws: number[] = [];
  occupiedSum = 0;
  fullSum = 0;
  alphaSum = 0;
  capHits = 0;
  private readonly rng: Random;
  private readonly J: number;
  private readonly K: number;
  private readonly n: number;
  private readonly patterns: number[] = [];
  private readonly counts: number[] = [];
  /** log λ_kj (on list) and log(1 − λ_kj) (not on list), per class k, list j. */
  private logOn: Float64Array[];
  private logOff: Float64Array[];
  private logPi: Float64Array;
  private alpha: number;
  private n0 = 0;
  private readonly observedIn: Int32Array; // observed people per class
  private readonly perClass0: Int32Array; // imputed (on no list) per class
  private readonly onList: Int32Array[]; // observed people per class and list
  private readonly prob: Float64Array;
  private readonly suffix: Float64Array;
  private iteration = 0;
  private readonly lb = new Float64Array(2);
  /** People per class from the last `multinomial`. */
  private readonly split: Int32Array;

  constructor(
    t: CaptureTable,
    private readonly o: Required<LcmcrOptions>,
    stream: number,
    start: number,
  ) {
    this.rng = new Random(o.seed, stream);
    const J = t.lists.length;
    const K = o.maxClasses;
    this.J = J;
    this.K = K;
    for (let w = 1; w < t.counts.length; w++)
      if (t.counts[w]! > 0) {
        this.patterns.push(w);
        this.counts.push(t.counts[w]!);
      }
    const n = observedTotal(t);
    this.n = n;
    // Start as the package does: every class at the lists' marginal capture rates, weights from
    // a random stick-breaking with α = 1, then warm-up with α held at 0.3/K.
    this.logOn = [];
    this.logOff = [];
    for (let k = 0; k < K; k++) {
      const on = new Float64Array(J);
      const off = new Float64Array(J);
      for (let j = 0; j < J; j++) {
        let c = 0;
        for (let i = 0; i < this.patterns.length; i++) if (this.patterns[i]! & (1 << j)) c += this.counts[i]!;
        const p = Math.min(0.95, Math.max(0.05, c / n));
        on[j] = Math.log(p);
        off[j] = Math.log1p(-p);
      }
      this.logOn.push(on);
      this.logOff.push(off);
    }
    this.logPi = new Float64Array(K);
    let rest = 0;
    for (let k = 0; k < K - 1; k++) {
      const [lv, l1v] = this.rng.logBeta(1, 1);
      this.logPi[k] = lv + rest;
      rest += l1v;
    }
    this.logPi[K - 1] = rest;
    this.alpha = 0.3 / K;
    this.observedIn = new Int32Array(K);
    this.perClass0 = new Int32Array(K);
    this.onList = Array.from({ length: K }, () => new Int32Array(J));
    this.prob = new Float64Array(K);
    this.split = new Int32Array(K);
    this.suffix = new Float64Array(K + 1);
    // Overdispersed starts (so that R-hat can see chains that settle in different modes): chain
    // c begins with (c + 1) × n people on no list, all in the last class, a would-be hidden
    // class. Not with none: from n0 = 0 the sampler builds classes that leave no room for the
    // unobserved and stays there for 15,000–50,000 sweeps (UK table: N ≈ 12,000, where chains
    // started elsewhere spend < 1% of their draws); that start-up state, kept as if it were
    // posterior, was the UK lower end's gap to the R package (bench/estimate/README.md).
    this.n0 = (start + 1) * n;
    this.perClass0[K - 1] = this.n0;
    for (let it = 0; it < WARM_UP; it++) this.sweep(false);
    this.relabelByWeight();
  }

  /** Runs `sweeps` iterations; those past burn-in that fall on the thinning grid are kept. */
  advance(sweeps: number): void {
    const { burnIn, thin } = this.o;
    for (let s = 0; s < sweeps; s++) {
      this.sweep(true);
      const it = this.iteration++;
      if (it >= burnIn && (it - burnIn) % thin === 0) {
        this.draws.push(this.n + this.n0);
        let occ = 0;
        for (let k = 0; k < this.K; k++) if (this.observedIn[k]! + this.perClass0[k]! > 0) occ++;
        this.occupiedSum += occ;
        if (occ === this.K) this.fullSum++;
        this.alphaSum += this.alpha;
      }
    }
  }

  /** Splits m people among the classes with weights p into `split` (conditional binomials). */
  private multinomial(m: number, p: Float64Array): void {
    const K = this.K;
    const { suffix, split } = this;
    split.fill(0);
    suffix[K] = 0;
    for (let k = K - 1; k >= 0; k--) suffix[k] = suffix[k + 1]! + p[k]!;
    if (m <= 3) {
      // A few people: one categorical draw each is cheaper than K binomials.
      for (let i = 0; i < m; i++) {
        let u = this.rng.uniform() * suffix[0]!;
        let k = 0;
        while (k < K - 1 && u >= p[k]!) u -= p[k++]!;
        split[k]!++;
      }
      return;
    }
    let rest = m;
    for (let k = 0; k < K - 1 && rest > 0; k++) {
      const share = suffix[k]! > 0 ? p[k]! / suffix[k]! : 0;
      const c = share >= 1 ? rest : this.rng.binomial(rest, share);
      split[k] = c;
      rest -= c;
    }
    if (rest > 0) split[K - 1] = rest;
  }

  /** Turns log weights into weights relative to the largest (never all zero, never overflowing). */
  private normalise(): void {
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < this.K; k++) if (this.prob[k]! > max) max = this.prob[k]!;
    for (let k = 0; k < this.K; k++) this.prob[k] = Math.exp(this.prob[k]! - max);
  }

  /** One Gibbs sweep, in the package's order: z, λ, π (stick-breaking), n0, z of the unobserved, α. */
  private sweep(updateAlpha: boolean): void {
    const { J, K, rng, prob, observedIn, perClass0, onList, lb, split } = this;
    observedIn.fill(0);
    for (const row of onList) row.fill(0);
    // 1. Classes of the observed, pattern by pattern (people with one pattern are exchangeable).
    for (let i = 0; i < this.patterns.length; i++) {
      const w = this.patterns[i]!;
      for (let k = 0; k < K; k++) {
        let lp = this.logPi[k]!;
        const on = this.logOn[k]!;
        const off = this.logOff[k]!;
        for (let j = 0; j < J; j++) lp += w & (1 << j) ? on[j]! : off[j]!;
        prob[k] = lp;
      }
      this.normalise();
      this.multinomial(this.counts[i]!, prob);
      for (let k = 0; k < K; k++) {
        const c = split[k]!;
        if (c === 0) continue;
        observedIn[k]! += c;
        const row = onList[k]!;
        for (let j = 0; j < J; j++) if (w & (1 << j)) row[j]! += c;
      }
    }
    // 2. Capture probabilities per class and list: Beta(1 + on list, 1 + in class but not on it),
    //    the class counting its imputed unobserved too.
    for (let k = 0; k < K; k++) {
      const on = this.logOn[k]!;
      const off = this.logOff[k]!;
      const size = observedIn[k]! + perClass0[k]!;
      for (let j = 0; j < J; j++) {
        rng.logBetaInto(1 + onList[k]![j]!, 1 + size - onList[k]![j]!, lb);
        on[j] = lb[0]!;
        off[j] = lb[1]!;
      }
    }
    // 3. Stick-breaking weights: V_k ~ Beta(1 + n_k, α + people in later classes), log π_k =
    //    log V_k + Σ_{l<k} log(1 − V_l); that sum over all k < K is α's sufficient statistic.
    let tail = this.n + this.n0;
    let logRest = 0;
    for (let k = 0; k < K - 1; k++) {
      tail -= observedIn[k]! + perClass0[k]!;
      rng.logBetaInto(1 + observedIn[k]! + perClass0[k]!, this.alpha + tail, lb);
      this.logPi[k] = lb[0]! + logRest;
      logRest += lb[1]!;
    }
    this.logPi[K - 1] = logRest;
    // 4. The unobserved: how many (negative binomial, prior p(N) ∝ 1/N), then their classes.
    //    P(on some list) = Σ π_k (1 − Π_j (1 − λ_kj)), with expm1 so it stays exact near 0.
    let seen = 0;
    for (let k = 0; k < K; k++) {
      let off = 0;
      for (let j = 0; j < J; j++) off += this.logOff[k]![j]!;
      prob[k] = this.logPi[k]! + off;
      seen += Math.exp(this.logPi[k]!) * -Math.expm1(off);
    }
    this.n0 = this.drawN0(Math.min(1, seen));
    this.normalise();
    this.multinomial(this.n0, prob);
    perClass0.set(split);
    // 5. α ~ Gamma(a + K − 1, rate b − Σ log(1 − V_k)).
    if (updateAlpha) {
      const [a, b] = this.o.alphaPrior;
      this.alpha = Math.exp(rng.logGamma(a + K - 1) - Math.log(b - logRest));
    }
  }

  /**
   * n0 ~ NegBin(n, seen): the people on no list. As the package does, a draw above 20 n is
   * drawn again (a truncated prior on N); when nearly all mass lies above the cap (seen ≈ 0)
   * rejection would spin, so after 100 tries the truncated law is sampled by inversion.
   */
  private drawN0(seen: number): number {
    const cap = N0_CAP * this.n;
    if (seen >= 1) return 0;
    if (seen > 0)
      for (let t = 0; t < 100; t++) {
        const x = this.rng.negativeBinomial(this.n, seen);
        if (x <= cap) return x;
      }
    this.capHits++;
    // log pmf up to a constant: log Γ(n + x) − log Γ(x + 1) + x log(1 − seen), x = 0..cap.
    const l1s = Math.log1p(-Math.max(seen, 0));
    const logp = new Float64Array(cap + 1);
    let max = Number.NEGATIVE_INFINITY;
    for (let x = 0; x <= cap; x++) {
      logp[x] = lgamma(this.n + x) - lgamma(x + 1) + x * l1s;
      if (logp[x]! > max) max = logp[x]!;
    }
    let total = 0;
    for (let x = 0; x <= cap; x++) total += Math.exp(logp[x]! - max);
    let u = this.rng.uniform() * total;
    for (let x = 0; x <= cap; x++) {
      u -= Math.exp(logp[x]! - max);
      if (u <= 0) return x;
    }
    return cap;
  }

  /** After warm-up, classes are relabelled by decreasing weight (the stick-breaking prior's order). */
  private relabelByWeight(): void {
    const order = Array.from({ length: this.K }, (_, k) => k).sort((a, b) => this.logPi[b]! - this.logPi[a]!);
    const perm = <T>(xs: T[]) => order.map((k) => xs[k]!);
    this.logOn = perm(this.logOn);
    this.logOff = perm(this.logOff);
    this.logPi = Float64Array.from(order.map((k) => this.logPi[k]!));
    const c0 = order.map((k) => this.perClass0[k]!);
    this.perClass0.set(c0);
  }
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
  whole('max-iterations', o.maxIterations, 1);
  if (o.maxIterations < o.iterations)
    throw new UsageError(
      `LCMCR: max-iterations (${o.maxIterations}) must be at least iterations (${o.iterations})`,
    );
  if (!(o.targetRhat > 1))
    throw new UsageError(`LCMCR: the target R-hat must be above 1 (got ${o.targetRhat})`);
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
  // Unless stated, the cap follows `iterations`.
  if (opts.maxIterations === undefined) o.maxIterations = MAX_RUNS * o.iterations;
  checkOptions(o);
  if (t.lists.length < 3)
    throw new UsageError(
      `LCMCR needs at least 3 lists (got ${t.lists.length}): with 2, heterogeneity cannot be told from the total`,
    );
  const n = observedTotal(t);
  if (n === 0) throw new InputError('LCMCR: no one was observed on any list');
  const chains = Array.from({ length: o.chains }, (_, c) => new Chain(t, o, (stream + c) >>> 0, c));
  for (const c of chains) c.advance(o.burnIn + o.iterations);
  // Convergence policy: continue every chain (`iterations` more at a time) until split R-hat ≤
  // target and ESS ≥ 100 per chain, or the stated maximum is reached; all post-burn-in draws
  // are kept.
  const essTarget = 100 * o.chains;
  let run = o.iterations;
  let d = diagnostics(chains.map((c) => c.draws));
  const ok = () => d.rhat <= o.targetRhat && d.ess >= essTarget;
  while (!ok() && run < o.maxIterations) {
    const more = Math.min(o.iterations, o.maxIterations - run);
    for (const c of chains) c.advance(more);
    run += more;
    d = diagnostics(chains.map((c) => c.draws));
  }
  const { rhat, ess } = d;
  const converged = ok();
  const perChain = chains.map((c) => c.draws);
  const draws = perChain.flat();
  const sorted = Float64Array.from(draws).sort();
  const q = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))]!;
  const kept = draws.length;
  const occupiedClasses = chains.reduce((a, c) => a + c.occupiedSum, 0) / kept;
  const truncationShare = chains.reduce((a, c) => a + c.fullSum, 0) / kept;
  const alphaMean = chains.reduce((a, c) => a + c.alphaSum, 0) / kept;
  const capHits = chains.reduce((a, c) => a + c.capHits, 0);
  const warnings: string[] = [];
  if (Number.isNaN(rhat)) warnings.push('R-hat could not be computed (too few draws): run longer');
  else if (rhat > o.targetRhat)
    warnings.push(
      `not converged: the chains disagree (split R-hat ${rhat.toFixed(3)} > ${o.targetRhat}) after ${run} iterations per chain; the numbers are not an estimate; run longer (--max-iterations)`,
    );
  // Vehtari et al. (2021): about 100 effective draws per chain for R-hat and tail quantiles.
  if (ess < essTarget)
    warnings.push(
      `few effective draws of N (ESS ${Math.round(ess)} < ${essTarget}): the interval's ends are imprecise; run longer (--max-iterations)`,
    );
  // The occupied-class count against K*: near K* the truncation shapes the posterior.
  if (o.maxClasses > 1 && occupiedClasses > TRUNCATION_SHARE * o.maxClasses)
    warnings.push(
      `the truncation may bind: on average ${occupiedClasses.toFixed(1)} of the ${o.maxClasses} latent classes are occupied (all of them in ${Math.round(100 * truncationShare)}% of draws); raise --max-classes`,
    );
  if (capHits > 0)
    warnings.push(
      `the imputed number of undocumented people reached the package's cap (20 × observed) in ${capHits} iteration(s): N is not bounded by these data`,
    );
  if (q(0.975) > 20 * n)
    warnings.push(
      'the upper bound is more than 20 times what was observed: the data say little about the undocumented',
    );
  let sum = 0;
  for (const x of draws) sum += x;
  return {
    draws,
    perChain,
    median: q(0.5),
    mean: sum / kept,
    interval: [q(0.025), q(0.975)],
    rhat,
    ess,
    converged,
    iterationsRun: run,
    occupiedClasses,
    truncationShare,
    alphaMean,
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
