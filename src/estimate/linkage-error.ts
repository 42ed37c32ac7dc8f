/**
 * Linkage error carried into the estimate. Record linkage decides who is the same person; the
 * pairs it was unsure about (match probability between the review floor and the threshold) may be
 * one person counted twice. Each uncertain pair is taken as one person with its match probability,
 * independently; a linkage configuration is drawn (union of the merged people), the capture table
 * re-tabulated and the estimate recomputed. The spread of those estimates, relative to the same
 * computation on the linkage as it stands, is folded into the main interval:
 *
 *   combined draws = (draw of the main estimate's distribution) × (ratio N_m / N_0 of one linkage draw)
 *
 * where the main distribution is the LCMCR posterior (its draws) or, for log-linear and Chapman,
 * a split log-normal through the estimate and its 95% limits. The combined interval is their 2.5%
 * and 97.5% quantiles; "of which linkage" is N̂ × the 2.5% and 97.5% quantiles of the ratios.
 * Pure: no I/O; same inputs and seed → same numbers.
 */
import { UsageError } from '../domain/errors.js';
import { type EstimateOptions, type EstimateResult, estimate } from './estimate.js';
import { Random } from './random.js';
import type { CaptureTable } from './table.js';

/** Two people (entities) that linkage did not join but might be one, with that probability. */
export interface UncertainLink {
  a: number;
  b: number;
  probability: number;
}

/** The linked people (one capture pattern each, bit j = on list j) and the uncertain pairs. */
export interface LinkageUncertainty {
  lists: string[];
  patterns: number[];
  links: UncertainLink[];
}

export interface LinkageErrorOptions {
  /** Linkage configurations drawn (default 20). */
  draws?: number;
  /** Seed of the linkage draws and of the combination (default: the estimate's seed). */
  seed?: number;
  /** LCMCR settings of the re-estimates (default 2 chains × 4,000 after 1,000 burn-in, thin 5). */
  lcmcr?: EstimateOptions;
}

export interface LinkageSummary {
  /** Uncertain pairs that could change the table (two different people, 0 < p < 1). */
  uncertainLinks: number;
  /** Expected number of merges: the sum of the pairs' probabilities. */
  expectedMerges: number;
  draws: number;
  /** People observed across the draws (fewer when pairs merge). */
  observedRange: [number, number];
  /** The 95% interval before linkage error was added (sampling/posterior only). */
  intervalWithoutLinkage: [number, number];
  estimateWithoutLinkage: number;
  /** "Of which linkage": the estimate times the 2.5% and 97.5% quantiles of the linkage ratios. */
  linkageInterval: [number, number];
  /** How the interval was combined, in one sentence. */
  how: string;
  /**
   * LCMCR: standard deviation of log N between short runs on the unchanged table (seeds only),
   * and the factor by which the log ratios' spread was narrowed to take it out.
   */
  monteCarloSd?: number;
  shrink?: number;
}

/** Seeds of the short LCMCR run on the unchanged table, to measure its Monte-Carlo spread. */
const MC_SEEDS = 6;
/** Default number of linkage configurations. */
export const LINKAGE_DRAWS = 20;
/** Draws of the combined distribution whose quantiles give the interval. */
const COMBINED_SAMPLES = 40_000;
/** LCMCR settings for the re-estimates (short: only their ratio to the same run on the base table counts). */
const SHORT_LCMCR: EstimateOptions = {
  chains: 2,
  burnIn: 1_000,
  iterations: 4_000,
  maxIterations: 4_000,
  thin: 5,
};

export function checkUncertainty(u: LinkageUncertainty): void {
  const k = u.lists.length;
  u.patterns.forEach((p, i) => {
    if (!Number.isInteger(p) || p <= 0 || p >= 1 << k)
      throw new UsageError(
        `linkage: person ${i} has capture pattern ${p}, not a non-empty pattern of ${k} lists`,
      );
  });
  u.links.forEach((l, i) => {
    for (const e of [l.a, l.b])
      if (!Number.isInteger(e) || e < 0 || e >= u.patterns.length)
        throw new UsageError(
          `linkage: uncertain pair ${i} names person ${e}, not one of ${u.patterns.length}`,
        );
    if (!(l.probability >= 0 && l.probability <= 1))
      throw new UsageError(`linkage: uncertain pair ${i} has probability ${l.probability}, not in [0, 1]`);
  });
}

/** The capture table of the linkage as it stands. */
export function baseTable(u: LinkageUncertainty): CaptureTable {
  const counts = new Array<number>(1 << u.lists.length).fill(0);
  for (const p of u.patterns) counts[p]!++;
  return { lists: u.lists, counts };
}

