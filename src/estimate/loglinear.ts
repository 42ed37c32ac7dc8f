/**
 * Log-linear multiple systems estimation (Fienberg 1972; Bishop, Fienberg & Holland 1975):
 * a Poisson log-linear model is fitted to the 2^k − 1 observed cells of the capture-history table,
 * with main effects and a chosen set of interactions (list dependence); the model's prediction
 * for the unobservable all-zero cell, exp(intercept), estimates the number never documented.
 * Models are compared by AIC or BIC; the interval for the total is the profile-likelihood interval
 * (Cormack 1992; Rivest & Lévesque 2001; Rcapture's closedpCI.t): the totals N whose multinomial
 * profile log-likelihood stays within χ²₁(0.95)/2 of its maximum.
 */
import { UsageError } from '../domain/errors.js';
import { lgamma } from './random.js';
import { type CaptureTable, observedTotal } from './table.js';

/** An interaction term: a set of list indices (size 2 or 3), as a bitmask. */
export type Term = number;

export interface LoglinearFit {
  terms: Term[];
  /** Model name such as "[12][13][2][4]" in hierarchical notation (lists numbered from 1). */
  name: string;
  /** Intercept, k main effects, then one coefficient per term. */
  beta: number[];
  logLik: number;
  params: number;
  df: number;
  aic: number;
  bic: number;
  /** Estimated number never seen: exp(intercept). */
  unobserved: number;
  estimate: number;
  converged: boolean;
  /** Problems that disqualify the fit from model selection (divergence, boundary, no convergence). */
  warnings: string[];
}

/** Most lists a log-linear analysis takes (2^10 − 1 = 1,023 cells). */
export const MAX_LOGLINEAR_LISTS = 10;

const bits = (m: number) => {
  let c = 0;
  for (let x = m; x; x &= x - 1) c++;
  return c;
};

export function termName(t: Term): string {
  const out: number[] = [];
  for (let j = 0; 1 << j <= t; j++) if (t & (1 << j)) out.push(j + 1);
  return out.join(t >= 1 << 9 ? ',' : '');
}

export function modelName(k: number, terms: Term[]): string {
  if (terms.length === 0) return 'independence';
  // Hierarchical notation: the highest terms, then lists not involved in any.
  const top = terms.filter((t) => !terms.some((u) => u !== t && (u & t) === t));
  const covered = terms.reduce((a, t) => a | t, 0);
  const singles = Array.from({ length: k }, (_, j) => j).filter((j) => !(covered & (1 << j)));
  return [...top.map((t) => `[${termName(t)}]`), ...singles.map((j) => `[${j + 1}]`)].join('');
}

/** Columns of the design matrix that are 1 for a cell (all entries are 0 or 1): intercept, lists, terms. */
function designCols(w: number, k: number, terms: Term[]): number[] {
  const cols = [0];
  for (let j = 0; j < k; j++) if (w & (1 << j)) cols.push(1 + j);
  terms.forEach((t, i) => {
    if ((w & t) === t) cols.push(1 + k + i);
  });
  return cols;
}

/** Solves A x = b for symmetric positive-definite A (Cholesky); undefined if (near) singular. */
function solveSpd(A: Float64Array[], b: Float64Array): Float64Array | undefined {
  const n = b.length;
  const L = A.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const Li = L[i]!;
    for (let j = 0; j <= i; j++) {
      const Lj = L[j]!;
      let s = A[i]![j]!;
      for (let m = 0; m < j; m++) s -= Li[m]! * Lj[m]!;
      if (i === j) {
        if (s <= 1e-10 * Math.max(1, Math.abs(A[i]![i]!))) return undefined;
        Li[i] = Math.sqrt(s);
      } else Li[j] = s / Lj[j]!;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let m = 0; m < i; m++) s -= L[i]![m]! * y[m]!;
    y[i] = s / L[i]![i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let m = i + 1; m < n; m++) s -= L[m]![i]! * x[m]!;
    x[i] = s / L[i]![i]!;
  }
  return x;
}

interface GlmResult {
  beta: number[];
  mu: number[];
  converged: boolean;
  singular: boolean;
}

function deviance(y: number[], mu: number[]): number {
  let dev = 0;
  for (let i = 0; i < y.length; i++)
    dev += 2 * ((y[i]! > 0 ? y[i]! * Math.log(y[i]! / mu[i]!) : 0) - (y[i]! - mu[i]!));
  return dev;
}

/**
 * Poisson GLM with log link by iteratively reweighted least squares (Newton for the canonical
 * link), halving the step whenever the deviance would rise; rows are given by their nonzero
 * columns (the design is 0/1).
 */
