/**
 * Simulation study for multiple systems estimation: populations with known totals under several
 * scenarios, D data sets each (default 200), reporting for each method the mean estimate, bias,
 * relative error, RMSE and the coverage and width of its 95% interval; then the timing targets.
 * Markdown on stdout (the numbers in RESULTS.md come from here), progress on stderr.
 *
 *   node --import tsx bench/estimate/run.ts [datasets=200] [--timings-only] [--no-timings]
 *        [--scenarios=B,C] [--lcmcr-defaults]   (LCMCR with the CLI's default chains and iterations)
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { chapmanFromTable } from '../../src/estimate/chapman.js';
import { estimate } from '../../src/estimate/estimate.js';
import { lcmcr } from '../../src/estimate/lcmcr.js';
import { searchModels } from '../../src/estimate/loglinear.js';
import { Random } from '../../src/estimate/random.js';
import type { CaptureTable } from '../../src/estimate/table.js';

const args = process.argv.slice(2);
const D = Number(args.find((a) => /^\d+$/.test(a)) ?? 200);
const timingsOnly = args.includes('--timings-only');
const noTimings = args.includes('--no-timings');
const only = args
  .find((a) => a.startsWith('--scenarios='))
  ?.slice(12)
  .split(',');
const lcmcrDefaults = args.includes('--lcmcr-defaults');
const N = 2000;
const out = (s: string) => process.stdout.write(s);

type Draw = (rng: Random) => number;
const bernoulli = (r: Random, p: number[]) =>
  p.reduce((w, pj, j) => (r.uniform() < pj ? w | (1 << j) : w), 0);

/** Each scenario draws one capture pattern per person (pattern 0 = on no list, unobserved). */
const scenarios: { name: string; lists: number; holds: string; draw: Draw }[] = [
  {
    name: 'A. independent, homogeneous (4 lists)',
    lists: 4,
    holds: 'every method',
    draw: (r) => bernoulli(r, [0.3, 0.25, 0.2, 0.35]),
  },
  {
    name: 'B. heterogeneous: 2 latent classes (5 lists)',
    lists: 5,
    holds: 'LCMCR',
    draw: (r) => bernoulli(r, r.uniform() < 0.4 ? [0.6, 0.5, 0.5, 0.6, 0.5] : [0.25, 0.3, 0.2, 0.25, 0.3]),
  },
  {
    name: 'C. heterogeneous: 3 classes, 30% hard to reach (4 lists)',
    lists: 4,
    holds: 'LCMCR',
    draw: (r) => {
      const u = r.uniform();
      return bernoulli(
        r,
        u < 0.2 ? [0.7, 0.6, 0.6, 0.7] : u < 0.7 ? [0.35, 0.3, 0.25, 0.3] : [0.1, 0.08, 0.12, 0.1],
      );
    },
  },
  {
    name: 'D. positive dependence: list 2 copies list 1 (4 lists)',
    lists: 4,
    holds: 'log-linear with [12]',
    draw: (r) => {
      let w = r.uniform() < 0.3 ? 1 : 0;
      if (r.uniform() < (w ? 0.6 : 0.15)) w |= 2;
      if (r.uniform() < 0.25) w |= 4;
      if (r.uniform() < 0.3) w |= 8;
      return w;
    },
  },
  {
    name: 'E. negative dependence: lists 1 and 2 avoid each other (4 lists)',
    lists: 4,
    holds: 'log-linear with [12]',
    draw: (r) => {
      let w = r.uniform() < 0.35 ? 1 : 0;
      if (r.uniform() < (w ? 0.1 : 0.4)) w |= 2;
      if (r.uniform() < 0.25) w |= 4;
      if (r.uniform() < 0.3) w |= 8;
      return w;
    },
  },
];

function table(lists: number, draw: Draw, rng: Random): CaptureTable {
  const counts = new Array(1 << lists).fill(0);
  for (let i = 0; i < N; i++) counts[draw(rng)]++;
  counts[0] = 0;
  return { lists: Array.from({ length: lists }, (_, j) => `L${j + 1}`), counts };
}

/** The first two lists alone, as a two-list study would see them. */
function firstTwo(t: CaptureTable): CaptureTable {
  const counts = [0, 0, 0, 0];
  for (let w = 1; w < t.counts.length; w++) if (w & 3) counts[w & 3]! += t.counts[w]!;
  return { lists: t.lists.slice(0, 2), counts };
}

const study = lcmcrDefaults ? {} : { iterations: 10_000, burnIn: 2_000, thin: 10, chains: 2, maxClasses: 10 };
const methods = ['loglinear (BIC)', 'loglinear (AIC)', 'lcmcr', 'chapman (lists 1–2 only)'] as const;
type Acc = { est: number[]; cover: number; width: number; failed: number; warned: number };

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