/** Pairs that can change the table: two different people, a probability strictly between 0 and 1. */
function effective(u: LinkageUncertainty): UncertainLink[] {
  return u.links.filter((l) => l.a !== l.b && l.probability > 0 && l.probability < 1);
}

/**
 * One linkage configuration: each uncertain pair merged with its probability; merged people
 * (union–find, so chains of merges join) are one person on the union of their lists. A pair with
 * probability 1 that linkage left apart is always merged.
 */
export function drawTable(u: LinkageUncertainty, rng: Random): CaptureTable {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const l of u.links) {
    if (l.a === l.b || l.probability <= 0) continue;
    if (l.probability < 1 && rng.uniform() >= l.probability) continue;
    const ra = find(l.a);
    const rb = find(l.b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  const t = baseTable(u);
  const merged = new Map<number, number>();
  for (const x of parent.keys()) {
    const r = find(x);
    if (r === x) continue;
    // x joins r: x's person leaves the table; r's pattern becomes the union.
    t.counts[u.patterns[x]!]!--;
    merged.set(r, (merged.get(r) ?? u.patterns[r]!) | u.patterns[x]!);
  }
  for (const [r, w] of merged) {
    t.counts[u.patterns[r]!]!--;
    t.counts[w]!++;
  }
  return t;
}

const quantile = (sorted: Float64Array, q: number) => {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  return (
    sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]!) - sorted[lo]!)
  );
};

/**
 * The main result with linkage error folded in. `main` must be the estimate of `baseTable(u)` with
 * `opts`. When no uncertain pair can change the table, or every draw gives back the same
 * estimate, the result is `main` unchanged apart from the `linkage` summary.
 */
export function withLinkageError(
  u: LinkageUncertainty,
  main: EstimateResult,
  opts: EstimateOptions,
  lopts: LinkageErrorOptions = {},
): EstimateResult & { linkage: LinkageSummary } {
  checkUncertainty(u);
  const m = lopts.draws ?? LINKAGE_DRAWS;
  if (!Number.isInteger(m) || m < 2)
    throw new UsageError(`linkage draws must be a whole number ≥ 2 (got ${m})`);
  const seed = lopts.seed ?? opts.seed ?? 1;
  const links = effective(u);
  const forced = u.links.filter((l) => l.a !== l.b && l.probability >= 1).length;
  const summary = (ratios: number[], observed: number[]): LinkageSummary => {
    const sorted = Float64Array.from(ratios).sort();
    return {
      uncertainLinks: links.length,
      expectedMerges: links.reduce((s, l) => s + l.probability, 0) + forced,
      draws: ratios.length,
      observedRange: [Math.min(...observed), Math.max(...observed)],
      intervalWithoutLinkage: main.interval,
      estimateWithoutLinkage: main.estimate,
      linkageInterval: [main.estimate * quantile(sorted, 0.025), main.estimate * quantile(sorted, 0.975)],
      how: `${ratios.length} linkage configurations drawn from the match probabilities of ${links.length} uncertain pair(s), each re-tabulated and re-estimated${main.method === 'lcmcr' ? ' (short LCMCR runs; their Monte-Carlo spread, measured on the unchanged table with 6 seeds, taken out of the spread of the ratios)' : ''}; the main distribution of the estimate multiplied by the ratio of each to the linkage as it stands, and the 2.5% and 97.5% quantiles taken`,
    };
  };
  if (links.length === 0 && forced === 0)
    return { ...main, linkage: summary([1, 1], [main.observed, main.observed]) };

  // Re-estimates: LCMCR on short runs with one seed (common random numbers), so a table equal to
  // the base gives exactly the base figure and the ratio 1.
  const short: EstimateOptions =
    main.method === 'lcmcr'
      ? { ...opts, ...SHORT_LCMCR, ...lopts.lcmcr, method: 'lcmcr' }
      : { ...opts, method: main.method === 'chapman' ? 'loglinear' : main.method };
  const base = baseTable(u);
  const key = (t: CaptureTable) => t.counts.join(',');
  const cache = new Map<string, number>();
  const pointOf = (t: CaptureTable) => {
    const k = key(t);
    let v = cache.get(k);
    if (v === undefined) {
      v = estimate(t, short).estimate;
      cache.set(k, v);
    }
    return v;
  };
  // LCMCR: the short runs' own Monte-Carlo spread, from the base table under other seeds. The base
  // figure is their geometric mean (so a draw equal to the base table still has ratio exactly 1).
  let mcVar = 0;
  if (main.method === 'lcmcr') {
    const logs = Array.from({ length: MC_SEEDS }, (_, i) =>
      Math.log(estimate(base, { ...short, seed: (short.seed ?? 1) + i }).estimate),
    );
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    mcVar = logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (logs.length - 1);
    cache.set(key(base), Math.exp(mean));
  } else cache.set(key(base), main.estimate);
  const n0 = cache.get(key(base))!;
  const rng = new Random(seed, 0x5eed11);
  let ratios: number[] = [];
  const observed: number[] = [];
  for (let i = 0; i < m; i++) {
    const t = drawTable(u, rng);
    observed.push(t.counts.reduce((a, b) => a + b, 0));
    ratios.push(pointOf(t) / n0);
  }
  // Take the Monte-Carlo variance out of the ratios' spread (method of moments on log ratios):
  // what remains is the spread due to linkage. Ratios of 1 (unchanged tables) stay 1.
  let shrink = 1;
  if (mcVar > 0) {
    const logs = ratios.map(Math.log);
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    const obs = logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (logs.length - 1);
    shrink = obs > mcVar ? Math.sqrt(1 - mcVar / obs) : 0;
    ratios = ratios.map((r, i) => (r === 1 ? 1 : Math.exp(mean + shrink * (logs[i]! - mean))));
  }
  const s = {
    ...summary(ratios, observed),
    ...(main.method === 'lcmcr' ? { monteCarloSd: Math.sqrt(mcVar), shrink } : {}),
  };
  if (ratios.every((r) => r === 1)) return { ...main, linkage: s };

  // Combined distribution: a draw of the main estimate times one linkage ratio.
  const mu = Math.log(main.estimate);
  const sLo = (mu - Math.log(Math.max(main.interval[0], 1e-9))) / 1.959964;
  const sHi = (Math.log(main.interval[1]) - mu) / 1.959964;
  const combined = new Float64Array(COMBINED_SAMPLES);
  for (let i = 0; i < COMBINED_SAMPLES; i++) {
    let x: number;
    if (main.draws && main.draws.length > 0) x = main.draws[Math.floor(rng.uniform() * main.draws.length)]!;
    else {
      const z = rng.normal();
      x = Math.exp(mu + z * (z < 0 ? sLo : sHi));
    }
    combined[i] = x * ratios[i % ratios.length]!;
  }
  combined.sort();
  const interval: [number, number] = [quantile(combined, 0.025), quantile(combined, 0.975)];
  return {
    ...main,
    estimate: quantile(combined, 0.5),
    interval,
    warnings: [
      ...main.warnings,
      `linkage error included: ${links.length} uncertain pair(s), about ${Math.round(s.expectedMerges)} of them expected to be the same person; 95% interval ${Math.round(main.interval[0])}–${Math.round(main.interval[1])} without it, ${Math.round(interval[0])}–${Math.round(interval[1])} with it`,
    ],
    ...(main.draws ? { draws: Array.from(combined) } : {}),
    linkage: s,
  };
}