export function poissonGlm(rows: number[][], p: number, y: number[], start?: number[]): GlmResult {
  const etaOf = (b: ArrayLike<number>) =>
    rows.map((r) => {
      let e = 0;
      for (const c of r) e += b[c]!;
      return e;
    });
  let beta: number[];
  let eta: number[];
  if (start) {
    beta = [...start];
    eta = etaOf(beta);
  } else {
    // Start from log(y + ½) projected through one weighted least-squares step (weights y + ½).
    beta = new Array<number>(p).fill(0);
    eta = y.map((v) => Math.log(v + 0.5));
  }
  let mu = eta.map((e) => Math.exp(Math.min(e, 700)));
  let dev = start ? deviance(y, mu) : Number.POSITIVE_INFINITY;
  const A = Array.from({ length: p }, () => new Float64Array(p));
  const rhs = new Float64Array(p);
  for (let it = 0; it < 200; it++) {
    for (const row of A) row.fill(0);
    rhs.fill(0);
    for (let i = 0; i < rows.length; i++) {
      const w = Math.max(mu[i]!, 1e-12);
      const z = eta[i]! + (y[i]! - mu[i]!) / w;
      const r = rows[i]!;
      for (let a = 0; a < r.length; a++) {
        const ca = r[a]!;
        rhs[ca]! += w * z;
        const Aa = A[ca]!;
        for (let b = 0; b <= a; b++) Aa[r[b]!]! += w;
      }
    }
    // Row lists are increasing, so only A[a][b] with b ≤ a was filled: mirror it.
    for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) A[a]![b] = A[b]![a]!;
    const next = solveSpd(A, rhs);
    if (!next) return { beta, mu, converged: false, singular: true };
    let step = 1;
    let cand = Array.from(next);
    let candEta = etaOf(cand);
    let candMu = candEta.map((e) => Math.exp(Math.min(e, 700)));
    let candDev = deviance(y, candMu);
    // The first step from the log(y + ½) start has no previous β to halve towards.
    while (it > 0 || start) {
      if (Number.isFinite(candDev) && candDev <= dev + 1e-9 * (Math.abs(dev) + 1)) break;
      step /= 2;
      if (step < 1e-6) break;
      cand = beta.map((b, i) => b + step * (next[i]! - b));
      candEta = etaOf(cand);
      candMu = candEta.map((e) => Math.exp(Math.min(e, 700)));
      candDev = deviance(y, candMu);
    }
    const change = Math.abs(candDev - dev);
    beta = cand;
    eta = candEta;
    mu = candMu;
    const prev = dev;
    dev = candDev;
    if (change < 1e-10 * (Math.abs(dev) + 1) && Number.isFinite(prev))
      return { beta, mu, converged: true, singular: false };
  }
  return { beta, mu, converged: false, singular: false };
}

function poissonLogLik(y: number[], mu: number[]): number {
  let l = 0;
  for (let i = 0; i < y.length; i++)
    l += (y[i]! > 0 ? y[i]! * Math.log(mu[i]!) : 0) - mu[i]! - lgamma(y[i]! + 1);
  return l;
}

/** Observed count of people on every list of a term (its sufficient statistic). */
function termMargin(t: CaptureTable, term: Term): number {
  let s = 0;
  for (let w = 1; w < t.counts.length; w++) if ((w & term) === term) s += t.counts[w]!;
  return s;
}

/**
 * Fits one model to the observed cells. Undefined when the model cannot be estimated from these
 * data: more parameters than cells, a term whose lists share no one (its coefficient would be
 * −∞), or a singular design.
 */
export function fitLoglinear(t: CaptureTable, terms: Term[]): LoglinearFit | undefined {
  const k = t.lists.length;
  const cells = Array.from({ length: (1 << k) - 1 }, (_, i) => i + 1);
  const params = 1 + k + terms.length;
  if (params > cells.length) return undefined;
  if (terms.some((term) => termMargin(t, term) === 0)) return undefined;
  const rows = cells.map((w) => designCols(w, k, terms));
  const y = cells.map((w) => t.counts[w]!);
  const g = poissonGlm(rows, params, y);
  if (g.singular) return undefined;
  const warnings: string[] = [];
  if (!g.converged) warnings.push('the fit did not converge');
  const n = observedTotal(t);
  const unobserved = Math.exp(g.beta[0]!);
  if (!Number.isFinite(unobserved) || unobserved > 1e4 * Math.max(n, 1))
    warnings.push(
      'the estimate diverges (the unobserved cell runs to a boundary, often because of empty cells)',
    );
  const boundary = g.beta.slice(1).findIndex((b) => Math.abs(b) > 25);
  if (boundary >= 0)
    warnings.push(
      `the coefficient of ${boundary < k ? `list ${boundary + 1}` : `[${termName(terms[boundary - k]!)}]`} is at a boundary (empty cells)`,
    );
  const logLik = poissonLogLik(y, g.mu);
  return {
    terms,
    name: modelName(k, terms),
    beta: g.beta,
    logLik,
    params,
    df: cells.length - params,
    aic: -2 * logLik + 2 * params,
    bic: -2 * logLik + params * Math.log(Math.max(n, 1)),
    unobserved,
    estimate: n + unobserved,
    converged: g.converged,
    warnings,
  };
}

