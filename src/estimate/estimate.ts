/**
 * `estimate`: one entry point over the methods, with the honest warnings a court will want to
 * read next to a number. Output keys follow the fixed contract (observed, estimate, interval,
 * level, method, model, lists) and add the reasons and diagnostics behind them.
 */
import { canonicalJson } from '../domain/canonical-json.js';
import { InputError, UsageError } from '../domain/errors.js';
import { averageProfiles, icWeights } from './average.js';
import { chapmanFromTable } from './chapman.js';
import { combineChapman, combineProfiles } from './combine.js';
import { diagnostics, LCMCR_DEFAULTS, type LcmcrOptions, lcmcr, MAX_RUNS } from './lcmcr.js';
import type { LinkageSummary } from './linkage-error.js';
import {
  MAX_LOGLINEAR_LISTS,
  MIN_TERM_SUPPORT,
  type Profile,
  profileLikelihood,
  searchModels,
} from './loglinear.js';
import { type CaptureTable, combine, dropEmptyLists, listTotals, observedTotal } from './table.js';

export type Method = 'loglinear' | 'lcmcr' | 'auto';

export interface EstimateOptions extends LcmcrOptions {
  method?: Method;
  criterion?: 'aic' | 'bic';
  /** Log-linear sparsity guard: least number of people on all lists of an interaction term. */
  minTermSupport?: number;
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
  /** Why this method (when chosen by `auto`, or when the requested one could not apply). */
  reason?: string;
  warnings: string[];
  /**
   * Log-linear: the models averaged (within ΔIC 4 of the best: AVERAGING_WINDOW), each with its
   * weight, profile peak and profile interval.
   */
  averaged?: { model: string; weight: number; estimate: number; interval: [number, number] }[];
  /** Log-linear: the best models by the criterion (estimate = n + exp(intercept), Poisson fit). */
  models?: { model: string; estimate: number; aic: number; bic: number; df: number }[];
  criterion?: 'aic' | 'bic';
  /**
   * LCMCR: whether the chains agree (split R-hat ≤ target, ESS ≥ 100 per chain). When false, the
   * median and interval are not an estimate; the CLI exits 1 unless told to allow it.
   */
  converged?: boolean;
  /** Chapman: its variance (Chapman 1951 / Seber 1982). */
  variance?: number;
  diagnostics?: {
    rhat: number;
    ess: number;
    occupiedClasses?: number;
    chains: number;
    iterations: number;
    /** Iterations per chain actually run after burn-in (the convergence policy may extend). */
    iterationsRun?: number;
    /** Of those, iterations per chain left out as warm-up (the first half, when only the rest converged). */
    warmUp?: number;
    maxIterations?: number;
    /** Posterior mean of the Dirichlet-process concentration α. */
    alpha?: number;
    burnIn: number;
    thin: number;
    seed: number;
    maxClasses: number;
  };
  /** Posterior draws of N (LCMCR; chains one after another, equal lengths): plots, strata sums. */
  draws?: number[];
  /** Record-linkage error folded into `estimate` and `interval` (`withLinkageError`, case files). */
  linkage?: LinkageSummary;
}

/** How many people are on two lists or more (the recaptures every method leans on). */
function recaptured(t: CaptureTable): number {
  let r = 0;
  for (let w = 1; w < t.counts.length; w++) if (w & (w - 1)) r += t.counts[w]!;
  return r;
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
      `${zero} of ${t.counts.length - 1} capture patterns are empty (zero cells): some interactions cannot be estimated`,
    );
  listTotals(t).forEach((c, j) => {
    if (n > 0 && c / n > 0.9)
      w.push(
        `list ${t.lists[j]} holds ${Math.round((100 * c) / n)}% of everyone observed: the others add little information`,
      );
    if (c === 0) w.push(`list ${t.lists[j]} holds no one`);
  });
  if (n < 30) w.push(`only ${n} individuals observed`);
  return w;
}

interface Internal {
  result: EstimateResult;
  profile?: Profile;
}

