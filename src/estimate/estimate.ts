/**
 * `estimate`: one entry point over the methods, with the honest warnings a court will want to
 * read next to a number. Output keys follow the fixed contract (observed, estimate, interval,
 * level, method, model, lists) and add the reasons and diagnostics behind them.
 */
import { canonicalJson } from '../domain/canonical-json.js';
import { InputError } from '../domain/errors.js';
import { chapmanFromTable } from './chapman.js';
import { type LcmcrOptions, lcmcr } from './lcmcr.js';
import { profileInterval, searchModels } from './loglinear.js';
import { type CaptureTable, combine, listTotals, observedTotal } from './table.js';

export type Method = 'loglinear' | 'lcmcr' | 'auto';

export interface EstimateOptions extends LcmcrOptions {
  method?: Method;
  criterion?: 'aic' | 'bic';
}

export interface EstimateResult {
  stratum?: string;
  observed: number;
  estimate: number;
  interval: [number, number];
  level: 0.95;
  method: 'loglinear' | 'lcmcr' | 'chapman';
  model: string;
  lists: string[];
  reason?: string;
  warnings: string[];
  models?: { model: string; estimate: number; aic: number; bic: number; df: number }[];
  diagnostics?: {
    rhat: number;
    ess: number;
    occupiedClasses: number;
    chains: number;
    iterations: number;
    burnIn: number;
    thin: number;
    seed: number;
  };
  /** Posterior draws (LCMCR) kept for plots and for combining strata; not printed. */
  draws?: number[];
}

/** Warnings about the data themselves, whatever the method. */
export function dataWarnings(t: CaptureTable): string[] {
  const w: string[] = [];
  const k = t.lists.length;
  const n = observedTotal(t);
  if (k < 3)
    w.push(
      'fewer than 3 lists: the estimate rests on assuming the lists are independent, which cannot be checked',
    );
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      let overlap = 0;
      for (let x = 1; x < t.counts.length; x++) if (x & (1 << a) && x & (1 << b)) overlap += t.counts[x]!;
      if (overlap < 5)
        w.push(`tiny overlap between ${t.lists[a]} and ${t.lists[b]} (${overlap}): estimates are unstable`);
    }
  }
  const zero = t.counts.slice(1).filter((c) => c === 0).length;
  if (k >= 3 && zero > 0)
    w.push(
      `${zero} of ${t.counts.length - 1} capture patterns are empty (zero cells): interaction terms may be unidentifiable`,
    );
  listTotals(t).forEach((c, j) => {
    if (n > 0 && c / n > 0.9)
      w.push(
        `list ${t.lists[j]} holds ${Math.round((100 * c) / n)}% of everyone observed: the others add little information`,
      );
  });
  if (n < 30) w.push(`only ${n} individuals observed`);
  return w;
}

function loglinearResult(t: CaptureTable, opts: EstimateOptions): EstimateResult {
  const n = observedTotal(t);
  if (t.lists.length === 2) {
    const c = chapmanFromTable(t);
    return {
      observed: n,
      estimate: c.estimate,
      interval: c.interval,
      level: 0.95,
      method: 'chapman',
      model: 'independence (Chapman)',
      lists: t.lists,
      warnings: [
        'two lists: the Chapman estimator assumes the lists are independent and every person equally likely to be listed',
      ],
    };
  }
  const fits = searchModels(t, { criterion: opts.criterion });
  const best = fits.find((f) => f.warnings.length === 0) ?? fits[0];
  if (!best)
    throw new InputError(
      'no log-linear model can be fitted to these data: too few distinct capture patterns (lists that never overlap, or one list inside another)',
    );
  const interval = profileInterval(t, best.terms);
  return {
    observed: n,
    estimate: best.estimate,
    interval,
    level: 0.95,
    method: 'loglinear',
    model: best.name,
    lists: t.lists,
    warnings: [...best.warnings],
    models: fits
      .slice(0, 5)
      .map((f) => ({ model: f.name, estimate: f.estimate, aic: f.aic, bic: f.bic, df: f.df })),
  };
}