/** All pairs of lists. */
export function pairTerms(k: number): Term[] {
  const out: Term[] = [];
  for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) out.push((1 << a) | (1 << b));
  return out;
}

/**
 * Sparsity guard: an interaction term is a candidate only when at least this many people are on
 * every list of the term. A term resting on 2 people (UK 2013: [LA·NG·GO]) fits those 2 exactly
 * and moves the estimate by thousands; its coefficient says nothing a court could rely on.
 */
export const MIN_TERM_SUPPORT = 5;

export interface SearchOptions {
  criterion?: 'aic' | 'bic';
  /** Least number of people on all lists of an interaction term for it to be tried (default 5). */
  minTermSupport?: number;
  /** Allow three-way terms (hierarchical: all their pairs in the model) after the two-way search. */
  threeWay?: boolean;
}

/**
 * Searches hierarchical models (interaction terms supported by at least `minTermSupport` people
 * only): every subset of the two-way interactions when there are at most 10 such pairs (5 lists) (2^10 = 1,024 models), greedy forward selection beyond; then, where the data allow,
 * three-way terms whose pairs are all present. Returns the fits sorted by the criterion, fits
 * with problems last.
 */
export function searchModels(t: CaptureTable, opts: SearchOptions = {}): LoglinearFit[] {
  const k = t.lists.length;
  if (k < 2 || k > MAX_LOGLINEAR_LISTS)
    throw new UsageError(
      `log-linear models take 2 to ${MAX_LOGLINEAR_LISTS} lists (got ${k}); use --method lcmcr for more`,
    );
  const crit = opts.criterion ?? 'bic';
  const score = (f: LoglinearFit) => (f.warnings.length ? Number.POSITIVE_INFINITY : f[crit]);
  const minSupport = opts.minTermSupport ?? MIN_TERM_SUPPORT;
  const supported = (term: Term) => termMargin(t, term) >= minSupport;
  const pairs = pairTerms(k).filter(supported);
  const fits: LoglinearFit[] = [];
  const seen = new Set<string>();
  const fit = (terms: Term[]) => {
    const key = [...terms].sort((a, b) => a - b).join(',');
    if (seen.has(key)) return undefined;
    seen.add(key);
    const f = fitLoglinear(t, terms);
    if (f) fits.push(f);
    return f;
  };
  if (pairs.length <= 10) {
    for (let mask = 0; mask < 1 << pairs.length; mask++) fit(pairs.filter((_, i) => mask & (1 << i)));
  } else {
    let current = fit([]);
    while (current) {
      let best: LoglinearFit | undefined;
      for (const p of pairs) {
        if (current.terms.includes(p)) continue;
        const f = fit([...current.terms, p]);
        if (f && (!best || score(f) < score(best))) best = f;
      }
      if (!best || score(best) >= score(current)) break;
      current = best;
    }
  }
  fits.sort((a, b) => score(a) - score(b) || a.params - b.params);
  if (opts.threeWay !== false && k >= 3 && fits[0] && fits[0].warnings.length === 0) {
    let current = fits[0];
    for (;;) {
      let best: LoglinearFit | undefined;
      for (let m = 0; m < 1 << k; m++) {
        if (bits(m) !== 3 || current.terms.includes(m) || !supported(m)) continue;
        if (!pairs.filter((p) => (p & m) === p).every((p) => current.terms.includes(p))) continue;
        const f = fit([...current.terms, m]);
        if (f && (!best || score(f) < score(best))) best = f;
      }
      if (!best || score(best) >= score(current)) break;
      current = best;
    }
    fits.sort((a, b) => score(a) - score(b) || a.params - b.params);
  }
  return fits;
}

export interface Profile {
  /** Profile log-likelihood of the total N (multinomial, up to a constant). */
  logLik: (N: number) => number;
  /** Where it peaks (the conditional MLE; within a fraction of a person of the Poisson estimate). */
  argmax: number;
  max: number;
  interval: [number, number];
  /** True when the upper limit was not reached below the search ceiling: N unbounded above. */
  upperOpen: boolean;
  level: number;
}