function chapmanResult(t: CaptureTable): Internal {
  const c = chapmanFromTable(t);
  const warnings = [
    'two lists: the Chapman estimator assumes the lists are independent and every person equally likely to be listed; neither can be checked with two lists',
  ];
  if (c.m === 0)
    warnings.push('no one is on both lists: Chapman’s estimate is not informative (any total fits)');
  else if (c.m < 7)
    warnings.push(`only ${c.m} people are on both lists: Chapman’s estimate is biased (m < 7)`);
  return {
    result: {
      observed: c.observed,
      estimate: c.estimate,
      interval: c.interval,
      level: 0.95,
      method: 'chapman',
      model: 'independence (Chapman)',
      lists: t.lists,
      warnings,
      variance: c.variance,
    },
    // For a combined interval with log-linear strata (the two-list independence model's profile).
    profile: profileLikelihood(t, []),
  };
}

/**
 * Models within this many points of the best by the criterion are averaged (weights exp(−Δ/2));
 * beyond 4 a model's weight is below 0.14 of the best's (Burnham & Anderson 2002: little support).
 */
export const AVERAGING_WINDOW = 4;
/** At most this many models enter the average (each costs a profile likelihood). */
const MAX_AVERAGED = 8;

function loglinearResult(t: CaptureTable, opts: EstimateOptions): Internal {
  if (t.lists.length === 2) return chapmanResult(t);
  const criterion = opts.criterion ?? 'bic';
  const fits = searchModels(t, { criterion, minTermSupport: opts.minTermSupport });
  const usable = fits.filter((f) => f.warnings.length === 0);
  const best = usable[0];
  if (!best) {
    const why = fits[0]?.warnings[0];
    throw new InputError(
      `no log-linear model can be fitted to these data${why ? ` (the best attempt: ${why})` : ''}: too few distinct capture patterns (lists that never overlap, or one list inside another)`,
    );
  }
  const score = (f: (typeof fits)[number]) => f[criterion];
  const window = usable.filter((f) => score(f) - score(best) <= AVERAGING_WINDOW).slice(0, MAX_AVERAGED);
  const profiles = window.map((f) => profileLikelihood(t, f.terms));
  const weights = icWeights(window.map(score));
  const profile = profiles[0]!;
  // One model: its profile peak and interval. Several: the model-averaged tail-area interval and
  // median (average.ts), both from the same profile likelihoods.
  const avg =
    window.length > 1
      ? averageProfiles(profiles, weights, observedTotal(t))
      : { estimate: profile.argmax, interval: profile.interval, upperOpen: profile.upperOpen };
  const warnings: string[] = [];
  if (avg.upperOpen)
    warnings.push(
      `the data do not bound the total from above: the profile likelihood stays within the 95% limit up to ${Math.round(avg.interval[1])} (the search ceiling, reported as the upper end)`,
    );
  const spread = profiles.map((p) => p.argmax);
  if (window.length > 1 && Math.max(...spread) > 1.25 * Math.min(...spread))
    warnings.push(
      `model uncertainty: ${window.length} models within Δ${criterion.toUpperCase()} ${AVERAGING_WINDOW} give ${Math.round(Math.min(...spread))} to ${Math.round(Math.max(...spread))}; the interval averages over them`,
    );
  const crit = criterion.toUpperCase();
  return {
    result: {
      observed: observedTotal(t),
      estimate: avg.estimate,
      interval: avg.interval,
      level: 0.95,
      method: 'loglinear',
      model:
        window.length > 1
          ? `average of ${window.length} models within Δ${crit} ${AVERAGING_WINDOW} (${window.map((f, i) => `${f.name} ${Math.round(100 * weights[i]!)}%`).join(', ')}), profile likelihoods`
          : `${best.name}, profile likelihood`,
      lists: t.lists,
      warnings,
      criterion,
      averaged: window.map((f, i) => ({
        model: f.name,
        weight: weights[i]!,
        estimate: profiles[i]!.argmax,
        interval: profiles[i]!.interval,
      })),
      models: usable
        .slice(0, 5)
        .map((f) => ({ model: f.name, estimate: f.estimate, aic: f.aic, bic: f.bic, df: f.df })),
    },
    profile,
  };
}

