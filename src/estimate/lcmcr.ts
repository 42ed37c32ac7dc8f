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
import { type ChainRunner, chainRunner } from './lcmcr-pool.js';
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
  /**
   * Iterations per chain after burn-in left out as warm-up (0, or the first half of
   * `iterationsRun` when only the later half met the convergence target); the draws, median,
   * interval and diagnostics are those of the rest.
   */
  warmUp: number;
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
 * 20,000 at a time up to 200,000 per chain while split R-hat > 1.01 or ESS < 400 (on all draws
 * or on the later half). On Kosovo the autocorrelation time of N is ≈ 600 sweeps, so R-hat ≤ 1.01
 * needs 60,000–100,000 per chain; the UK five-list table needs 40,000–160,000, a chain that
 * began in its start-up state at N ≈ 12,000 the most (bench/estimate/README.md). Tables whose N
 * mixes more slowly come out `converged: false`.
 */
export const LCMCR_DEFAULTS: Required<LcmcrOptions> = {
  seed: 1,
  maxClasses: 10,
  iterations: 20_000,
  maxIterations: 200_000,
  targetRhat: 1.01,
  burnIn: 5_000,
  thin: 10,
  chains: 4,
  alphaPrior: [0.25, 0.25],
};

/** Unless stated, a run may be continued up to this many times `iterations`. */
export const MAX_RUNS = 10;
/** Mean occupied classes above this share of K* is reported as a truncation that may bind. */
const TRUNCATION_SHARE = 0.8;

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
 * `threads`: how many threads run the chains (default: one per core, up to one per chain, for
 * runs big enough to repay starting workers; 1 = this thread only). The result does not depend on it.
 */
export function lcmcr(t: CaptureTable, opts: LcmcrOptions = {}, stream = 0, threads?: number): LcmcrResult {
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
  const runner = chainRunner(t, o, stream, threads);
  try {
    return summarise(runner, o, n);
  } finally {
    runner.close();
  }
}

function summarise(runner: ChainRunner, o: Required<LcmcrOptions>, n: number): LcmcrResult {
  const { chains } = runner;
  runner.advance(o.burnIn + o.iterations);
  // Convergence policy: continue every chain (`iterations` more at a time) until split R-hat ≤
  // target and ESS ≥ 100 per chain, or the stated maximum is reached. At each check, first on
  // every post-burn-in draw; failing that, on the later half of each chain (the early half taken
  // as warm-up, as BDA3 does): a chain that spent its first tens of thousands of sweeps in a
  // start-up state (UK table: N ≈ 12,000, which chains that left it revisit in ≈ 1% of draws)
  // would otherwise hold R-hat above target long after every chain agrees.
  const essTarget = 100 * o.chains;
  let run = o.iterations;
  const check = () =>
    convergenceCheck(
      chains.map((c) => c.draws),
      o.targetRhat,
      essTarget,
    );
  let d = check();
  while (!d.converged && run < o.maxIterations) {
    const more = Math.min(o.iterations, o.maxIterations - run);
    runner.advance(more);
    run += more;
    d = check();
  }
  const { converged, from } = d;
  const { rhat, ess } = d;
  const perChain = chains.map((c) => c.draws.slice(from));
  const draws = perChain.flat();
  const sorted = Float64Array.from(draws).sort();
  const q = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))]!;
  const kept = draws.length;
  let occupiedSum = 0;
  let fullSum = 0;
  let alphaSum = 0;
  for (const c of chains)
    for (let i = from; i < c.draws.length; i++) {
      occupiedSum += c.occupied[i]!;
      if (c.occupied[i] === o.maxClasses) fullSum++;
      alphaSum += c.alphas[i]!;
    }
  const occupiedClasses = occupiedSum / kept;
  const truncationShare = fullSum / kept;
  const alphaMean = alphaSum / kept;
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
    warmUp: from * o.thin,
    occupiedClasses,
    truncationShare,
    alphaMean,
    warnings,
    settings: o,
  };
}

/**
 * The convergence check of one round: split R-hat ≤ target and ESS ≥ `essTarget` on every
 * post-burn-in draw; failing that, on the later half of each chain (`from` = the draws per chain
 * left out as warm-up). When neither passes, the diagnostics of all draws (from = 0).
 */
export function convergenceCheck(
  perChain: number[][],
  targetRhat: number,
  essTarget: number,
): { converged: boolean; from: number; rhat: number; ess: number } {
  const ok = (x: { rhat: number; ess: number }) => x.rhat <= targetRhat && x.ess >= essTarget;
  const all = diagnostics(perChain);
  if (ok(all)) return { converged: true, from: 0, ...all };
  const half = Math.floor(Math.min(...perChain.map((c) => c.length)) / 2);
  const late = diagnostics(perChain.map((c) => c.slice(half)));
  if (ok(late)) return { converged: true, from: half, ...late };
  return { converged: false, from: 0, ...all };
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