/**
 * One or two sentences for readers (report, `--sensitivity`): how much of the interval comes from
 * record linkage. Empty when the result carries no linkage summary.
 */
export function linkageSentence(r: EstimateResult, lang: 'es' | 'en'): string {
  const l = r.linkage;
  if (!l) return '';
  const f = (x: number) => Math.round(x).toLocaleString(lang);
  if (l.uncertainLinks === 0)
    return lang === 'es'
      ? 'El enlace de registros no dejó pares dudosos: el intervalo no incluye error de enlace porque no lo hay que medir.'
      : 'Record linkage left no uncertain pairs: the interval carries no linkage error because there is none to measure.';
  if (lang === 'es')
    return `El enlace de registros dejó ${l.uncertainLinks} pares dudosos (podrían ser la misma persona). Al repetir el cálculo con ${l.draws} enlaces posibles, sorteados según su probabilidad, el intervalo del 95 % pasa de ${f(l.intervalWithoutLinkage[0])}–${f(l.intervalWithoutLinkage[1])} a ${f(r.interval[0])}–${f(r.interval[1])}; el enlace por sí solo mueve la cifra entre ${f(l.linkageInterval[0])} y ${f(l.linkageInterval[1])}.`;
  return `Record linkage left ${l.uncertainLinks} uncertain pair(s) (possibly the same person). Repeating the estimate over ${l.draws} possible linkages, drawn by their match probabilities, moves the 95% interval from ${f(l.intervalWithoutLinkage[0])}–${f(l.intervalWithoutLinkage[1])} to ${f(r.interval[0])}–${f(r.interval[1])}; linkage alone moves the figure between ${f(l.linkageInterval[0])} and ${f(l.linkageInterval[1])}.`;
}