/** A stream number for a stratum name (FNV-1a), so strata sharing a seed draw independently. */
function streamFor(stratum: string | undefined): number {
  if (!stratum) return 0;
  let h = 0x811c9dc5;
  for (const ch of new TextEncoder().encode(stratum)) h = Math.imul(h ^ ch, 0x01000193) >>> 0;
  return Math.imul(h, 64) >>> 0;
}

function lcmcrResult(t: CaptureTable, opts: EstimateOptions, stratum?: string): Internal {
  const r = lcmcr(t, opts, streamFor(stratum));
  const s = r.settings;
  return {
    result: {
      observed: observedTotal(t),
      estimate: r.median,
      interval: r.interval,
      level: 0.95,
      method: 'lcmcr',
      model: `latent classes (Dirichlet process, K*=${s.maxClasses}), posterior median`,
      lists: t.lists,
      warnings: r.warnings,
      converged: r.converged,
      diagnostics: {
        rhat: r.rhat,
        ess: r.ess,
        occupiedClasses: r.occupiedClasses,
        chains: s.chains,
        iterations: s.iterations,
        iterationsRun: r.iterationsRun,
        warmUp: r.warmUp,
        maxIterations: s.maxIterations,
        alpha: r.alphaMean,
        burnIn: s.burnIn,
        thin: s.thin,
        seed: s.seed,
        maxClasses: s.maxClasses,
      },
      draws: r.draws,
    },
  };
}

/** Chooses a method for the data and says why. */
export function chooseMethod(t: CaptureTable): { method: 'loglinear' | 'lcmcr'; reason: string } {
  const k = t.lists.length;
  const n = observedTotal(t);
  const r = recaptured(t);
  if (k < 3)
    return {
      method: 'loglinear',
      reason: 'two lists: only the Chapman (independence) estimator is possible',
    };
  if (k > MAX_LOGLINEAR_LISTS)
    return {
      method: 'lcmcr',
      reason: `${k} lists: more than log-linear models can take (${MAX_LOGLINEAR_LISTS}); the latent-class model works on the observed patterns only`,
    };
  if (n < 50)
    return {
      method: 'loglinear',
      reason: `few individuals (${n}): a latent-class model would be driven by its priors`,
    };
  if (r < 20)
    return {
      method: 'loglinear',
      reason: `few individuals on more than one list (${r}): too little overlap to learn latent classes; log-linear with its profile interval`,
    };
  return {
    method: 'lcmcr',
    reason: `${k} lists, ${n} individuals, ${r} on more than one list: the latent-class model allows for people who are more or less likely to be documented (heterogeneity), the usual situation with human-rights lists`,
  };
}

