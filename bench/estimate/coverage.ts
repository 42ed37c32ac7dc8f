/**
 * Coverage study (issue 18, item 7): populations of known size under several heterogeneity and
 * list-dependence designs; for each replicate, `estimate()` with LCMCR (its default settings and
 * convergence policy) and with log-linear (BIC, sparsity guard and model averaging, the default).
 * Reports per design and method: 95% interval coverage of the true N, median relative error,
 * median absolute relative error, median interval width relative to N, and how many LCMCR runs
 * converged. Markdown on stdout, progress on stderr. Every replicate is seeded (design d,
 * replicate r → seed 7919·d + r), so anyone can rerun any row.
 *
 *   node --import tsx bench/estimate/coverage.ts [--reps=12] [--designs=H1,S1] [--methods=lcmcr,loglinear]
 *
 * Designs S1 and S4 follow the description of the generator behind the R reference tables in
 * shared/reference/mse (two latent classes; S1 70% hard to reach with capture 0.05–0.10, S4
 * moderate with capture 0.15–0.6); the reference gives R's intervals on its own replicates but not
 * their true totals, so agreement with R is measured table by table in reference.ts and coverage
 * here, on replicates whose truth is known.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { type EstimateResult, estimate } from '../../src/estimate/estimate.js';
import { Random } from '../../src/estimate/random.js';
import type { CaptureTable } from '../../src/estimate/table.js';

const args = process.argv.slice(2);
const opt = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const REPS = Number(opt('reps') ?? 12);
const onlyDesigns = opt('designs')?.split(',');
const methods = (opt('methods') ?? 'lcmcr,loglinear').split(',') as ('lcmcr' | 'loglinear')[];
const out = (s: string) => process.stdout.write(s);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

const bernoulli = (r: Random, p: readonly number[]) =>
  p.reduce((w, pj, j) => (r.uniform() < pj ? w | (1 << j) : w), 0);

/** A mixture of latent classes: share and capture probabilities per list. */
const classes =
  (mix: readonly [number, readonly number[]][]) =>
  (r: Random): number => {
    let u = r.uniform();
    for (const [share, p] of mix) {
      if (u < share) return bernoulli(r, p);
      u -= share;
    }
    return bernoulli(r, mix[mix.length - 1]![1]);
  };

interface Design {
  id: string;
  what: string;
  lists: number;
  n: number;
  draw: (r: Random) => number;
}

const designs: Design[] = [
  {
    id: 'H0',
    what: 'independent, homogeneous (p 0.20–0.35)',
    lists: 4,
    n: 2000,
    draw: (r) => bernoulli(r, [0.3, 0.25, 0.2, 0.35]),
  },
  {
    id: 'S4',
    what: '2 classes, moderate heterogeneity (40% p 0.45–0.6, 60% p 0.15–0.25), like the reference S4',
    lists: 4,
    n: 2000,
    draw: classes([
      [0.4, [0.6, 0.5, 0.45, 0.55]],
      [0.6, [0.2, 0.15, 0.25, 0.2]],
    ]),
  },
  {
    id: 'S1',
    what: '2 classes, 70% hard to reach (p 0.05–0.10; 30% p 0.4–0.5), like the reference S1',
    lists: 4,
    n: 2000,
    draw: classes([
      [0.3, [0.5, 0.4, 0.45, 0.4]],
      [0.7, [0.1, 0.05, 0.08, 0.06]],
    ]),
  },
  {
    id: 'H5',
    what: '2 classes over 5 lists (40% p 0.5–0.6, 60% p 0.2–0.3)',
    lists: 5,
    n: 2000,
    draw: classes([
      [0.4, [0.6, 0.5, 0.5, 0.6, 0.5]],
      [0.6, [0.25, 0.3, 0.2, 0.25, 0.3]],
    ]),
  },
  {
    id: 'D+',
    what: 'positive dependence: on list 1 (p 0.3) → list 2 with 0.6, else 0.15; lists 3, 4 independent',
    lists: 4,
    n: 2000,
    draw: (r) => {
      let w = r.uniform() < 0.3 ? 1 : 0;
      if (r.uniform() < (w ? 0.6 : 0.15)) w |= 2;
      if (r.uniform() < 0.25) w |= 4;
      if (r.uniform() < 0.3) w |= 8;
      return w;
    },
  },
  {
    id: 'D−',
    what: 'negative dependence: on list 1 (p 0.35) → list 2 with 0.1, else 0.4; lists 3, 4 independent',
    lists: 4,
    n: 2000,
    draw: (r) => {
      let w = r.uniform() < 0.35 ? 1 : 0;
      if (r.uniform() < (w ? 0.1 : 0.4)) w |= 2;
      if (r.uniform() < 0.25) w |= 4;
      if (r.uniform() < 0.3) w |= 8;
      return w;
    },
  },
];

