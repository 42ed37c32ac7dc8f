/**
 * Log-linear multiple systems estimation (Fienberg 1972; Bishop, Fienberg & Holland 1975):
 * a Poisson log-linear model is fitted to the 2^k − 1 observed cells of the capture-history table,
 * with main effects and a chosen set of interactions (list dependence); the model's prediction
 * for the unobservable all-zero cell, exp(intercept), estimates the number never documented.
 * Models are compared by AIC or BIC; the interval for the total is the profile-likelihood interval
 * (Cormack 1992; Rivest & Lévesque 2001): the totals N whose profile deviance stays within χ²₁.
 */
import { lgamma } from './random.js';
import { type CaptureTable, observedTotal } from './table.js';

/** An interaction term: a set of list indices (size 2 or 3), as a bitmask. */
export type Term = number;

export interface LoglinearFit {
  terms: Term[];
  /** Model name such as "[12][13][2][4]" in hierarchical notation (lists numbered from 1). */
  name: string;
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
  warnings: string[];
}

const bits = (m: number) => {
  let c = 0;
  for (let x = m; x; x &= x - 1) c++;
  return c;
};

export function termName(t: Term): string {
  const out: number[] = [];
  for (let j = 0; 1 << j <= t; j++) if (t & (1 << j)) out.push(j + 1);
  return out.join('');
}

export function modelName(k: number, terms: Term[]): string {
  if (terms.length === 0) return 'independence';
  // Hierarchical notation: interaction terms, then lists not involved in any.
  const covered = terms.reduce((a, t) => a | t, 0);
  const singles = Array.from({ length: k }, (_, j) => j).filter((j) => !(covered & (1 << j)));
  return [...terms.map((t) => `[${termName(t)}]`), ...singles.map((j) => `[${j + 1}]`)].join('');
}

/** Design row for a cell pattern: intercept, k main effects, then each term. */
function designRow(w: number, k: number, terms: Term[]): number[] {
  const row = [1];
  for (let j = 0; j < k; j++) row.push(w & (1 << j) ? 1 : 0);
  for (const t of terms) row.push((w & t) === t ? 1 : 0);
  return row;
}

/** Solves A x = b for symmetric positive-definite A (Cholesky); undefined if singular. */
function solveSpd(A: number[][], b: number[]): number[] | undefined {
  const n = b.length;
  const L = A.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i]![j]!;
      for (let m = 0; m < j; m++) s -= L[i]![m]! * L[j]![m]!;
      if (i === j) {
        if (s <= 1e-10 * Math.max(1, Math.abs(A[i]![i]!))) return undefined;
        L[i]![i] = Math.sqrt(s);
      } else L[i]![j] = s / L[j]![j]!;
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let m = 0; m < i; m++) s -= L[i]![m]! * y[m]!;
    y[i] = s / L[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
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

/** Poisson GLM with log link by iteratively reweighted least squares. */
export function poissonGlm(X: number[][], y: number[], start?: number[]): GlmResult {
  const p = X[0]!.length;
  let beta = start ? [...start] : undefined;
  let eta = beta ? X.map((r) => dot(r, beta!)) : y.map((v) => Math.log(v + 0.5));
  let mu = eta.map(Math.exp);
  let prevDev = Number.POSITIVE_INFINITY;
  for (let it = 0; it < 100; it++) {
    const A = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    const rhs = new Array<number>(p).fill(0);
    for (let i = 0; i < X.length; i++) {
      const w = Math.max(mu[i]!, 1e-10);
      const z = eta[i]! + (y[i]! - mu[i]!) / w;
      const r = X[i]!;
      for (let a = 0; a < p; a++) {
        if (r[a] === 0) continue;
        rhs[a]! += w * r[a]! * z;
        for (let b = 0; b <= a; b++) if (r[b] !== 0) A[a]![b]! += w * r[a]! * r[b]!;
      }
    }
    for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) A[a]![b] = A[b]![a]!;
    const next = solveSpd(A, rhs);
    if (!next) return { beta: beta ?? new Array(p).fill(0), mu, converged: false, singular: true };
    beta = next;
    eta = X.map((r) => dot(r, beta!));
    mu = eta.map((e) => Math.exp(Math.min(e, 700)));
    let dev = 0;
    for (let i = 0; i < y.length; i++)
      dev += 2 * ((y[i]! > 0 ? y[i]! * Math.log(y[i]! / mu[i]!) : 0) - (y[i]! - mu[i]!));
    if (Math.abs(dev - prevDev) < 1e-10 * (Math.abs(dev) + 1))
      return { beta, mu, converged: true, singular: false };
    prevDev = dev;
  }
  return { beta: beta!, mu, converged: false, singular: false };
}

function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function poissonLogLik(y: number[], mu: number[]): number {
  let l = 0;
  for (let i = 0; i < y.length; i++)
    l += (y[i]! > 0 ? y[i]! * Math.log(mu[i]!) : 0) - mu[i]! - lgamma(y[i]! + 1);
  return l;
}