function run(
  table: CaptureTable,
  opts: EstimateOptions,
  forced?: { method: 'loglinear' | 'lcmcr'; reason?: string },
  stratum?: string,
): Internal {
  if (observedTotal(table) === 0) throw new InputError('no one is on any list: nothing to estimate from');
  const { table: t, dropped } = dropEmptyLists(table);
  if (t.lists.length < 2)
    throw new InputError(
      `only ${t.lists.length} list holds anyone (${t.lists.join(', ')}): at least 2 are needed`,
    );
  if (recaptured(t) === 0)
    throw new InputError(
      'no one is on more than one list: every estimate rests on the lists’ overlap, so none is possible',
    );
  const method = opts.method ?? 'auto';
  if (!['auto', 'loglinear', 'lcmcr'].includes(method))
    throw new UsageError(`method must be loglinear, lcmcr or auto (got ${method})`);
  let chosen: 'loglinear' | 'lcmcr';
  let reason: string | undefined;
  if (forced) ({ method: chosen, reason } = forced);
  else if (method === 'auto') ({ method: chosen, reason } = chooseMethod(t));
  else chosen = method;
  if (chosen === 'lcmcr' && t.lists.length < 3) {
    chosen = 'loglinear';
    reason = 'LCMCR needs at least 3 lists: with 2, only the Chapman (independence) estimator is possible';
  }
  const out = chosen === 'lcmcr' ? lcmcrResult(t, opts, stratum) : loglinearResult(t, opts);
  const { observed, estimate, interval, level, method: m, model, lists, ...rest } = out.result;
  // The contract's keys first, in the contract's order.
  const result: EstimateResult = {
    observed,
    estimate,
    interval,
    level,
    method: m,
    model,
    lists,
    ...(reason ? { reason } : {}),
    ...rest,
    warnings: [
      ...dropped.map((l) => `list ${l} holds no one here: left out`),
      ...dataWarnings(t),
      ...rest.warnings,
    ],
  };
  if (interval[1] > 20 * observed && !result.warnings.some((w) => /20 times/.test(w)))
    result.warnings.push(
      `the upper limit is more than 20 times what was observed: the data say little about the undocumented`,
    );
  return { ...out, result };
}

/** The total for one capture table. */
export function estimate(t: CaptureTable, opts: EstimateOptions = {}): EstimateResult {
  return run(t, opts).result;
}

/**
 * One estimate per stratum (sorted by name), then their combined total as a last element with
 * `stratum: "(all)"`. Under `auto` one method is chosen for all strata, from the pooled table, so
 * the strata can be added up. Combined intervals: LCMCR adds the posterior draws of the strata
 * (independent posteriors); log-linear uses the profile likelihood of the sum; Chapman adds
 * variances (see combine.ts).
 */
