/**
 * CPU seconds of default LCMCR runs (issue 18's timing target), on one thread so that the CPU
 * time is that of the sampler alone. Prints one line per table and seed, and a hash of the draws.
 *   node --import tsx bench/estimate/cpu.ts [--seeds=1,2,3,4] [--tables=kosovo-1999,uk-modern-slavery-2013-5lists] [--max=N]
 */
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { lcmcr } from '../../src/estimate/lcmcr.js';
import { publishedTable } from '../../src/test-support/mse-reference.js';

const arg = (name: string, def: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? def;
const seeds = arg('seeds', '1,2,3,4').split(',').map(Number);
const max = arg('max', '');
const tables = arg('tables', 'kosovo-1999,uk-modern-slavery-2013-5lists').split(',');
for (const name of tables) {
  const t = publishedTable(name);
  for (const seed of seeds) {
    const load = loadavg()[0]!.toFixed(1);
    const c0 = process.cpuUsage();
    const r = lcmcr(t, max ? { seed, maxIterations: Number(max) } : { seed }, 0, 1);
    const c = process.cpuUsage(c0);
    const cpu = (c.user + c.system) / 1e6;
    const hash = createHash('sha256').update(JSON.stringify(r.draws)).digest('hex').slice(0, 12);
    const [lo, hi] = r.interval;
    process.stdout.write(
      `${name} seed ${seed}: CPU ${cpu.toFixed(2)} s, load ${load}, ${r.median} [${lo}–${hi}], ` +
        `R-hat ${r.rhat.toFixed(4)}, ESS ${Math.round(r.ess)}, ${r.iterationsRun} it (warm-up ${r.warmUp}), ` +
        `classes ${r.occupiedClasses.toFixed(2)}, converged ${r.converged}, draws ${hash}\n`,
    );
  }
}
