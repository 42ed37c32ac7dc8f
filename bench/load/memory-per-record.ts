/**
 * What a server process holds per record of the case, part by part: the case is grown by the load's
 * own creates (in process, over the API), and at each size a fresh process opens the store and
 * builds, one after the other, what a serving process builds — measuring V8's live heap after a full
 * collection between parts. The analysis thread's part (its copy of the snapshot, the analysis it
 * computes) is measured as the same work done here. Parts in parentheses are not held between
 * requests (the analysis while it is computed; the whole analysis while someone asks for it).
 *
 *   node --import tsx bench/load/memory-per-record.ts [--pg] [--steps 3] [--seconds 40] [--rate 150]
 *
 * bench/load's memory verdict looks at a whole process; this says which part grows with the case.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

const { values: args } = parseArgs({
  options: {
    pg: { type: 'boolean', default: false },
    steps: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '40' },
    rate: { type: 'string', default: '150' },
    measure: { type: 'string' },
  },
});

v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const live = () => {
  gc();
  gc();
  return v8.getHeapStatistics().used_heap_size;
};
const MiB = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;

interface Target {
  dataDir: string;
  databaseUrl?: string;
  passphrase: string;
  caseId: string;
  tokens: Record<string, string>;
}

if (args.measure) {
  // The child: one process, parts built in the order a serving process builds them.
  const t = JSON.parse(args.measure) as Target;
  const { openStore } = await import('../../src/store/open.js');
  const { createApp } = await import('../../src/server/app.js');
  const { liveCaseSnapshot } = await import('../../src/analysis/load.js');
  const { analyseCase } = await import('../../src/analysis/analyse.js');
  const { summarizeAnalysis } = await import('../../src/analysis/types.js');
  const { DeltaSender } = await import('../../src/server/snapshot-delta.js');
  const held: unknown[] = [];
  const parts: Record<string, number> = {};
  let last = live();
  const mark = (name: string) => {
    const now = live();
    parts[name] = now - last;
    last = now;
  };
  const store = await openStore({
    dataDir: t.dataDir,
    databaseUrl: t.databaseUrl,
    key: { kind: 'passphrase', passphrase: t.passphrase },
  });
  const app = createApp(store, { landingHtml: 'memory' });
  mark('open');
  const counts = (await store.countAll(t.caseId)) as Record<string, number>;
  const records = Object.values(counts).reduce((a, b) => a + b, 0);
  held.push(await store.personDirectory(t.caseId));
  mark('personDirectory');
  for (const [who, token] of Object.entries(t.tokens)) {
    const r = await app.request(`/api/cases/${t.caseId}/records/persons?limit=20`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (r.status !== 200) throw new Error(`persons page: ${r.status} ${await r.text()}`);
    await r.text();
    mark(`view:${who}`);
  }
  const snapshot = await liveCaseSnapshot(store, t.caseId);
  held.push(snapshot);
  mark('kindDirectories');
  const sender = new DeltaSender();
  held.push(sender, sender.delta('f', snapshot));
  mark('deltaSender');
  const copy = structuredClone(snapshot);
  held.push(copy);
  mark('threadSnapshot');
  // The thread computes the analysis and drops it once it replied: measured apart (not held).
  const analysis = analyseCase(copy);
  mark('(analysisWhileComputing)');
  // What the serving thread holds: the dashboard's part, or the whole analysis while someone asks
  // for the drill-down (analysis-cache.ts).
  held.push(structuredClone(summarizeAnalysis(analysis)));
  mark('analysisSummary');
  const whole = structuredClone(analysis);
  mark('(wholeWhileAsked)');
  void whole;
  await store.close();
  process.stdout.write(`${JSON.stringify({ records, counts, parts })}\n`);
  process.exit(0);
}

const { openBenchStore } = await import('./bench-store.js');
const { openStore } = await import('../../src/store/open.js');
const { createApp } = await import('../../src/server/app.js');
const { DEFAULT_MIX, runLoad } = await import('../../src/test-support/load-driver.js');

const bench = await openBenchStore(args.pg, 'testigo-memory-');
const rows: { records: number; parts: Record<string, number> }[] = [];
try {
  await bench.store.close();
  let fixture = bench.fixture;
  const target = (): Target => ({
    dataDir: bench.dataDir,
    databaseUrl: bench.databaseUrl,
    passphrase: bench.passphrase,
    caseId: fixture.caseId,
    tokens: fixture.tokens,
  });
  const measure = () => {
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, 'memory-per-record.ts'),
        '--measure',
        JSON.stringify(target()),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    if (r.status !== 0) throw new Error(`measuring failed:\n${r.stderr}`);
    const row = JSON.parse(r.stdout.trim().split('\n').pop()!) as (typeof rows)[number];
    rows.push(row);
    process.stdout.write(
      `${row.records} records: ${Object.entries(row.parts)
        .map(([k, v]) => `${k} ${MiB(v)}`)
        .join(', ')} MiB\n`,
    );
  };
  measure();
  // Only creates grow the case (the mix's write classes in their proportions).
  const mix = Object.fromEntries(
    Object.entries(DEFAULT_MIX).map(([k, w]) => [k, k.startsWith('write:create') ? w : 0]),
  ) as typeof DEFAULT_MIX;
  for (let i = 0; i < Number(args.steps); i++) {
    const store = await openStore({
      dataDir: bench.dataDir,
      databaseUrl: bench.databaseUrl,
      key: { kind: 'passphrase', passphrase: bench.passphrase },
    });
    try {
      const app = createApp(store, { landingHtml: 'memory' });
      const r = await runLoad({
        baseUrl: 'http://in-process',
        fixture,
        rate: Number(args.rate),
        seconds: Number(args.seconds),
        mix,
        seed: 10 + i,
        fetch: async (url, init) => app.request(url, init),
      });
      if (r.errors > 0) throw new Error(`growing the case: ${r.errors} errors\n${r.errorSamples.join('\n')}`);
      fixture = r.fixtureAfter;
    } finally {
      await store.close();
    }
    measure();
  }
  const first = rows[0]!;
  const lastRow = rows[rows.length - 1]!;
  const added = lastRow.records - first.records;
  process.stdout.write(`\nbytes per added record (${added} records added):\n`);
  let total = 0;
  for (const k of Object.keys(lastRow.parts)) {
    const per = (lastRow.parts[k]! - first.parts[k]!) / added;
    // Parenthesised parts are not held between requests.
    if (!k.startsWith('(')) total += per;
    process.stdout.write(`  ${k.padEnd(16)} ${Math.round(per)}\n`);
  }
  process.stdout.write(`  ${'total held'.padEnd(16)} ${Math.round(total)}\n`);
  writeFileSync(join(bench.dataDir, '..', `memory-per-record-${Date.now()}.json`), JSON.stringify(rows));
} finally {
  await bench.dispose();
}