/** χ²₁ quantile: (z_{(1+p)/2})². */
export function chiSquare1Quantile(p: number): number {
  if (p === 0.95) return 3.841458820694124;
  const z = normalQuantile((1 + p) / 2);
  return z * z;
}

/**
 * Profile likelihood of N under a model. For a fixed N the full 2^k table with the missing cell
 * set to N − n is fitted as a Poisson log-linear model; its fitted cells divided by N are the
 * multinomial MLE of the cell probabilities given N, so the multinomial profile is the Poisson
 * log-likelihood + N + log N! − N log N.
 */
export function profileLikelihood(t: CaptureTable, terms: Term[], level = 0.95): Profile {
  const k = t.lists.length;
  const n = observedTotal(t);
  const params = 1 + k + terms.length;
  const rows = Array.from({ length: 1 << k }, (_, w) => designCols(w, k, terms));
  const fit = fitLoglinear(t, terms);
  if (!fit) throw new UsageError(`the model ${modelName(k, terms)} cannot be fitted to these data`);
  let warm: number[] | undefined = fit.beta;
  const cache = new Map<number, number>();
  const logLik = (N: number) => {
    const hit = cache.get(N);
    if (hit !== undefined) return hit;
    const y = rows.map((_, w) => (w === 0 ? N - n : t.counts[w]!));
    const g = poissonGlm(rows, params, y, warm);
    const ok = !g.singular && g.beta.every(Number.isFinite);
    const gg = ok ? g : poissonGlm(rows, params, y);
    if (!gg.singular) warm = gg.beta;
    const v = poissonLogLik(y, gg.mu) + N + lgamma(N + 1) - N * Math.log(N);
    cache.set(N, v);
    return v;
  };
  const chi = chiSquare1Quantile(level) / 2;
  // Maximum: golden-section search; the profile is unimodal and peaks near the Poisson estimate.
  const Nhat = Math.max(fit.estimate, n);
  let a = Math.max(n, Nhat - 0.5 * (Nhat - n) - 1);
  let b = Nhat + Math.max(2 * (Nhat - n), 10);
  const gr = (Math.sqrt(5) - 1) / 2;
  let c = b - gr * (b - a);
  let d = a + gr * (b - a);
  let fc = logLik(c);
  let fd = logLik(d);
  while (b - a > 1e-4 * Math.max(1, Nhat - n)) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - gr * (b - a);
      fc = logLik(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + gr * (b - a);
      fd = logLik(d);
    }
  }
  let argmax = (a + b) / 2;
  let max = logLik(argmax);
  if (logLik(n) > max) {
    argmax = n;
    max = logLik(n);
  }
  const drop = (N: number) => max - logLik(N) - chi;
  const tol = (x: number) => Math.max(1e-3, 1e-7 * x);
  // Lower limit: n itself when even N = n is plausible.
  let lo = n;
  if (drop(n) > 0) {
    let x = n;
    let y = argmax;
    while (y - x > tol(y)) {
      const m = (x + y) / 2;
      if (drop(m) > 0) x = m;
      else y = m;
    }
    lo = (x + y) / 2;
  }
  // Upper limit: step out until the drop exceeds χ², up to a ceiling of 10,000 × n.
  const ceiling = Math.max(argmax, n) * 1e4;
  let inside = argmax;
  let out = argmax + Math.max(10, argmax - n);
  while (drop(out) <= 0 && out < ceiling) {
    inside = out;
    out = Math.min(ceiling, argmax + 2 * (out - argmax));
  }
  const upperOpen = drop(out) <= 0;
  if (!upperOpen) {
    while (out - inside > tol(out)) {
      const m = (inside + out) / 2;
      if (drop(m) > 0) out = m;
      else inside = m;
    }
  }
  return { logLik, argmax, max, interval: [lo, upperOpen ? ceiling : (inside + out) / 2], upperOpen, level };
}

/** Standard normal CDF (Φ), via the complementary error function (Numerical Recipes' erfc, |ε| < 1.2e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** The profile-likelihood interval for N under a model. */
export function profileInterval(t: CaptureTable, terms: Term[], level = 0.95): [number, number] {
  return profileLikelihood(t, terms, level).interval;
}

/** Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const q = Math.min(p, 1 - p);
  if (q > 0.02425) {
    const r = (p - 0.5) ** 2;
    return (
      ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * (p - 0.5)) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
    );
  }
  const s = Math.sqrt(-2 * Math.log(q));
  const x =
    (((((c[0]! * s + c[1]!) * s + c[2]!) * s + c[3]!) * s + c[4]!) * s + c[5]!) /
    ((((d[0]! * s + d[1]!) * s + d[2]!) * s + d[3]!) * s + 1);
  return p < 0.5 ? x : -x;
}
