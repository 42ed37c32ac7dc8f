/**
 * Linkage error on the Kosovo table (issue 18, item 6): K uncertain pairs between people seen on
 * one list only (on two different lists), match probability p; main estimate at the defaults,
 * then `withLinkageError` with its defaults (20 draws). Prints the interval without and with
 * linkage error, "of which linkage" and the CPU seconds the linkage step adds.
 *
 *   node --import tsx bench/estimate/linkage.ts [--method=loglinear|lcmcr] [--pairs=25,100,300] [--p=0.5]
 */
import { estimate } from '../../src/estimate/estimate.js';
import { withLinkageError } from '../../src/estimate/linkage-error.js';
import { publishedTable } from '../../src/test-support/mse-reference.js';

const opt = (n: string) => process.argv.find((a) => a.startsWith(`--${n}=`))?.slice(n.length + 3);
const method = (opt('method') ?? 'loglinear') as 'loglinear' | 'lcmcr';
const counts = (opt('pairs') ?? '0,25,100,300').split(',').map(Number);
const p = Number(opt('p') ?? 0.5);
const t = publishedTable('kosovo-1999');
const patterns: number[] = [];
for (let w = 1; w < t.counts.length; w++) for (let i = 0; i < t.counts[w]!; i++) patterns.push(w);
const only = (j: number) => patterns.flatMap((w, i) => (w === 1 << j ? [i] : []));
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};
const f = (x: number) => Math.round(x).toLocaleString('en');
const c0 = cpu();
const main = estimate(t, { method, seed: 1 });
const mainCpu = cpu() - c0;
process.stdout.write(
  `Kosovo, ${method} (main run ${mainCpu.toFixed(2)} CPU s): ${f(main.estimate)} [${f(main.interval[0])}–${f(main.interval[1])}]\n\n` +
    '| uncertain pairs (p) | estimate [95%] with linkage error | of which linkage | log-width ratio | extra CPU s |\n|---|---|---|---|---|\n',
);
for (const k of counts) {
  // Half the pairs between lists 1 and 2, half between lists 3 and 4: distinct people.
  const a = only(0);
  const b = only(1);
  const c = only(2);
  const d = only(3);
  const h = Math.floor(k / 2);
  const links = [
    ...Array.from({ length: h }, (_, i) => ({ a: a[i]!, b: b[i]!, probability: p })),
    ...Array.from({ length: k - h }, (_, i) => ({ a: c[i]!, b: d[i]!, probability: p })),
  ];
  const s = cpu();
  const r = withLinkageError({ lists: t.lists, patterns, links }, main, { method, seed: 1 });
  const w = Math.log(r.interval[1] / r.interval[0]) / Math.log(main.interval[1] / main.interval[0]);
  process.stdout.write(
    `| ${k} (${p}) | ${f(r.estimate)} [${f(r.interval[0])}–${f(r.interval[1])}] | ${f(r.linkage.linkageInterval[0])}–${f(r.linkage.linkageInterval[1])} | ${w.toFixed(2)} | ${(cpu() - s).toFixed(2)} |\n`,
  );
}
