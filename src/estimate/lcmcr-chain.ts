/**
 * One LCMCR Gibbs chain (the sampler of lcmcr.ts). In its own module so that a worker thread
 * (lcmcr-worker.ts) can run chains without loading the driver: a chain depends only on the
 * table, the settings, its stream and its start, so it draws the same numbers on any thread.
 */
import type { LcmcrOptions } from './lcmcr.js';
import { lgamma, Random } from './random.js';
import { type CaptureTable, observedTotal } from './table.js';

/**
 * What the driver reads of a chain: per kept draw, N, the number of occupied classes and α (per
 * draw, so that the driver can leave out a chain's early stretch as warm-up); and how often n0
 * hit its cap.
 */
export interface ChainTotals {
  readonly draws: number[];
  readonly occupied: number[];
  readonly alphas: number[];
  capHits: number;
}

/** Warm-up sweeps before burn-in, with α held small, as in the LCMCR package: classes settle first. */
const WARM_UP = 500;
/** The package's guard on the imputed unobserved: n0 is drawn again while it exceeds 20 n. */
const N0_CAP = 20;

/**
 * One Gibbs chain, resumable (`advance`) so the convergence check can lengthen a run. Every
 * probability is held as a logarithm: class weights log π_k (stick-breaking, summing log V and
 * log(1 − V) drawn as log-gamma pairs), capture probabilities log λ and log(1 − λ), products
 * over lists as sums. Only ratios to the largest term are exponentiated.
 */
export class Chain implements ChainTotals {
  readonly draws: number[] = [];
  readonly occupied: number[] = [];
  readonly alphas: number[] = [];
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
  /** log(π_k P(w | k)) per class and pattern (`patternLogProbs`). */
  private readonly logPw: Float64Array;
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
    this.logPw = new Float64Array(K << J);
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
        this.occupied.push(occ);
        this.alphas.push(this.alpha);
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

  /**
   * log(π_k P(pattern w | k)) for every class k and pattern w into `logPw[k·2^J + w]`: each
   * pattern from the one without its lowest list, one addition each (2^J · K additions a sweep
   * instead of patterns · K · J).
   */
  private patternLogProbs(): void {
    const { J, K, logPw } = this;
    const W = 1 << J;
    for (let k = 0; k < K; k++) {
      const on = this.logOn[k]!;
      const off = this.logOff[k]!;
      const base = k * W;
      let none = this.logPi[k]!;
      for (let j = 0; j < J; j++) none += off[j]!;
      logPw[base] = none;
      for (let w = 1; w < W; w++) {
        const j = 31 - Math.clz32(w & -w);
        logPw[base + w] = logPw[base + (w & (w - 1))]! + on[j]! - off[j]!;
      }
    }
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
    this.patternLogProbs();
    const W = 1 << J;
    const logPw = this.logPw;
    for (let i = 0; i < this.patterns.length; i++) {
      const w = this.patterns[i]!;
      for (let k = 0; k < K; k++) prob[k] = logPw[k * W + w]!;
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
      const logOff = this.logOff[k]!;
      for (let j = 0; j < J; j++) off += logOff[j]!;
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