export function estimateStrata(
  tables: Map<string, CaptureTable>,
  opts: EstimateOptions = {},
): EstimateResult[] {
  const keys = [...tables.keys()].sort();
  if (keys.length === 0) throw new InputError('no strata to estimate');
  const all = combine(keys.map((k) => tables.get(k)!));
  const method = opts.method ?? 'auto';
  const narrow = keys.filter((k) => dropEmptyLists(tables.get(k)!).table.lists.length < 3);
  let forced: { method: 'loglinear' | 'lcmcr'; reason: string } | undefined;
  if (method === 'auto') {
    const c = chooseMethod(all);
    forced =
      c.method === 'lcmcr' && narrow.length > 0
        ? {
            method: 'loglinear',
            reason: `for all strata: stratum "${narrow[0]}" has fewer than 3 lists holding anyone, so LCMCR cannot be used in every stratum`,
          }
        : { method: c.method, reason: `for all strata, from the pooled table: ${c.reason}` };
  } else if (method === 'lcmcr' && narrow.length > 0) {
    throw new UsageError(
      `LCMCR needs at least 3 lists holding anyone in every stratum; stratum "${narrow[0]}" has fewer: use --method loglinear`,
    );
  }
  const runs = keys.map((k) => {
    try {
      const r = run(tables.get(k)!, opts, forced, k);
      return { ...r, result: { stratum: k, ...r.result } };
    } catch (err) {
      if (err instanceof InputError) throw new InputError(`stratum "${k}": ${err.message}`, err.issues);
      throw err;
    }
  });
  const out = runs.map((r) => r.result);
  const observed = observedTotal(all);
  const first = out[0]!;
  const base = {
    stratum: '(all)',
    observed,
    level: 0.95 as const,
    lists: all.lists,
  };
  if (out.every((r) => r.method === 'lcmcr')) {
    // Sum of posterior draws across strata, chain by chain (the strata posteriors are independent).
    // Strata may have run for different lengths (the convergence policy): each chain's first
    // `per` draws are summed, per = the shortest chain.
    const chains = first.diagnostics!.chains;
    const per = Math.min(...out.map((r) => r.draws!.length / chains));
    const sums: number[] = [];
    for (let c = 0; c < chains; c++)
      for (let i = 0; i < per; i++)
        sums.push(out.reduce((a, r) => a + r.draws![c * (r.draws!.length / chains) + i]!, 0));
    const d = diagnostics(Array.from({ length: chains }, (_, c) => sums.slice(c * per, (c + 1) * per)));
    const sorted = Float64Array.from(sums).sort();
    const q = (p: number) => sorted[Math.round(p * (sorted.length - 1))]!;
    const strataConverged = out.every((r) => r.converged !== false);
    const warnings = out.some((r) => r.warnings.some((w) => /R-hat|ESS|truncation|cap /.test(w)))
      ? ['some strata have convergence or truncation warnings: see them']
      : [];
    const target = opts.targetRhat ?? LCMCR_DEFAULTS.targetRhat;
    if (!(d.rhat <= target))
      warnings.push(`not converged: the summed draws' split R-hat is ${d.rhat.toFixed(3)} (> ${target})`);
    out.push({
      ...base,
      estimate: q(0.5),
      interval: [q(0.025), q(0.975)],
      method: 'lcmcr',
      model: 'sum of the strata posteriors (draw by draw), posterior median',
      warnings,
      converged: strataConverged && d.rhat <= target,
      diagnostics: { ...first.diagnostics!, rhat: d.rhat, ess: d.ess, occupiedClasses: undefined },
      draws: sums,
    });
  } else if (out.every((r) => r.method === 'chapman')) {
    const c = combineChapman(
      out.map((r) => ({ observed: r.observed, estimate: r.estimate, variance: r.variance! })),
    );
    out.push({
      ...base,
      estimate: c.estimate,
      interval: c.interval,
      method: 'chapman',
      model: 'sum of the strata Chapman estimates (variances added)',
      warnings: ['two lists in every stratum: the total inherits the independence assumption'],
      variance: c.variance,
    });
  } else {
    // Two-list strata (Chapman) enter through the independence model's profile likelihood.
    const c = combineProfiles(runs.map((r) => r.profile!));
    const mixed = out.some((r) => r.method === 'chapman');
    out.push({
      ...base,
      estimate: out.reduce((a, r) => a + r.estimate, 0),
      interval: c.interval,
      method: 'loglinear',
      model: 'sum of the strata models (profile likelihood of the sum)',
      warnings: [
        ...(c.upperOpen ? ['a stratum has no upper limit, so neither has the total'] : []),
        ...(mixed
          ? [
              'strata with only 2 lists enter the combined interval through the independence model (Lincoln–Petersen profile likelihood)',
            ]
          : []),
      ],
    });
  }
  return out;
}

/** Settings with every default filled in: what a stored result needs to be reproduced. */
export function resolvedSettings(opts: EstimateOptions): Required<EstimateOptions> {
  const iterations = opts.iterations ?? LCMCR_DEFAULTS.iterations;
  return {
    ...LCMCR_DEFAULTS,
    maxIterations: MAX_RUNS * iterations,
    ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)),
    method: opts.method ?? 'auto',
    criterion: opts.criterion ?? 'bic',
    minTermSupport: opts.minTermSupport ?? MIN_TERM_SUPPORT,
  } as Required<EstimateOptions>;
}

/** Version of the estimation code, part of the canonical inputs: a change of method changes the hash. */
export const ENGINE = 'testigo-estimate/4';

/**
 * Canonical JSON of the inputs and settings (defaults filled in), to hash and store with a result
 * so it can be reproduced: same string, same numbers.
 */
export function canonicalInputs(
  tables: Map<string, CaptureTable> | CaptureTable,
  opts: EstimateOptions = {},
): string {
  const map = tables instanceof Map ? tables : new Map([['', tables]]);
  return canonicalJson({
    engine: ENGINE,
    settings: resolvedSettings(opts),
    tables: Object.fromEntries([...map].map(([k, t]) => [k, { lists: t.lists, counts: t.counts }])),
  });
}