if (!timingsOnly) {
  out(
    `## Simulation study\n\nN = ${N} per data set, ${D} data sets per scenario (seeded: scenario s, data set d uses seed 1000·s + d). ` +
      `Log-linear: all hierarchical two-way models (+ three-way where they help), profile-likelihood interval. ` +
      (lcmcrDefaults
        ? 'LCMCR: the CLI defaults (4 chains × 25,000 iterations after 5,000 burn-in, thin 10, K* = 10). '
        : `LCMCR: ${JSON.stringify(study)} per data set (shorter than the CLI default of 4 chains × 25,000). `) +
      `Chapman: lists 1 and 2 only. Load average at start: ${load()}.\n\n`,
  );
  out(
    '| scenario | assumptions hold for | method | mean estimate | bias | mean abs. rel. error | RMSE | 95% coverage | mean width | convergence warnings | failed |\n|---|---|---|---|---|---|---|---|---|---|---|\n',
  );
  const t0 = performance.now();
  scenarios.forEach((s, si) => {
    if (only && !only.includes(s.name[0]!)) return;
    const acc = Object.fromEntries(
      methods.map((m) => [m, { est: [], cover: 0, width: 0, failed: 0, warned: 0 } as Acc]),
    ) as Record<(typeof methods)[number], Acc>;
    for (let d = 0; d < D; d++) {
      const t = table(s.lists, s.draw, new Random(1000 * (si + 1) + d));
      const record = (
        m: (typeof methods)[number],
        f: () => { estimate: number; interval: [number, number]; warn?: boolean },
      ) => {
        const a = acc[m];
        try {
          const r = f();
          a.est.push(r.estimate);
          if (r.interval[0] <= N && N <= r.interval[1]) a.cover++;
          a.width += r.interval[1] - r.interval[0];
          if (r.warn) a.warned++;
        } catch {
          a.failed++;
        }
      };
      record('loglinear (BIC)', () => estimate(t, { method: 'loglinear', criterion: 'bic' }));
      record('loglinear (AIC)', () => estimate(t, { method: 'loglinear', criterion: 'aic' }));
      record('lcmcr', () => {
        const r = estimate(t, { method: 'lcmcr', seed: d + 1, ...study });
        return { ...r, warn: r.warnings.some((w) => /R-hat|ESS/.test(w)) };
      });
      record('chapman (lists 1–2 only)', () => chapmanFromTable(firstTwo(t)));
      if ((d + 1) % 50 === 0)
        process.stderr.write(
          `${s.name}: ${d + 1}/${D} (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`,
        );
    }
    for (const m of methods) {
      const a = acc[m];
      const k = a.est.length || 1;
      const mean = a.est.reduce((x, y) => x + y, 0) / k;
      const rel = a.est.reduce((x, y) => x + Math.abs(y - N) / N, 0) / k;
      const rmse = Math.sqrt(a.est.reduce((x, y) => x + (y - N) ** 2, 0) / k);
      out(
        `| ${s.name} | ${s.holds} | ${m} | ${Math.round(mean)} | ${Math.round(mean - N)} | ${(100 * rel).toFixed(1)}% | ${Math.round(rmse)} | ${((100 * a.cover) / k).toFixed(1)}% | ${Math.round(a.width / k)} | ${m === 'lcmcr' ? `${a.warned}/${k}` : '–'} | ${a.failed} |\n`,
      );
    }
  });
  out(
    `\nStudy wall time: ${((performance.now() - t0) / 1000 / 60).toFixed(1)} min; load average at end: ${load()}.\n\n`,
  );
}

if (noTimings) process.exit(0);
// Timing targets: the first (cold) run and the best of three.
const time = (f: () => void, reps = 3) => {
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    f();
    ts.push((performance.now() - t0) / 1000);
  }
  return `${ts[0]!.toFixed(2)} | ${Math.min(...ts).toFixed(2)}`;
};
const four = table(4, scenarios[2]!.draw, new Random(7));
const five = table(5, scenarios[1]!.draw, new Random(8));
out(
  `## Timings\n\nLoad average before: ${load()}.\n\n| task | first run (s) | best of 3 (s) |\n|---|---|---|\n`,
);
const lc1 = time(() => lcmcr(four, { iterations: 10_000, burnIn: 1000, thin: 1, chains: 1, maxClasses: 10 }));
out(`| LCMCR, 4 lists, K* = 10, 1 chain × 10,000 iterations after 1,000 burn-in | ${lc1} |\n`);
const lc4 = time(() => lcmcr(four, { iterations: 10_000, burnIn: 1000, thin: 1, chains: 4, maxClasses: 10 }));
out(`| LCMCR, 4 lists, K* = 10, 4 chains × 10,000 iterations after 1,000 burn-in | ${lc4} |\n`);
const lcd4 = time(() => lcmcr(four, {}));
out(`| LCMCR, 4 lists, CLI defaults (4 chains × 25,000 after 5,000 burn-in, K* = 10) | ${lcd4} |\n`);
const lcd5 = time(() => lcmcr(five, {}));
out(`| LCMCR, 5 lists, CLI defaults | ${lcd5} |\n`);
let fits = 0;
const search = time(() => {
  fits = searchModels(five, { criterion: 'bic', threeWay: false }).length;
});
out(
  `| log-linear search over all ${fits} hierarchical two-way models of 5 lists (every model fitted) | ${search} |\n`,
);
const full5 = time(() => estimate(five, { method: 'loglinear' }));
out(`| log-linear, 5 lists, full \`estimate\` (search + three-way step + profile interval) | ${full5} |\n`);
const ten = table(
  10,
  (r) => {
    const p = r.uniform() < 0.3 ? 0.4 : 0.15; // two latent classes: many interactions get selected
    return bernoulli(r, new Array(10).fill(p));
  },
  new Random(9),
);
const full10 = time(() => estimate(ten, { method: 'loglinear' }));
out(
  `| log-linear, 10 lists, 2 latent classes, N = 2,000 (greedy search over 45 pairs), full \`estimate\` | ${full10} |\n`,
);
out(`\nLoad average after: ${load()}.\n`);
