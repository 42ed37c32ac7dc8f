/**
 * Wall and CPU time of the default LCMCR run on the Kosovo table, chains on 1 thread and on the
 * worker pool (issue 18's timing). Same draws either way (checked here too).
 *   node --import tsx bench/estimate/parallel.ts [--seed=1] [--repeats=3]
 */
import { loadavg } from 'node:os';
import { LCMCR_DEFAULTS, lcmcr } from '../../src/estimate/lcmcr.js';
import { threadsFor } from '../../src/estimate/lcmcr-pool.js';
import { publishedTable } from '../../src/test-support/mse-reference.js';

const arg = (name: string, def: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? def);
const seed = arg('seed', 1);
const repeats = arg('repeats', 3);
const t = publishedTable('kosovo-1999');
const pool = threadsFor(t, { ...LCMCR_DEFAULTS, seed });
const best: Record<number, { wall: number; cpu: number }> = {};
let reference: string | undefined;
for (let i = 0; i < repeats; i++)
  for (const threads of [pool, 1]) {
    const load = loadavg()[0]!.toFixed(1);
    const w0 = performance.now();
    const c0 = process.cpuUsage();
    const r = lcmcr(t, { seed }, 0, threads);
    const c = process.cpuUsage(c0);
    const wall = (performance.now() - w0) / 1000;
    const cpu = (c.user + c.system) / 1e6;
    const key = JSON.stringify(r.draws);
    if (reference === undefined) reference = key;
    else if (key !== reference) throw new Error('draws differ between thread counts');
    process.stdout.write(
      `threads ${threads}: wall ${wall.toFixed(2)} s, CPU ${cpu.toFixed(2)} s (all threads), load ${load}, ` +
        `median ${r.median}, R-hat ${r.rhat.toFixed(4)}, ${r.iterationsRun} iterations\n`,
    );
    const b = best[threads];
    if (!b || wall < b.wall) best[threads] = { wall, cpu };
  }
process.stdout.write(`best of ${repeats}: ${JSON.stringify(best)}\n`);
