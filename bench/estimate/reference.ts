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
  '| table | seed | Testigo median [95%] | R median [95%] | Δ median | Δ low | Δ high | R-hat | ESS | classes | conv. | CPU s |\n',
);
out('|---|---|---|---|---|---|---|---|---|---|---|---|\n');
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
for (const row of rows) {
  if (only && !row.name.includes(only)) continue;
  for (const seed of seeds) {
    const t0 = cpu();
    const r = lcmcr(row.table, { seed });
    const s = cpu() - t0;
    out(
      `| ${row.name} | ${seed} | ${r.median} [${r.interval[0]}–${r.interval[1]}] | ${row.median} [${row.interval[0]}–${row.interval[1]}] | ${pct(r.median, row.median)} | ${pct(r.interval[0], row.interval[0])} | ${pct(r.interval[1], row.interval[1])} | ${r.rhat.toFixed(3)} | ${Math.round(r.ess)} | ${r.occupiedClasses.toFixed(1)} | ${r.converged ? 'yes' : 'no'} | ${s.toFixed(1)} |\n`,
    );
  }
}
