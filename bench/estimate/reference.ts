/**
 * Testigo's LCMCR against the R package LCMCR 0.4.14 on the reference tables: every simulated
 * table (R: K*=10, seed 7, 10,000 burn-in, 100,000 iterations) and the Kosovo and UK tables
 * (R's long runs), with Testigo's default settings unless told otherwise. Markdown on stdout.
 *
 *   node --import tsx bench/estimate/reference.ts [--seeds=1,2] [--only=S4] [--published-only]
 */
import { lcmcr } from '../../src/estimate/lcmcr.js';
import { publishedTable, referenceResults, simulatedTable } from '../../src/test-support/mse-reference.js';

const args = process.argv.slice(2);
const seeds = (args.find((a) => a.startsWith('--seeds='))?.slice(8) ?? '1').split(',').map(Number);
const only = args.find((a) => a.startsWith('--only='))?.slice(7);
const out = (s: string) => process.stdout.write(s);
const pct = (a: number, b: number) => `${(100 * (a / b - 1)).toFixed(1)}%`;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

out(
  '| table | seed | Testigo median [95%] | R median [95%] | Δ median | Δ low | Δ high | T-posterior mass below R low / above R high | R-hat | ESS | classes | conv. | CPU s |\n',
);
out('|---|---|---|---|---|---|---|---|---|---|---|---|---|\n');
const published: [Parameters<typeof publishedTable>[0], number, [number, number]][] = [
  ['kosovo-1999', 10435, [9001, 13854]],
  ['uk-modern-slavery-2013-5lists', 21149, [15162, 32470]],
];
const rows: {
  name: string;
  table: ReturnType<typeof publishedTable>;
  median: number;
  interval: [number, number];
}[] = published.map(([name, median, interval]) => ({ name, table: publishedTable(name), median, interval }));
if (!args.includes('--published-only'))
  for (const r of referenceResults())
    rows.push({
      name: r.file.replace('.csv', ''),
      table: simulatedTable(r.file),
      median: r.median,
      interval: r.interval,
    });
/** Per simulated design: how Testigo's and R's intervals agree, replicate by replicate. */
interface Agreement {
  runs: number;
  converged: number;
  tCoversRMedian: number;
  rCoversTMedian: number;
  dMedian: number[];
  dLow: number[];
  dHigh: number[];
  /** |P_T(N < R low) − 0.025| + |P_T(N > R high) − 0.025|: mass between the two intervals' ends. */
  gapMass: number[];
}
const groups = new Map<string, Agreement>();
for (const row of rows) {
  if (only && !row.name.includes(only)) continue;
  for (const seed of seeds) {
    const t0 = cpu();
    const r = lcmcr(row.table, { seed });
    const s = cpu() - t0;
    const below = r.draws.filter((d) => d < row.interval[0]).length / r.draws.length;
    const above = r.draws.filter((d) => d > row.interval[1]).length / r.draws.length;
    out(
      `| ${row.name} | ${seed} | ${r.median} [${r.interval[0]}–${r.interval[1]}] | ${row.median} [${row.interval[0]}–${row.interval[1]}] | ${pct(r.median, row.median)} | ${pct(r.interval[0], row.interval[0])} | ${pct(r.interval[1], row.interval[1])} | ${(100 * below).toFixed(1)}% / ${(100 * above).toFixed(1)}% | ${r.rhat.toFixed(3)} | ${Math.round(r.ess)} | ${r.occupiedClasses.toFixed(1)} | ${r.converged ? 'yes' : 'no'} | ${s.toFixed(1)} |\n`,
    );
    const design = /^(S\d)_/.exec(row.name)?.[1];
    if (!design) continue;
    const g = groups.get(design) ?? {
      runs: 0,
      converged: 0,
      tCoversRMedian: 0,
      rCoversTMedian: 0,
      dMedian: [],
      dLow: [],
      dHigh: [],
      gapMass: [],
    };
    groups.set(design, g);
    g.runs++;
    if (r.converged) g.converged++;
    if (r.interval[0] <= row.median && row.median <= r.interval[1]) g.tCoversRMedian++;
    if (row.interval[0] <= r.median && r.median <= row.interval[1]) g.rCoversTMedian++;
    g.dMedian.push(r.median / row.median - 1);
    g.dLow.push(r.interval[0] / row.interval[0] - 1);
    g.dHigh.push(r.interval[1] / row.interval[1] - 1);
    g.gapMass.push(Math.abs(below - 0.025) + Math.abs(above - 0.025));
  }
}
if (groups.size > 0) {
  const range = (xs: number[]) =>
    `${(100 * Math.min(...xs)).toFixed(1)}% to ${(100 * Math.max(...xs)).toFixed(1)}%`;
  const meanAbs = (xs: number[]) =>
    `${((100 * xs.reduce((a, b) => a + Math.abs(b), 0)) / xs.length).toFixed(1)}%`;
  out(
    '\n| design | runs | converged | T interval ∋ R median | R interval ∋ T median | Δ median | Δ low (mean abs) | Δ high (mean abs) | mass between ends: mean / max |\n',
  );
  out('|---|---|---|---|---|---|---|---|---|\n');
  for (const [design, g] of [...groups].sort()) {
    const gm = g.gapMass;
    out(
      `| ${design} | ${g.runs} | ${g.converged} | ${g.tCoversRMedian}/${g.runs} | ${g.rCoversTMedian}/${g.runs} | ${range(g.dMedian)} | ${range(g.dLow)} (${meanAbs(g.dLow)}) | ${range(g.dHigh)} (${meanAbs(g.dHigh)}) | ${(100 * (gm.reduce((a, b) => a + b, 0) / gm.length)).toFixed(1)}% / ${(100 * Math.max(...gm)).toFixed(1)}% |\n`,
    );
  }
}