function population(d: Design, rng: Random): CaptureTable {
  const counts = new Array<number>(1 << d.lists).fill(0);
  for (let i = 0; i < d.n; i++) counts[d.draw(rng)]!++;
  counts[0] = 0;
  return { lists: Array.from({ length: d.lists }, (_, j) => `L${j + 1}`), counts };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) / 2;
  return (s[Math.floor(h)]! + s[Math.ceil(h)]!) / 2;
};
const pct = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(1)}%`;

interface Row {
  covered: number;
  rel: number[];
  width: number[];
  converged: number;
  failed: number;
  cpu: number;
}

const chosen = designs.filter((d) => !onlyDesigns || onlyDesigns.includes(d.id));
out(
  `## Coverage study\n\n${REPS} replicates per design (seed 7919·design + replicate), N = 2,000; LCMCR at its defaults ` +
    `(4 chains, 5,000 burn-in, 20,000 iterations extended to 40,000 while not converged); log-linear at its defaults ` +
    `(BIC, sparsity guard, averaging within ΔBIC 4). Load average at start: ${load()} (machine shared).\n\n` +
    '| design | method | coverage (95%) | median rel. error | median abs. rel. error | median width / N | converged | failed | CPU s / run |\n' +
    '|---|---|---|---|---|---|---|---|---|\n',
);
chosen.forEach((d) => {
  const di = designs.indexOf(d);
  const rows = new Map(
    methods.map((m) => [m, { covered: 0, rel: [], width: [], converged: 0, failed: 0, cpu: 0 } as Row]),
  );
  for (let rep = 0; rep < REPS; rep++) {
    const t = population(d, new Random(7919 * (di + 1) + rep));
    for (const m of methods) {
      const acc = rows.get(m)!;
      const c0 = process.cpuUsage();
      let r: EstimateResult;
      try {
        r = estimate(t, { method: m, seed: rep + 1 });
      } catch (err) {
        acc.failed++;
        process.stderr.write(`${d.id} rep ${rep} ${m}: ${(err as Error).message}\n`);
        continue;
      }
      const c = process.cpuUsage(c0);
      acc.cpu += (c.user + c.system) / 1e6;
      if (r.interval[0] <= d.n && d.n <= r.interval[1]) acc.covered++;
      acc.rel.push(r.estimate / d.n - 1);
      acc.width.push((r.interval[1] - r.interval[0]) / d.n);
      if (r.converged !== false) acc.converged++;
    }
    process.stderr.write(
      `${d.id} ${rep + 1}/${REPS} (load ${load()}, ${Math.round(performance.now() / 1000)} s)\n`,
    );
  }
  for (const [m, a] of rows) {
    const ok = a.rel.length;
    out(
      `| ${d.id}: ${d.what} | ${m} | ${ok ? (a.covered / ok).toFixed(2) : '–'} (${a.covered}/${ok}) | ${ok ? pct(median(a.rel)) : '–'} | ${ok ? `${(100 * median(a.rel.map(Math.abs))).toFixed(1)}%` : '–'} | ${ok ? median(a.width).toFixed(3) : '–'} | ${m === 'lcmcr' ? `${a.converged}/${ok}` : '–'} | ${a.failed} | ${ok ? (a.cpu / ok).toFixed(2) : '–'} |\n`,
    );
  }
});
out(`\nLoad average at end: ${load()}.\n`);