/** Fits one model to the observed cells. */
export function fitLoglinear(t: CaptureTable, terms: Term[]): LoglinearFit | undefined {
  const k = t.lists.length;
  const cells = Array.from({ length: (1 << k) - 1 }, (_, i) => i + 1);
  const X = cells.map((w) => designRow(w, k, terms));
  const y = cells.map((w) => t.counts[w]!);
  const params = X[0]!.length;
  if (params > cells.length) return undefined; // more parameters than cells: not identifiable
  const g = poissonGlm(X, y);
  if (g.singular) return undefined;
  const warnings: string[] = [];
  if (!g.converged) warnings.push('the fit did not converge');
  const unobserved = Math.exp(g.beta[0]!);
  if (!Number.isFinite(unobserved) || unobserved > 1e9)
    warnings.push('the estimate diverges (a parameter went to a boundary, often from zero cells)');
  const logLik = poissonLogLik(y, g.mu);
  const n = observedTotal(t);
  return {
    terms,
    name: modelName(k, terms),
    beta: g.beta,
    logLik,
    params,
    df: cells.length - params,
    aic: -2 * logLik + 2 * params,
    bic: -2 * logLik + params * Math.log(n),
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

export interface SearchOptions {
  criterion?: 'aic' | 'bic';
  /** Allow three-way terms (hierarchical: all their pairs in the model) after the two-way search. */
  threeWay?: boolean;
}

/**
 * Searches hierarchical models: every subset of two-way interactions when there are at most 5
 * lists (2^10 = 1,024 models), greedy forward selection beyond; then, where the data allow,
 * three-way terms whose pairs are all present. Returns fits sorted by the criterion.
 */
export function searchModels(t: CaptureTable, opts: SearchOptions = {}): LoglinearFit[] {
  const k = t.lists.length;
  const crit = opts.criterion ?? 'bic';
  const score = (f: LoglinearFit) => (f.warnings.length ? Number.POSITIVE_INFINITY : f[crit]);
  const pairs = pairTerms(k);
  const fits: LoglinearFit[] = [];
  if (pairs.length <= 10) {
    for (let mask = 0; mask < 1 << pairs.length; mask++) {
      const terms = pairs.filter((_, i) => mask & (1 << i));
      const f = fitLoglinear(t, terms);
      if (f) fits.push(f);
    }
  } else {
    let current = fitLoglinear(t, [])!;
    fits.push(current);
    for (;;) {
      let best: LoglinearFit | undefined;
      for (const p of pairs) {
        if (current.terms.includes(p)) continue;
        const f = fitLoglinear(t, [...current.terms, p]);
        if (f) {
          fits.push(f);
          if (!best || score(f) < score(best)) best = f;
        }
      }
      if (!best || score(best) >= score(current)) break;
      current = best;
    }
  }
  fits.sort((a, b) => score(a) - score(b));
  if (opts.threeWay !== false && k >= 4 && fits[0]) {
    let current = fits[0];
    for (;;) {
      let best: LoglinearFit | undefined;
      for (let m = 0; m < 1 << k; m++) {
        if (bits(m) !== 3 || current.terms.includes(m)) continue;
        const subPairs = pairs.filter((p) => (p & m) === p);
        if (!subPairs.every((p) => current.terms.includes(p))) continue;
        const f = fitLoglinear(t, [...current.terms, m]);
        if (f && (!best || score(f) < score(best))) best = f;
      }
      if (!best || score(best) >= score(current)) break;
      fits.push(best);
      current = best;
    }
    fits.sort((a, b) => score(a) - score(b));
  }
  return fits;
}

/**
 * Profile-likelihood interval for the total N under a model: the full 2^k table with the missing
 * cell set to N − n is refitted for each N; the interval holds the N within χ²₁(level)/2 of the
 * maximum.
 */
export function profileInterval(t: CaptureTable, terms: Term[], level = 0.95): [number, number] {
  const k = t.lists.length;
  const n = observedTotal(t);
  const cells = Array.from({ length: 1 << k }, (_, w) => w);
  const X = cells.map((w) => designRow(w, k, terms));
  const chi = level === 0.95 ? 3.841459 : chiSquare1Quantile(level);
  let warm: number[] | undefined;
  const prof = (N: number) => {
    const y = cells.map((w) => (w === 0 ? N - n : t.counts[w]!));
    const g = poissonGlm(X, y, warm);
    if (!g.singular) warm = g.beta;
    return poissonLogLik(y, g.mu);
  };
  const fit = fitLoglinear(t, terms);
  const Nhat = fit ? fit.estimate : n;
  const top = prof(Nhat);
  const below = (N: number) => 2 * (top - prof(N)) - chi;
  // Lower bound: between n and N̂ (or n itself when even N = n is within the interval).
  let lo: number;
  if (below(n + 1e-6) <= 0) lo = n;
  else {
    let a = n + 1e-6;
    let b = Nhat;
    for (let i = 0; i < 60 && b - a > 1e-3; i++) {
      const m = (a + b) / 2;
      warm = undefined;
      if (below(m) > 0) a = m;
      else b = m;
    }
    lo = (a + b) / 2;
  }
  warm = undefined;
  let hiB = Math.max(Nhat * 2, n + 10);
  for (let i = 0; i < 60 && below(hiB) <= 0; i++) hiB *= 2;
  let a = Nhat;
  let b = hiB;
  for (let i = 0; i < 80 && b - a > 1e-3 * Math.max(1, a); i++) {
    const m = (a + b) / 2;
    if (below(m) > 0) b = m;
    else a = m;
  }
  return [lo, (a + b) / 2];
}

/** χ²₁ quantile via the normal quantile: (z_{(1+p)/2})². */
function chiSquare1Quantile(p: number): number {
  const z = normalQuantile((1 + p) / 2);
  return z * z;
}

/** Acklam's rational approximation of the standard normal quantile. */
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
  let x: number;
  if (q > 0.02425) {
    const r = (p - 0.5) ** 2;
    x =
      ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * (p - 0.5)) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
    return x;
  }
  const s = Math.sqrt(-2 * Math.log(q));
  x =
    (((((c[0]! * s + c[1]!) * s + c[2]!) * s + c[3]!) * s + c[4]!) * s + c[5]!) /
    ((((d[0]! * s + d[1]!) * s + d[2]!) * s + d[3]!) * s + 1);
  return p < 0.5 ? x : -x;
}
