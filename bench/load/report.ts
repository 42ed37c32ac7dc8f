/**
 * Re-renders a result of bench/load/run.ts: the markdown table, the memory verdict recomputed from
 * the stored 5-second samples (so older results are judged the same way) and the RSS floor per
 * minute.
 *
 *   node --import tsx bench/load/report.ts bench/out/load-….json [--limit 2]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  heapPerRecord,
  type LoadResult,
  markdownTable,
  memoryVerdict,
} from '../../src/test-support/load-driver.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { limit: { type: 'string', default: '2' } },
});
for (const file of positionals) {
  const out = JSON.parse(readFileSync(file, 'utf8')) as {
    date: string;
    engine: string;
    result: LoadResult;
    check: { auditOk: boolean; auditEntries?: number; countsMatch: boolean; actual: unknown };
    machine: unknown;
    settings?: { workers?: number; steady?: boolean };
  };
  const r = out.result;
  const m = memoryVerdict(r.windows);
  const perMinute: string[] = [];
  for (let t = 0; t < r.wallSeconds; t += 60) {
    const ws = r.windows.filter((w) => w.t > t && w.t <= t + 60 && w.rssMiB !== undefined);
    if (ws.length) perMinute.push(String(Math.round(Math.min(...ws.map((w) => w.rssMiB!)))));
  }
  const cpu = r.windows.filter((w) => w.serverCpu !== undefined).map((w) => w.serverCpu!);
  const load = r.windows.map((w) => w.loadavg1);
  const limit = Number(values.limit);
  process.stdout.write(
    [
      `## ${out.engine}: ${r.rate} requests/s for ${r.seconds} s (${out.date})`,
      '',
      markdownTable(r),
      '',
      `sent ${r.sent} at ${r.achievedRate}/s (wall ${r.wallSeconds} s), errors ${r.errors} ${JSON.stringify(r.byStatus)}, created ${JSON.stringify(r.created)}, updates ${r.updates}`,
      `server CPU ${r.serverCpuSeconds} s = ${r.serverCpuSeconds ? ((r.serverCpuSeconds * 1000) / r.sent).toFixed(1) : '?'} ms per request; share of a core per window: mean ${(cpu.reduce((a, b) => a + b, 0) / cpu.length).toFixed(2)}, max ${Math.max(...cpu)}; machine load average ${Math.min(...load)}–${Math.max(...load)}`,
      `RSS ${m.startMiB} → ${m.endMiB} MiB, peak ${m.peakMiB}; floor per minute: ${perMinute.join(', ')} MiB`,
      `floor slope over the second half ${m.floorSlopeSecondHalfMiBPerMin} MiB/min (limit ${limit}: ${(m.floorSlopeSecondHalfMiBPerMin ?? Infinity) < limit ? 'PASS' : 'FAIL'}); all samples ${m.slopeSecondHalfMiBPerMin} MiB/min; floor last third − middle third ${m.floorGrowthMiB} MiB`,
      `live heap per record added, per process: ${JSON.stringify(heapPerRecord(r, out.settings?.workers ?? 1))} bytes (second half; whole run)`,
      `store: audit ${out.check.auditOk ? 'verifies' : 'FAILS'} (${out.check.auditEntries} entries), counts ${out.check.countsMatch ? 'match' : 'DIFFER'} ${JSON.stringify(out.check.actual)}`,
      '',
    ].join('\n'),
  );
}