function lcmcrResult(t: CaptureTable, opts: EstimateOptions): EstimateResult {
  const r = lcmcr(t, opts);
  return {
    observed: observedTotal(t),
    estimate: r.median,
    interval: r.interval,
    level: 0.95,
    method: 'lcmcr',
    model: `latent classes (DP, K*=${r.settings.maxClasses})`,
    lists: t.lists,
    warnings: r.warnings,
    diagnostics: {
      rhat: r.rhat,
      ess: r.ess,
      occupiedClasses: r.occupiedClasses,
      chains: r.settings.chains,
      iterations: r.settings.iterations,
      burnIn: r.settings.burnIn,
      thin: r.settings.thin,
      seed: r.settings.seed,
    },
    draws: r.draws,
  };
}

/** Chooses a method for the data and says why. */
export function chooseMethod(t: CaptureTable): { method: 'loglinear' | 'lcmcr'; reason: string } {
  const k = t.lists.length;
  const n = observedTotal(t);
  if (k < 3)
    return {
      method: 'loglinear',
      reason: 'two lists: only the Chapman (independence) estimator is possible',
    };
  if (n < 50)
    return {
      method: 'loglinear',
      reason: `few individuals (${n}): a latent-class model would be driven by its priors`,
    };
  return {
    method: 'lcmcr',
    reason: `${k} lists and ${n} individuals: the latent-class model allows for people who are more or less likely to be documented (heterogeneity), the usual situation with human-rights lists`,
  };
}

export function estimate(t: CaptureTable, opts: EstimateOptions = {}): EstimateResult {
  const method = opts.method ?? 'auto';
  let chosen: 'loglinear' | 'lcmcr';
  let reason: string | undefined;
  if (method === 'auto') ({ method: chosen, reason } = chooseMethod(t));
  else chosen = method;
  if (chosen === 'lcmcr' && t.lists.length < 3) chosen = 'loglinear';
  const r = chosen === 'lcmcr' ? lcmcrResult(t, opts) : loglinearResult(t, opts);
  return { ...r, reason, warnings: [...dataWarnings(t), ...r.warnings] };
}

/** One estimate per stratum, then their combined total. */
export function estimateStrata(
  tables: Map<string, CaptureTable>,
  opts: EstimateOptions = {},
): EstimateResult[] {
  const keys = [...tables.keys()].sort();
  const out = keys.map((k) => ({ stratum: k, ...estimate(tables.get(k)!, opts) }));
  const all = combine(keys.map((k) => tables.get(k)!));
  const observed = observedTotal(all);
  if (out.every((r) => r.draws)) {
    // Sum of posterior draws across strata (strata are independent given their parameters).
    const len = Math.min(...out.map((r) => r.draws!.length));
    const sums = Array.from({ length: len }, (_, i) => out.reduce((a, r) => a + r.draws![i]!, 0)).sort(
      (a, b) => a - b,
    );
    const q = (p: number) => sums[Math.round(p * (sums.length - 1))]!;
    out.push({
      stratum: '(all)',
      observed,
      estimate: q(0.5),
      interval: [q(0.025), q(0.975)],
      level: 0.95,
      method: 'lcmcr',
      model: 'sum of strata posteriors',
      lists: all.lists,
      warnings: [],
      draws: sums,
    });
  } else {
    // Sum of estimates; interval from the strata's interval half-widths added in quadrature.
    const est = out.reduce((a, r) => a + r.estimate, 0);
    const lo = Math.sqrt(out.reduce((a, r) => a + (r.estimate - r.interval[0]) ** 2, 0));
    const hi = Math.sqrt(out.reduce((a, r) => a + (r.interval[1] - r.estimate) ** 2, 0));
    out.push({
      stratum: '(all)',
      observed,
      estimate: est,
      interval: [Math.max(observed, est - lo), est + hi],
      level: 0.95,
      method: out[0]!.method,
      model: 'sum of strata estimates',
      lists: all.lists,
      warnings: ['combined interval adds the strata intervals in quadrature (an approximation)'],
    });
  }
  return out;
}

/** Canonical JSON of the inputs and settings, to hash and store with a result so it can be reproduced. */
export function canonicalInputs(tables: Map<string, CaptureTable>, opts: EstimateOptions): string {
  return canonicalJson({ tables: Object.fromEntries([...tables].map(([k, t]) => [k, t])), opts });
}
