/**
 * Server CPU of loading the analysis' case snapshot (every record of the case opened), which each
 * process does every few seconds under the mixed load (analysis-cache.ts): the first load opens
 * every row, later ones reuse the bodies opened before while their stored text is unchanged
 * (records.ts toRecord).
 *
 *   node --import tsx bench/load/snapshot-cost.ts [--pg] [--n 5]
 */
import { parseArgs } from 'node:util';
import { loadCaseSnapshot } from '../../src/analysis/load.js';
import { rowOpens } from '../../src/store/repos/records.js';
import { openBenchStore } from './bench-store.js';

const { values: args } = parseArgs({
  options: { pg: { type: 'boolean', default: false }, n: { type: 'string', default: '5' } },
});
const bench = await openBenchStore(args.pg, 'testigo-snapshot-');
try {
  const { store, fixture } = bench;
  for (let i = 0; i < Number(args.n); i++) {
    const before = { ...rowOpens };
    const cpu = process.cpuUsage();
    const snap = await loadCaseSnapshot(store, fixture.caseId);
    const used = process.cpuUsage(cpu);
    const records = Object.values(snap).reduce((n, v) => n + (Array.isArray(v) ? v.length : 0), 0);
    process.stdout.write(
      `load ${i + 1}: ${records} records, server CPU ${((used.user + used.system) / 1000).toFixed(1)} ms; rows opened ${rowOpens.opened - before.opened}, reused ${rowOpens.reused - before.reused}\n`,
    );
  }
  await store.close();
} finally {
  await bench.dispose();
}
